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
  it('invalid: a self-jump and a loop deeper than the call stack (20000 chains) are reported once each', () => {
    const n = 20000;
    const decl = Array.from({ length: n }, (_, i) => `:C${i} - [0:0]`);
    const jumps = Array.from({ length: n }, (_, i) => `-A C${i} -j C${(i + 1) % n}`);
    const text = filter(...decl, '-A INPUT -j C0', ...jumps, '-A C5 -j C5');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['C0', 'C5']);
    expect(ds[0]!.message).toMatch(/^Jump loop C0 → C1 → C2 → .* → C19999 → C0:/);
    expect(ds[1]!.message).toMatch(/^Jump loop .*C5:/);
  });
});
