import { describe, expect, it } from 'vitest';
import { filter, fixed, run, texts } from './helpers.js';

const ID = 'iptables-reversed-range';

describe(ID, () => {
  it('valid: ascending ranges and open ranges', () => {
    expect(run(ID, filter('-A INPUT -p udp --dport 51810:51820 -j ACCEPT', '-A INPUT -p udp --sport 1024: -j ACCEPT', '-A INPUT -m length --length 4:4'))).toEqual([]);
  });
  it('valid (near miss): a multiport list is not a range', () => {
    expect(run(ID, filter('-A INPUT -p udp -m multiport --dports 51820,51810 -j ACCEPT'))).toEqual([]);
  });
  it('invalid: reversed udp port range, with a fix that swaps it', () => {
    const text = filter('-A INPUT -p udp --dport 51820:51810 -j ACCEPT');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['51820:51810']);
    expect(ds[0]!.severity).toBe('warning');
    expect(fixed(text, ds[0]!)).toContain('--dport 51810:51820 ');
  });
});
