import { describe, expect, it } from 'vitest';
import { filter, fixed, run, texts } from './helpers.js';

const ID = 'iptables-established-after-catch-all';

describe(ID, () => {
  it('valid: ESTABLISHED,RELATED accepted first', () => {
    expect(run(ID, filter('-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT', '-A INPUT -j REJECT'))).toEqual([]);
  });
  it('valid (near miss): after a DROP limited to one interface, or a negated state', () => {
    expect(run(ID, filter('-A INPUT -i eth1 -j DROP', '-A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT'))).toEqual([]);
    expect(run(ID, filter('-A INPUT -j DROP', '-A INPUT -m conntrack ! --ctstate ESTABLISHED -j ACCEPT'))).toEqual([]);
  });
  it('invalid: after a catch-all REJECT, fixed by moving it above', () => {
    const text = filter('-A INPUT -i lo -j ACCEPT', '-A INPUT -j REJECT', '-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT']);
    expect(ds[0]!.severity).toBe('error');
    expect(fixed(text, ds[0]!)).toBe(filter('-A INPUT -i lo -j ACCEPT', '-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT', '-A INPUT -j REJECT'));
  });
});
