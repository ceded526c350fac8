// The compact lexer and the CST-free tree builder against the chevrotain path they replace: same
// tokens as `lexNft` (also across the lexer's chunk boundaries), same token tree as chevrotain's
// tree parser + `buildTree`, including recovery at unclosed blocks and stray `}`.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IToken } from 'chevrotain';
import { compactToken, lexNft, lexNftCompact } from '../src/lexer.js';
import { treeParser } from '../src/parser.js';
import { buildCompactTree, buildTree, isBlock, type TItem, type TLine } from '../src/tree.js';
import { parseNft } from '../src/index.js';

const tok = (t: IToken): unknown[] => [t.image, t.startOffset, t.tokenType.name, t.tokenTypeIdx];

function compactTokens(text: string): unknown {
  const c = lexNftCompact(text);
  const images = new Map<string, string>();
  const tokens: unknown[] = [];
  for (let k = 0; k < c.count; k++) tokens.push(tok(compactToken(c, k, images)));
  return { tokens, comments: c.comments.map((t) => [t.image, t.startOffset]), errors: c.errors.map((e) => [e.offset, e.length]) };
}

function fullTokens(text: string): unknown {
  const r = lexNft(text);
  return { tokens: r.tokens.map(tok), comments: r.comments.map((t) => [t.image, t.startOffset]), errors: r.errors.map((e) => [e.offset, e.length]) };
}

function shape(lines: readonly TLine[]): unknown {
  const item = (i: TItem): unknown =>
    isBlock(i)
      ? { open: i.open.startOffset, close: i.close?.startOffset ?? null, start: i.start, end: i.end, lines: shape(i.lines) }
      : tok(i);
  return lines.map((l) => ({ start: l.start, end: l.end, terminator: l.terminator, items: l.items.map(item) }));
}

/** Both trees of `text`, and the blocks left open (chevrotain path: in `unclosedBlocks` order). */
function trees(text: string): { fast: unknown; chevrotain: unknown } {
  const fast = buildCompactTree(lexNftCompact(text), 1000, new Map())!;
  const tokens = lexNft(text).tokens;
  const p = treeParser();
  p.input = tokens;
  const cst = p.ruleset();
  const errors = p.errors.map((e) => e.token.tokenType.name);
  p.input = [];
  const slow = buildTree(cst, tokens, text.length);
  const unclosed: number[] = [];
  const visit = (ls: readonly TLine[]): void => {
    for (const l of ls) for (const it of l.items) if (isBlock(it)) {
      if (!it.close) unclosed.push(it.open.startOffset);
      visit(it.lines);
    }
  };
  visit(slow.lines);
  // The only syntax error the tree grammar has: a block still open at the end of input.
  for (const e of errors) expect(e).toBe('EOF');
  expect(errors.length > 0).toBe(unclosed.length > 0);
  return {
    fast: { lines: shape(fast.lines), stray: fast.stray.map(tok), unclosed: fast.unclosed.map((b) => b.open.startOffset) },
    chevrotain: { lines: shape(slow.lines), stray: slow.stray.map(tok), unclosed },
  };
}

const PIECES = [
  '{', '}', '{', '}', ';', '\n', '\r\n', ' ', 'table', 'inet', 't', 'chain', 'c', 'tcp', 'dport', '22', 'accept', '"x',
  '"y z"', '#c "q\n', ',', 'set', 'elements', '=', 'type', 'filter', 'hook', 'input', 'priority', '0', '1.2.3.4', '::1',
  '@', '\\\n', '$v', '(', ')', '€', '\t', '1:2#', '[::1]', 'eth*', '\\*', '8021q', '1h30m', '0x1f',
];
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((xs) => xs.join(' '));

describe('compact lexing', () => {
  it('gives the tokens, comments and errors of lexNft', () => {
    fc.assert(fc.property(soup, (text) => {
      expect(compactTokens(text)).toEqual(fullTokens(text));
    }), { numRuns: 400 });
  });

  it('cuts large inputs into chunks without changing a token (strings and comments across the cuts)', () => {
    const parts: string[] = [];
    for (let i = 0; i < 4000; i++) {
      parts.push(i % 97 === 0 ? `comment "multi\nline ${i} # not a comment\n"` : i % 89 === 0 ? `# "quote ${i}\n` : `ip saddr 10.0.${i & 255}.1 tcp dport ${i} accept\r\n`);
      if (i % 251 === 0) parts.push('\\\n');
    }
    const text = parts.join('') + '"unterminated\n to the end';
    expect(text.length).toBeGreaterThan(4 * 32768);
    expect(compactTokens(text)).toEqual(fullTokens(text));
  });
});

describe('tree without a CST', () => {
  it('builds the token tree chevrotain and buildTree build', () => {
    fc.assert(fc.property(soup, (text) => {
      const { fast, chevrotain } = trees(text);
      expect(fast).toEqual(chevrotain);
    }), { numRuns: 400 });
  });

  it('keeps recovery at unclosed blocks and stray braces', () => {
    for (const text of ['table t {\n chain c {\n', 'a { b { c } d', '} a }\n}', 'a {', '{', '}', 'x { y\n} }', 'a\nb {{ c ; } d']) {
      const { fast, chevrotain } = trees(text);
      expect(fast).toEqual(chevrotain);
    }
  });

  it('takes the chevrotain path on deeply nested input, without an internal error', () => {
    const deep = 'add rule ip t c meta mark ' + '{ '.repeat(60) + '1' + ' }'.repeat(60);
    const r = parseNft(deep);
    expect(r.problems.some((p) => p.message.startsWith('internal'))).toBe(false);
  });
});
