import type { SyntaxProblem, Word } from '@wglint/core';

/**
 * Splits one iptables-restore line into words the way `add_param_to_argv` does: blanks separate
 * words, double quotes group (and are removed), inside quotes a backslash escapes the next
 * character. Single quotes are ordinary characters. `offset` is where the line starts in the file.
 */
export function splitRestoreLine(line: string, offset: number): { words: Word[]; problems: SyntaxProblem[] } {
  const words: Word[] = [];
  const problems: SyntaxProblem[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) {
      i++;
      continue;
    }
    const start = i;
    // Fast path: a plain word (no quote) is a slice of the line.
    let j = i;
    let plain = true;
    for (; j < n; j++) {
      const d = line.charCodeAt(j);
      if (d === 32 || d === 9 || d === 13) break;
      if (d === 34) {
        plain = false;
        break;
      }
    }
    if (plain) {
      words.push({ text: line.slice(start, j), range: { start: offset + start, end: offset + j } });
      i = j;
      continue;
    }
    const parts: string[] = [];
    let quoted = false;
    let quoteStart = -1;
    let chunk = i;
    for (; i < n; i++) {
      const ch = line.charCodeAt(i);
      if (quoted) {
        if (ch === 92 /* \ */ && i + 1 < n) {
          parts.push(line.slice(chunk, i));
          i++;
          chunk = i;
        } else if (ch === 34) {
          parts.push(line.slice(chunk, i));
          chunk = i + 1;
          quoted = false;
        }
        continue;
      }
      if (ch === 34) {
        parts.push(line.slice(chunk, i));
        chunk = i + 1;
        quoted = true;
        quoteStart = i;
        continue;
      }
      if (ch === 32 || ch === 9 || ch === 13) break;
    }
    parts.push(line.slice(chunk, i));
    if (quoted) {
      problems.push({ range: { start: offset + quoteStart, end: offset + n }, message: 'unterminated quote: add the closing `"`' });
    }
    words.push({ text: parts.join(''), range: { start: offset + start, end: offset + i } });
  }
  return { words, problems };
}
