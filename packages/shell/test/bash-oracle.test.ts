import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../src/index.js';

/** True when `bash -n` accepts the text (what `eval` in wg-quick would parse). */
function bashAccepts(s: string): boolean {
  try {
    execFileSync('bash', ['-n', '-c', s], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('agreement with bash -n', () => {
  it('agrees on at least 99% of random shell-ish strings', () => {
    const tokens = ['a', 'b', ' ', ';', '&', '|', "'", '"', '$(', ')', '(', '`', '#', '\\', '\n', '>', '2>', '{', '}', 'if', 'then', 'fi', '$x', '${', '<', '!', ';;', '&&', '||', 'x=1'];
    const samples = fc.sample(fc.array(fc.constantFrom(...tokens), { maxLength: 10 }), { numRuns: 400, seed: 20261121 });
    const strs = [...new Set(samples.map((p) => p.join('')))];
    const disagree = strs.filter((s) => bashAccepts(s) !== (parseShell(s, { baseOffset: 0 }).problems.length === 0));
    expect(disagree.length / strs.length).toBeLessThan(0.01);
  }, 120_000);

  it.each([
    'if a; then b; elif c; then d; else e; fi',
    'while a; do b; done',
    'for x in a b; do echo $x; done',
    'case $x in a) b;; esac',
    '{ a; } > /dev/null',
    '! { a; }',
    'a && if b; then c; fi',
    'echo if then fi',
    '!',
  ])('accepts %j like bash', (s) => {
    expect(bashAccepts(s)).toBe(true);
    expect(parseShell(s, { baseOffset: 0 }).problems).toEqual([]);
  });

  it.each(['if a; then fi', 'if a; then b; else fi', 'a; then', 'do', '{ a; }; }', 'a | ! b', 'if a; then b', '{ a', 'if;', '()', 'while a; do b; fi'])(
    'rejects %j like bash',
    (s) => {
      expect(bashAccepts(s)).toBe(false);
      const { problems } = parseShell(s, { baseOffset: 0 });
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]!.message).toMatch(/bash will fail to run this hook/);
    },
  );
});
