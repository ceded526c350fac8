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

/** A message on one line (formats are line-oriented). */
export function oneLine(message: string): string {
  return message.replace(/\r?\n|\r/g, ' ');
}
