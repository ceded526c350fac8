import { describe, expect, it } from 'vitest';
import { filter, run, texts } from './helpers.js';

const ID = 'iptables-jump-loop';

describe(ID, () => {
  it('valid: a chain tree without cycles', () => {
    expect(run(ID, filter(':A - [0:0]', ':B - [0:0]', '-A INPUT -j A', '-A A -j B', '-A INPUT -j B', '-A B -j RETURN'))).toEqual([]);
  });
  it('valid (near miss): a cycle no built-in chain reaches', () => {
    expect(run(ID, filter(':A - [0:0]', ':B - [0:0]', '-A A -j B', '-A B -j A'))).toEqual([]);
  });
  it('invalid: A → B → A reachable from INPUT', () => {
    const text = filter(':A - [0:0]', ':B - [0:0]', '-A INPUT -j A', '-A A -j B', '-A B -j A');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['A']);
    expect(ds[0]!.message).toMatch(/Jump loop A → B → A/);
  });
});
