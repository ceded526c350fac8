import { canonicalKeyOf } from '@wglint/wg';
import { ruleCatalog, docsUrl } from '@wglint/engine';
import type { Hover, Position } from 'vscode-languageserver';
import type { DocumentAnalysis } from './analyze.js';
import { toOffset, toRange } from './convert.js';
import { WG_KEY_DOCS } from './key-docs.js';

/** Hover: the rule behind a diagnostic under the cursor, else the documentation of a wg key. */
export function hover(doc: DocumentAnalysis, position: Position): Hover | null {
  const offset = toOffset(doc.lineIndex, position);
  const hits = doc.diagnostics.filter((d) => d.range.start <= offset && offset <= d.range.end);
  if (hits.length > 0) {
    const catalog = new Map(ruleCatalog().map((m) => [m.id, m]));
    const parts = hits.map((d) => `**${d.ruleId}**: ${catalog.get(d.ruleId)?.summary ?? ''} ([docs](${docsUrl(d.ruleId)}))`);
    return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: toRange(doc.lineIndex, hits[0]!.range) };
  }
  if (!doc.host.rel.endsWith('.conf') || doc.host.rel.includes('sysctl')) return null;
  const lineStart = doc.lineIndex.lineStart(position.line + 1);
  const line = /^[^\r\n]*/.exec(doc.text.slice(lineStart))![0];
  const m = /^(\s*)([A-Za-z]+)\s*=/.exec(line);
  if (!m) return null;
  const keyStart = m[1]!.length;
  const keyEnd = keyStart + m[2]!.length;
  if (position.character < keyStart || position.character > keyEnd) return null;
  const key = canonicalKeyOf(m[2]!);
  if (!key) return null;
  return {
    contents: { kind: 'markdown', value: `**${key}**: ${WG_KEY_DOCS[key]}` },
    range: { start: { line: position.line, character: keyStart }, end: { line: position.line, character: keyEnd } },
  };
}
