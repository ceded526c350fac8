import type { SyntaxProblem } from '@wglint/core';

/**
 * The one problem of an nft file with CRLF line endings: the first carriage return outside a
 * comment and a string. nft's scanner has no rule for a CR, so each one is "unexpected junk"
 * (checked with nft 1.0.6; a scanner patch to accept CRLF was posted in December 2022 and held back
 * by its author, who preferred a clearer error), while a comment runs to the `\n` and swallows it.
 */
export function crlfProblem(text: string): SyntaxProblem | undefined {
  if (text.indexOf('\r') < 0) return undefined;
  let first = -1;
  let line = 1;
  let firstLine = 0;
  let more = 0;
  let lastCrLine = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 35 /* # */) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl - 1;
    } else if (c === 34 /* " */) {
      // A quoted string runs to the next quote (nft has no escapes in strings), newlines included.
      const q = text.indexOf('"', i + 1);
      if (q < 0) break;
      for (let k = text.indexOf('\n', i + 1); k >= 0 && k < q; k = text.indexOf('\n', k + 1)) line++;
      i = q;
    } else if (c === 13) {
      if (first < 0) {
        first = i;
        firstLine = line;
      } else if (line !== lastCrLine) more++;
      lastCrLine = line;
    }
  }
  if (first < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', first - 1) + 1;
  const column = first - lineStart + 1;
  const crlf = text.charCodeAt(first + 1) === 10;
  return {
    range: { start: first, end: first + 1 },
    message:
      `line ${firstLine} ${crlf ? 'ends with a carriage return (CRLF line ending' : 'has a carriage return (CR'}, column ${column})` +
      (more > 0 ? `, and ${more} more line${more === 1 ? '' : 's'} after it ${more === 1 ? 'does' : 'do'}` : '') +
      ': nft refuses every CR outside a comment ("syntax error, unexpected junk"); ' +
      "convert the file to LF line endings, e.g. `sed -i 's/\\r$//' FILE` or `dos2unix FILE`",
  };
}
