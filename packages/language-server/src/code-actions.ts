import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver';
import type { DocumentAnalysis } from './analyze.js';
import { toRange } from './convert.js';

/**
 * Quick fixes for the diagnostics under `range`: the rule's own fix where it has one, and a
 * `# wglint-disable-next-line <id>` comment above the line for every diagnostic.
 */
export function codeActions(doc: DocumentAnalysis, range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of doc.diagnostics) {
    const r = toRange(doc.lineIndex, d.range);
    if (r.end.line < range.start.line || r.start.line > range.end.line) continue;
    if (d.fix) {
      const edits: TextEdit[] = d.fix.edits.map((e) => ({ range: toRange(doc.lineIndex, e.range), newText: e.text }));
      actions.push({ title: d.fix.title, kind: CodeActionKind.QuickFix, isPreferred: true, edit: { changes: { [doc.uri]: edits } } });
    }
    // suggestions change what the configuration does: offered, never preferred
    for (const s of d.suggestions ?? []) {
      const edits: TextEdit[] = s.edits.map((e) => ({ range: toRange(doc.lineIndex, e.range), newText: e.text }));
      actions.push({ title: s.title, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits } } });
    }
    const lineStart = doc.lineIndex.lineStart(r.start.line + 1);
    const indent = /^[ \t]*/.exec(doc.text.slice(lineStart))![0];
    actions.push({
      title: `Disable ${d.ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      edit: {
        changes: {
          [doc.uri]: [{ range: { start: { line: r.start.line, character: 0 }, end: { line: r.start.line, character: 0 } }, newText: `${indent}# wglint-disable-next-line ${d.ruleId}\n` }],
        },
      },
    });
  }
  return actions;
}
