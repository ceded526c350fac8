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

describe(`${ID} in hooks`, () => {
  const KEY = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEE=';
  const conf = (up: string, down: string) =>
    `[Interface]\nPrivateKey = ${KEY}\nAddress = 10.8.0.1/24\nPostUp = ${up}\nPostDown = ${down}\n`;
  it('valid: MASQUERADE in nat POSTROUTING in a PostUp', () => {
    const c = conf('iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE', 'iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE');
    expect(run(ID, { 'etc/wireguard/wg0.conf': c })).toEqual([]);
  });
  it('invalid: MASQUERADE in the filter table in a PostUp', () => {
    const c = conf('iptables -A FORWARD -o eth0 -j MASQUERADE', 'iptables -D FORWARD -o eth0 -j MASQUERADE');
    const files = { 'etc/wireguard/wg0.conf': c };
    const ds = run(ID, files);
    expect(texts(files, ds)).toEqual(['MASQUERADE', 'MASQUERADE']);
    expect(ds[0]!.file).toBe('etc/wireguard/wg0.conf');
  });
});
