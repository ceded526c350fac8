import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'ipv6-firewall-rules-missing';
const CONF = 'etc/wireguard/wg0.conf';
const V4 = 'PostUp = iptables -A FORWARD -i %i -j ACCEPT\nPostDown = iptables -D FORWARD -i %i -j ACCEPT';
const V6 = 'PostUp = ip6tables -A FORWARD -i %i -j ACCEPT\nPostDown = ip6tables -D FORWARD -i %i -j ACCEPT';

describe(ID, () => {
  it('valid: both families (seed 003)', () => {
    expect(run(ID, { [CONF]: wg(`Address = 10.0.0.1/24, fd00::1/64\n${V4}\n${V6}`) })).toEqual([]);
  });
  it('valid: IPv4-only tunnel', () => {
    expect(run(ID, { [CONF]: wg(`Address = 10.0.0.1/24\n${V4}`) })).toEqual([]);
  });
  it('invalid: IPv6 address, IPv4 rules only (info)', () => {
    const files = { [CONF]: wg(`Address = 10.0.0.1/24, fd00::1/64\n${V4}`) };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('info');
    expect(at(files, ds[0]!)).toBe('iptables -A FORWARD -i %i -j ACCEPT');
  });
});
