import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellFormedWgCst } from '../src/line-cst.js';
import { parseWgTokens } from '../src/parser.js';
import { scanWg } from '../src/scanner.js';

// wellFormedWgCst must give exactly chevrotain's CST whenever it gives one, and give none when
// chevrotain reports errors (recovery is chevrotain's job).
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function check(text: string): 'fast' | 'chevrotain' {
  const padded = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  const { tokens } = scanWg(padded);
  const fast = wellFormedWgCst(tokens);
  const slow = parseWgTokens(tokens);
  if (fast === null) return 'chevrotain';
  expect(slow.errors).toEqual([]);
  expect(fast).toEqual(slow.cst);
  return 'fast';
}

function confs(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) confs(p, out);
    else if (e.name.endsWith('.conf') && p.includes('wireguard')) out.push(p);
  }
  return out;
}

describe('the CST of well-formed files without chevrotain', () => {
  it('equals chevrotain\'s on every wg-quick config of the examples and host fixtures', () => {
    const files = [...confs(join(repoRoot, 'examples')), ...confs(join(repoRoot, 'test/hosts'))];
    const paths = files.map((f) => check(readFileSync(f, 'utf8')));
    expect(paths.filter((p) => p === 'fast').length).toBeGreaterThan(files.length / 2);
  });

  it('takes the empty file, blank lines, headers without a name, keys without values', () => {
    for (const text of ['', '\n\n', '[]\n', '= x\n', 'PostUp =\n', 'Key = \n', '[Interface]\r\nPrivateKey = x # c\r\n']) expect(check(text)).toBe('fast');
  });

  it('leaves broken lines to chevrotain', () => {
    for (const text of ['[Interface\n', '[Peer] junk\n', 'PublicKey\n', 'a = b\n] x\n', '[Interface]]\n']) expect(check(text)).toBe('chevrotain');
  });

  it('agrees with chevrotain on random line-structured text', () => {
    const piece = fc.constantFrom('[', ']', '=', '#', ' ', '\t', '\r', '\n', 'Interface', 'Peer', 'PostUp', 'Key', 'value', '10.0.0.1/24');
    const text = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));
    fc.assert(fc.property(text, (t) => void check(t)), { numRuns: 3000 });
  });
});
