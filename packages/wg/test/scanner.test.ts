import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanWg } from '../src/scanner.js';
import { wgLexer } from '../src/tokens.js';

// scanWg is the production lexer; chevrotain's lexer over `lexerDefinition` is its specification
// (in safe mode: with its first-character optimisation chevrotain dropped a U+FEFF that starts a
// token after offset 0, which the definition does not say).
const spec = wgLexer();
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function simplify(tokens: readonly { image: string; startOffset: number; endOffset?: number; tokenType: { name: string } }[]) {
  return tokens.map((t) => [t.tokenType.name, t.startOffset, t.endOffset, t.image]);
}

function expectSameAsSpec(text: string) {
  const want = spec.tokenize(text);
  const got = scanWg(text);
  expect(want.errors).toEqual([]);
  expect(simplify(got.tokens)).toEqual(simplify(want.tokens));
  for (const group of ['comments', 'bom', 'unknown'] as const) {
    expect(simplify(got.groups[group])).toEqual(simplify(want.groups[group] ?? []));
  }
}

function wgFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) wgFiles(p, out);
    else if (e.name.endsWith('.conf') && p.includes('wireguard')) out.push(p);
  }
  return out;
}

describe('scanWg matches the chevrotain lexer definition', () => {
  it('on every wg-quick config of the examples and host fixtures', () => {
    const files = [...wgFiles(join(repoRoot, 'examples')), ...wgFiles(join(repoRoot, 'test/hosts'))];
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) expectSameAsSpec(readFileSync(f, 'utf8'));
  });

  it('on edge cases: BOM, CR, blanks inside keys and names, `#` in hooks, stray brackets', () => {
    for (const text of [
      '',
      '\ufeff[Interface]\r\nPrivateKey = x\r\n',
      '[ Inter face ]  # c\n',
      'Post Up = iptables -A x # not a comment\n',
      'PostUp=a\rb\r\n',
      '= x\n] y\n[[x]]\n',
      'Address = 10.0.0.1/24 , fd00::1/64 \t# c\n',
      'a\r\rb = c\n\r\n\r',
      '\ufeff\ufeff= #\n',
      '[Peer\nKey = v = w\n',
      'PreDown = \n',
    ]) expectSameAsSpec(text);
  });

  it('on random text built from the characters that matter', () => {
    const char = fc.constantFrom('[', ']', '=', '#', ' ', '\t', '\r', '\n', '\v', '\f', '\ufeff', 'a', 'P', 'o', 's', 't', 'U', 'p', 'x', '\ud800');
    const words = fc.constantFrom('PostUp', 'PreDown', 'Post Up', 'postdown', 'Address', '[Interface]', '[Peer]', ' = ');
    const text = fc.array(fc.oneof(char, words), { maxLength: 60 }).map((xs) => xs.join(''));
    fc.assert(fc.property(text, (t) => expectSameAsSpec(t)), { seed: 20261121, numRuns: 3000 });
  });

  it('keeps a U+FEFF that starts a token after the first character (chevrotain used to drop it)', () => {
    const text = '[Interface]\n\ufeffPrivate = \ufeffx\n';
    expect(scanWg(text).tokens.map((t) => t.image)).toEqual(['[', 'Interface', ']', '\n', '\ufeffPrivate', '=', '\ufeffx', '\n']);
  });
});

describe('a U+FEFF that starts a later line', () => {
  it('stays a (broken) line through formatting and never becomes a BOM', async () => {
    const { formatWgConfig, parseWgConfig } = await import('../src/index.js');
    const once = formatWgConfig('\n\ufeff');
    expect(once).toBe('\n\ufeff\n');
    expect(formatWgConfig(once)).toBe(once);
    expect(parseWgConfig(once).ast.bom).toBeNull();
  });
});
