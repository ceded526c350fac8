import { describe, expect, it } from 'vitest';
import { formatIptablesSave, parseIptablesArgs, splitRestoreLine } from '../src/index.js';

describe('linear paths', () => {
  it('a reloaded match closes the earlier one: each `-m comment` keeps its own option', () => {
    const words = splitRestoreLine('-A INPUT -m comment --comment a -m tcp -p tcp --dport 22 -m comment --comment b -j ACCEPT', 0).words;
    const { ast, problems } = parseIptablesArgs(words, { family: 'ipv4' });
    expect(problems).toEqual([]);
    const ms = ast.rule!.matches.map((m) => [m.name, m.options.map((o) => `${o.name}=${o.args.map((a) => a.text).join(',')}`)]);
    expect(ms).toEqual([
      ['comment', ['comment=a']],
      ['tcp', ['destination-port=22']],
      ['comment', ['comment=b']],
    ]);
  });

  it('an option goes to the newest open extension that has it', () => {
    const words = splitRestoreLine('-A INPUT -p tcp -m tcp --dport 1 -m comment --comment a -m tcp --sport 2 --comment c -m comment --comment b --dport 3 -j ACCEPT', 0).words;
    const { ast, problems } = parseIptablesArgs(words, { family: 'ipv4' });
    expect(problems.map((p) => p.message)).toEqual(["comment: option `--comment' can only be used once"]);
    expect(ast.rule!.matches.map((m) => [m.name, m.options.map((o) => `${o.name}=${o.args.map((a) => a.text).join(',')}`)])).toEqual([
      ['tcp', ['destination-port=1']],
      ['comment', ['comment=a', 'comment=c']],
      ['tcp', ['source-port=2', 'destination-port=3']],
      ['comment', ['comment=b']],
    ]);
  });

  it('thousands of `-m comment` options parse in linear time', () => {
    const line = '-A INPUT ' + Array.from({ length: 20000 }, (_, i) => `-m comment --comment x${i}`).join(' ') + ' -j ACCEPT';
    const t = performance.now();
    const { ast } = parseIptablesArgs(splitRestoreLine(line, 0).words, { family: 'ipv4' });
    expect(performance.now() - t).toBeLessThan(5000);
    expect(ast.rule!.matches).toHaveLength(20000);
  });

  it('tables without COMMIT: lines with problems are kept, the rest formatted, in linear time', () => {
    const text = '*filter\n:INPUT ACCEPT [0:0]\n'.repeat(20000);
    const t = performance.now();
    const once = formatIptablesSave(text);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(formatIptablesSave(once)).toBe(once);
  });
});
