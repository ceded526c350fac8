import { describe, expect, it } from 'vitest';
import { at, PUB_1, run, wg } from './helpers.js';

const ID = 'masquerade-source-mismatch';
const CONF = 'etc/wireguard/wg0.conf';
const nat = (rule: string) => `PostUp = iptables -t nat -A POSTROUTING ${rule}\nPostDown = iptables -t nat -D POSTROUTING ${rule}`;

describe(ID, () => {
  it.each([
    ['seed 001: -s is the tunnel subnet', 'Address = 10.0.0.1/24', '-o eth0 -s 10.0.0.0/24 -j MASQUERADE'],
    ['no -s at all', 'Address = 10.0.0.1/24', '-o eth0 -j MASQUERADE'],
    ['NAT into the tunnel (seed 003)', 'Address = 10.0.0.1/24', '-s 192.168.0.0/16 -o wg0 -j MASQUERADE'],
    ['-s a peer network from AllowedIPs', 'Address = 10.0.0.1/24', '-s 10.0.0.2/32 -o eth0 -j MASQUERADE'],
  ])('valid: %s', (_n, iface, rule) => {
    expect(run(ID, { [CONF]: wg(`${iface}\n${nat(rule)}`) })).toEqual([]);
  });
  it('invalid: copied -s from a tutorial that used another subnet', () => {
    const files = { [CONF]: wg(`Address = 10.8.0.1/24\n${nat('-o eth0 -s 10.0.0.0/24 -j MASQUERADE')}`, `[Peer]\nPublicKey = ${PUB_1}\nAllowedIPs = 10.8.0.2/32\n`) };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('10.0.0.0/24');
    expect(ds[0]!.message).toContain('`-s 10.8.0.0/24`');
  });
});
