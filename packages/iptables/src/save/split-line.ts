import type { SyntaxProblem, Word } from '@wglint/core';

/**
 * Splits one iptables-restore line into words the way `add_param_to_argv` does: blanks separate
 * words, double quotes group (and are removed), inside quotes a backslash escapes the next
 * character. Single quotes are ordinary characters. `offset` is where the line starts in the file.
 */
export function splitRestoreLine(line: string, offset: number): { words: Word[]; problems: SyntaxProblem[] } {
  const words: Word[] = [];
  const problems: SyntaxProblem[] = [];
  splitRestoreRange(line, 0, line.length, offset, words, problems);
  return { words, problems };
}

/**
 * Recently seen short words, by a hash of their length and a few characters: the same option
 * and keyword texts (`-A`, `-m`, `tcp`, `--dport`, `ACCEPT`, ...) recur on every line, so a dump's
 * words share one string each instead of a copy per occurrence. Holds at most `INTERN_SLOTS` short strings.
 */
const INTERN_SLOTS = 4096;
/** Longer slices are views into the whole text in V8: keeping one here would keep that text alive. */
const MAX_INTERNED = 12;
const interned: Array<string | undefined> = new Array<string | undefined>(INTERN_SLOTS).fill(undefined);

/** `src.slice(start, end)`, shared with an earlier equal short word when there is one. */
function wordText(src: string, start: number, end: number): string {
  const len = end - start;
  if (len === 0) return '';
  if (len > MAX_INTERNED) return src.slice(start, end);
  const h = (len * 977 + src.charCodeAt(start) * 31 + src.charCodeAt(end - 1) * 7 + src.charCodeAt(start + (len >> 1))) & (INTERN_SLOTS - 1);
  const cand = interned[h];
  if (cand !== undefined && cand.length === len) {
    let k = 0;
    while (k < len && cand.charCodeAt(k) === src.charCodeAt(start + k)) k++;
    if (k === len) return cand;
  }
  const text = src.slice(start, end);
  interned[h] = text;
  return text;
}

/**
 * `splitRestoreLine` on `src` from `from` to `to`, appending to `words` and `problems`. Ranges
 * are `delta + index in src` (`delta` 0 when `src` is the whole file).
 */
export function splitRestoreRange(src: string, from: number, to: number, delta: number, words: Word[], problems: SyntaxProblem[]): void {
  const n = to;
  let i = from;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) {
      i++;
      continue;
    }
    const start = i;
    // Fast path: a plain word (no quote) is a slice of the line.
    let j = i;
    let plain = true;
    for (; j < n; j++) {
      const d = src.charCodeAt(j);
      if (d === 32 || d === 9 || d === 13) break;
      if (d === 34) {
        plain = false;
        break;
      }
    }
    if (plain) {
      words.push({ text: wordText(src, start, j), range: { start: delta + start, end: delta + j } });
      i = j;
      continue;
    }
    let text = '';
    let quoted = false;
    let quoteStart = -1;
    let chunk = i;
    for (; i < n; i++) {
      const ch = src.charCodeAt(i);
      if (quoted) {
        if (ch === 92 /* \ */ && i + 1 < n) {
          text += src.slice(chunk, i);
          i++;
          chunk = i;
        } else if (ch === 34) {
          text += src.slice(chunk, i);
          chunk = i + 1;
          quoted = false;
        }
        continue;
      }
      if (ch === 34) {
        text += src.slice(chunk, i);
        chunk = i + 1;
        quoted = true;
        quoteStart = i;
        continue;
      }
      if (ch === 32 || ch === 9 || ch === 13) break;
    }
    text += src.slice(chunk, i);
    if (quoted) {
      problems.push({ range: { start: delta + quoteStart, end: delta + n }, message: 'unterminated quote: add the closing `"`' });
    }
    words.push({ text, range: { start: delta + start, end: delta + i } });
  }
}
