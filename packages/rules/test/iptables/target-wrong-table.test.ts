import { describe, expect, it } from 'vitest';
import { filter, run, table, texts } from './helpers.js';

const ID = 'iptables-target-wrong-table';

describe(ID, () => {
  it('valid: NAT targets in nat, REJECT in filter, CT in raw, MARK anywhere', () => {
    expect(run(ID, table('nat', '-A POSTROUTING -o eth0 -j MASQUERADE', '-A PREROUTING -p udp --dport 53 -j REDIRECT --to-ports 5353'))).toEqual([]);
    expect(run(ID, filter('-A INPUT -j REJECT', '-A OUTPUT -j MARK --set-mark 1'))).toEqual([]);
    expect(run(ID, table('raw', '-A PREROUTING -p udp --dport 51820 -j CT --notrack'))).toEqual([]);
  });
  it('valid (near miss): a user chain named like a target is not a target', () => {
    expect(run(ID, filter(':masq - [0:0]', '-A FORWARD -j masq'))).toEqual([]);
  });
  it('invalid: MASQUERADE in filter, REJECT in mangle, NOTRACK in filter', () => {
    const text = filter('-A FORWARD -o eth0 -j MASQUERADE', '-A INPUT -j NOTRACK');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['MASQUERADE', 'NOTRACK']);
    expect(ds[0]!.message).toMatch(/only valid in the nat table, not filter.*-t nat -A POSTROUTING/);
    expect(run(ID, table('mangle', '-A INPUT -j REJECT'))).toHaveLength(1);
  });
});
