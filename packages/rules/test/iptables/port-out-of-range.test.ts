import { describe, expect, it } from 'vitest';
import { filter, run, texts } from './helpers.js';

const ID = 'iptables-port-out-of-range';

describe(ID, () => {
  it('valid: ports up to 65535 and open ranges', () => {
    expect(run(ID, filter('-A INPUT -p udp --dport 65535 -j ACCEPT', '-A INPUT -p udp --sport 1024: -j ACCEPT'))).toEqual([]);
  });
  it('valid (near miss): tcp refuses 70000 outright, which is a syntax-error instead', () => {
    const text = filter('-A INPUT -p tcp --dport 70000 -j ACCEPT');
    expect(run(ID, text)).toEqual([]);
    expect(run('syntax-error', text)).toHaveLength(1);
  });
  it('invalid: udp --dport 70000 is stored as 4464', () => {
    const text = filter('-A INPUT -p udp --dport 70000 -j ACCEPT', '-A INPUT -p udp --dport 51820:100000 -j ACCEPT');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['70000', '51820:100000']);
    expect(ds[0]!.message).toMatch(/stores 4464/);
  });
});
