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
  const text = result.text;
  // Without a CR, line starts are the positions after each LF, found with indexOf (several times
  // faster than LineIndex's loop over every character on a large dump); same positions either way.
  if (text.indexOf('\r') >= 0) {
    const index = new LineIndex(text);
    return result.diagnostics.map((d) => {
      const s = index.positionAt(d.range.start);
      const e = index.positionAt(Math.max(d.range.start, d.range.end));
      return { diagnostic: d, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
    });
  }
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (o: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const out: PlacedDiagnostic[] = new Array<PlacedDiagnostic>(result.diagnostics.length);
  for (let k = 0; k < result.diagnostics.length; k++) {
    const d = result.diagnostics[k]!;
    const so = Math.max(0, Math.min(d.range.start, text.length));
    const eo = Math.max(0, Math.min(Math.max(d.range.start, d.range.end), text.length));
    const sl = lineAt(so);
    const el = lineAt(eo);
    out[k] = { diagnostic: d, line: sl + 1, column: so - starts[sl]! + 1, endLine: el + 1, endColumn: eo - starts[el]! + 1 };
  }
  return out;
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
