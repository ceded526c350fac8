/** Half-open range of UTF-16 code-unit offsets into a file's text: `[start, end)`. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A 1-based line/column position; `column` counts UTF-16 code units. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export function rangeOf(start: number, end: number): TextRange {
  return { start, end };
}

/** The smallest range covering both. */
export function joinRanges(a: TextRange, b: TextRange): TextRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

export function rangeContains(outer: TextRange, inner: TextRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Converts offsets to 1-based line/column. Built once per file; lookups are O(log lines). */
export class LineIndex {
  private readonly lineStarts: readonly number[];

  constructor(private readonly text: string) {
    this.lineStarts = text.indexOf('\r') < 0 ? lfLineStarts(text) : lineStartsWithCr(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based position of an offset (clamped into the text). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1 };
  }

  /** Offset of a 1-based position (clamped). */
  offsetAt(pos: Position): number {
    const start = this.lineStarts[Math.max(0, Math.min(pos.line - 1, this.lineStarts.length - 1))]!;
    return Math.min(this.text.length, start + Math.max(0, pos.column - 1));
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
  }
}

/** Line starts of a text without CR: the position after each LF, found by `indexOf` (a large dump's per-character loop costs tens of milliseconds). */
function lfLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line starts where LF, CRLF and a lone CR each end a line. */
function lineStartsWithCr(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}
