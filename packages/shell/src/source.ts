import type { TextRange } from '@wglint/core';

/**
 * Text bash sees, with the original-file offsets of every character. wg-quick's `%i` substitution
 * makes the two differ: each character of the interface name maps to the whole `%i`.
 */
export interface MappedText {
  readonly text: string;
  /** `starts[k]`/`ends[k]`: original range of character k. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Original offset just past the end (for empty ranges at the end). */
  readonly endOffset: number;
}

/** Substitutes every `%i` left to right (bash `${hook//%i/$INTERFACE}`) and records offsets. */
export function substitutePercentI(
  value: string,
  baseOffset: number,
  interfaceName: string | undefined,
): { mapped: MappedText; percentI: TextRange[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const percentI: TextRange[] = [];
  for (let i = 0; i < value.length; i++) {
    if (interfaceName !== undefined && value[i] === '%' && value[i + 1] === 'i') {
      const r = { start: baseOffset + i, end: baseOffset + i + 2 };
      percentI.push(r);
      for (const ch of interfaceName) {
        text += ch;
        starts.push(r.start);
        ends.push(r.end);
      }
      i++;
      continue;
    }
    text += value[i];
    starts.push(baseOffset + i);
    ends.push(baseOffset + i + 1);
  }
  return { mapped: { text, starts, ends, endOffset: baseOffset + value.length }, percentI };
}

/** Original range of characters `[a, b)` of a mapped text. */
export function mappedRange(m: MappedText, a: number, b: number): TextRange {
  const start = a < m.text.length ? m.starts[a]! : m.endOffset;
  if (b <= a) return { start, end: start };
  const end = b - 1 < m.text.length ? m.ends[b - 1]! : m.endOffset;
  return { start, end: Math.max(start, end) };
}
