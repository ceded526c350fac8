import { describe, expect, it } from 'vitest';
import { filter, fixed, run, texts } from './helpers.js';

const ID = 'iptables-state-match';

describe(ID, () => {
  it('valid: -m conntrack --ctstate', () => {
    expect(run(ID, filter('-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT'))).toEqual([]);
  });
  it('valid (near miss): a comment mentioning state', () => {
    expect(run(ID, filter('-A INPUT -m comment --comment "-m state" -j ACCEPT'))).toEqual([]);
  });
  it('invalid: -m state, fixed to -m conntrack --ctstate', () => {
    const text = filter('-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['-m state']);
    expect(ds[0]!.severity).toBe('info');
    expect(fixed(text, ds[0]!)).toContain('-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT');
  });
});
