// Comment-preserving layout formatter for `wglint format`: re-indents block lines with tabs (one
// per `{` depth, as `nft list ruleset` does), collapses runs of blanks between tokens, trims line
// ends. Comment-only lines, lines with syntax problems, continuation lines of multi-line sets and
// backslash-continued lines are kept byte for byte. Idempotent.
import type { IToken } from 'chevrotain';
import { lexNft } from './lexer.js';
import { parseNft } from './parse.js';

export function formatNft(text: string): string {
  const { tokens, comments } = lexNft(text);
  const problems = parseNft(text).problems;
  const lines = splitLines(text);
  const all: IToken[] = [...tokens, ...comments].sort((a, b) => a.startOffset - b.startOffset);
  let ti = 0;
  let depth = 0;
  /** Depths of open braces and whether each was opened mid-line (a set, not a block). */
  const stack: { midLine: boolean; line: number }[] = [];
  // The lines each problem touches (start < line end, end >= line start), found by binary search:
  // a scan of every problem per line is quadratic on a file of junk lines.
  const problemLines = new Set<number>();
  for (const p of problems) {
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid]!.end > p.range.start) hi = mid;
      else lo = mid + 1;
    }
    for (let k = lo; k < lines.length && lines[k]!.start <= p.range.end; k++) problemLines.add(k);
  }
  const out: string[] = [];
  /** Where the last token that runs past its line's end (a string with newlines) ends. */
  let openTokenEnd = 0;
  lines.forEach((ln, lineNo) => {
    // A line that starts inside such a token is part of that token: it is kept byte for byte.
    const startsInsideToken = ln.start < openTokenEnd;
    const lineTokens: IToken[] = [];
    while (ti < all.length && all[ti]!.startOffset < ln.end) {
      if (all[ti]!.startOffset >= ln.start) lineTokens.push(all[ti]!);
      ti++;
    }
    const body = text.slice(ln.start, ln.end);
    const depthAtStart = depth;
    const inSetContinuation = stack.length > 0 && stack[stack.length - 1]!.midLine;
    const prevContinued = lineNo > 0 && /\\\r?$/.test(text.slice(lines[lineNo - 1]!.start, lines[lineNo - 1]!.end));
    // update brace depth from this line's tokens
    const code = lineTokens.filter((t) => t.tokenType.name !== 'Comment' && t.tokenType.name !== 'Newline');
    // the last token that is more than `;` or `}`: a `{` before it opens a set on this line
    let lastSubstantial = -1;
    code.forEach((t, i) => {
      if (t.tokenType.name !== 'Semi' && t.tokenType.name !== 'RCurly') lastSubstantial = i;
    });
    code.forEach((t, i) => {
      if (t.tokenType.name === 'LCurly') {
        stack.push({ midLine: lastSubstantial > i, line: lineNo });
        depth++;
      } else if (t.tokenType.name === 'RCurly' && depth > 0) {
        stack.pop();
        depth--;
      }
    });
    const hasProblem = problemLines.has(lineNo);
    const trimmed = body.trim();
    const multiLineToken = lineTokens.some((t) => t.startOffset < ln.start || t.startOffset + t.image.length > ln.end);
    for (const t of lineTokens) openTokenEnd = Math.max(openTokenEnd, t.startOffset + t.image.length);
    if (startsInsideToken) {
      out.push(body);
      return;
    }
    if (trimmed === '') {
      out.push('');
      return;
    }
    if (hasProblem || inSetContinuation || prevContinued || multiLineToken || code.length === 0 || /\\\r?$/.test(body)) {
      out.push(code.length === 0 ? body.replace(/[ \t]+$/, '') : body);
      return;
    }
    const startsWithClose = code[0]!.tokenType.name === 'RCurly';
    const indent = '\t'.repeat(Math.max(0, startsWithClose ? depthAtStart - 1 : depthAtStart));
    // rebuild the line: single blanks between tokens, original adjacency kept
    let s = '';
    const toks = lineTokens.filter((t) => t.tokenType.name !== 'Newline');
    toks.forEach((t, i) => {
      if (i > 0) {
        const prev = toks[i - 1]!;
        const gap = text.slice(prev.startOffset + prev.image.length, t.startOffset);
        s += gap === '' ? '' : gap.includes('\\') ? gap : t.tokenType.name === 'Comment' ? gap : ' ';
      }
      s += t.image;
    });
    out.push(indent + s.replace(/[ \t]+$/, ''));
  });
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let result = out.join(eol);
  if (text.endsWith('\n') && !result.endsWith('\n')) result += eol;
  return result;
}

function splitLines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      const end = i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
      out.push({ start, end });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}
