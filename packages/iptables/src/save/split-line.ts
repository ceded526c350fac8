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
    let text = '';
    let quoted = false;
    let quoteStart = -1;
    for (; i < n; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '\\' && i + 1 < n) {
          text += line[++i];
        } else if (ch === '"') {
          quoted = false;
        } else {
          text += ch;
        }
        continue;
      }
      if (ch === '"') {
        quoted = true;
        quoteStart = i;
        continue;
      }
      if (ch === ' ' || ch === '\t' || ch === '\r') break;
      text += ch;
    }
    if (quoted) {
      problems.push({ range: { start: offset + quoteStart, end: offset + n }, message: 'unterminated quote: add the closing `"`' });
    }
    words.push({ text, range: { start: offset + start, end: offset + i } });
  }
  return { words, problems };
}
