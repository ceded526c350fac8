import { describe, expect, it } from 'vitest';
import { filter, fixed, run, table, texts } from './helpers.js';

const ID = 'iptables-drop-in-nat';

describe(ID, () => {
  it('valid: DROP policies in filter, ACCEPT policies in nat', () => {
    expect(run(ID, table('filter', ':INPUT DROP [0:0]', ':FORWARD DROP [0:0]'))).toEqual([]);
    expect(run(ID, table('nat', ':PREROUTING ACCEPT [0:0]', '-A PREROUTING -j RETURN'))).toEqual([]);
  });
  it('valid (near miss): a DROP rule in filter; -j DROP in nat is a syntax-error, not this rule', () => {
    expect(run(ID, filter('-A INPUT -j DROP'))).toEqual([]);
    expect(run(ID, table('nat', '-A PREROUTING -s 10.0.0.0/8 -j DROP'))).toEqual([]);
  });
  it('invalid: policy DROP on a nat chain, fixed to ACCEPT', () => {
    const text = table('nat', ':PREROUTING DROP [0:0]', ':POSTROUTING ACCEPT [0:0]');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['DROP']);
    expect(ds[0]!.message).toMatch(/first packet/);
    expect(fixed(text, ds[0]!)).toContain(':PREROUTING ACCEPT [0:0]');
  });
});
