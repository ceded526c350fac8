import { LineIndex, type Diagnostic } from '@wglint/core';
import type { FileResult } from '@wglint/engine';

/** A diagnostic with 1-based line/column (end column exclusive), as every format shows it. */
export interface PlacedDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Line/column for each diagnostic of a file, computed once per file. */
export function place(result: FileResult): PlacedDiagnostic[] {
  if (result.diagnostics.length === 0) return [];
  const index = new LineIndex(result.text);
  return result.diagnostics.map((d) => {
    const s = index.positionAt(d.range.start);
    const e = index.positionAt(Math.max(d.range.start, d.range.end));
    return { diagnostic: d, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  });
}

/**
 * A message on one line (formats are line-oriented), with control characters shown as `\xNN`
 * so text quoted from a file cannot drive the terminal.
 */
export function oneLine(message: string): string {
  return safeText(message.replace(/\r?\n|\r/g, ' '));
}

/** Control characters (other than tab and newline) as visible `\xNN` escapes. */
export function safeText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
