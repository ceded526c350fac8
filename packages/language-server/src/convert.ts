import type { Diagnostic, LineIndex, TextRange } from '@wglint/core';
import { docsUrl } from '@wglint/engine';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Position, type Range } from 'vscode-languageserver';

/** LSP positions are 0-based; our LineIndex is 1-based. Offsets are UTF-16 in both. */
export function toPosition(index: LineIndex, offset: number): Position {
  const p = index.positionAt(offset);
  return { line: p.line - 1, character: p.column - 1 };
}

export function toRange(index: LineIndex, range: TextRange): Range {
  return { start: toPosition(index, range.start), end: toPosition(index, range.end) };
}

export function toOffset(index: LineIndex, position: Position): number {
  return index.offsetAt({ line: position.line + 1, column: position.character + 1 });
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(index: LineIndex, d: Diagnostic): LspDiagnostic {
  return {
    range: toRange(index, d.range),
    severity: SEVERITY[d.severity],
    source: 'wglint',
    code: d.ruleId,
    codeDescription: { href: docsUrl(d.ruleId) },
    message: d.message,
  };
}
