import { describe, expect, it } from 'vitest';
import { filter, fixed, run, texts } from './helpers.js';

const ID = 'iptables-interface-wildcard';

describe(ID, () => {
  it('valid: + wildcard and plain names', () => {
    expect(run(ID, filter('-A FORWARD -i wg+ -j ACCEPT', '-A FORWARD -o eth0 -j ACCEPT'))).toEqual([]);
  });
  it('valid (near miss): * inside a comment', () => {
    expect(run(ID, filter('-A FORWARD -i wg0 -m comment --comment "wg*" -j ACCEPT'))).toEqual([]);
  });
  it('invalid: wg* (a literal *), fixed to wg+', () => {
    const text = filter('-A FORWARD -i wg* -j ACCEPT');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['wg*']);
    expect(fixed(text, ds[0]!)).toContain('-i wg+ ');
  });
});
