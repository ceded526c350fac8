import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'forward-policy-accept';
const CONF = 'etc/wireguard/wg0.conf';
const V4 = 'etc/iptables/rules.v4';
const SYSCTL = 'etc/sysctl.d/99.conf';
const GW = wg('Address = 10.0.0.1/24\nPostUp = iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE\nPostDown = iptables -t nat -D POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE');
const dump = (policy: string, rules = '') => `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ${policy} [0:0]\n:OUTPUT ACCEPT [0:0]\n${rules}COMMIT\n`;

describe(ID, () => {
  it.each([
    ['FORWARD policy DROP (seed 001)', { [CONF]: GW, [V4]: dump('DROP', '-A FORWARD -i wg0 -o eth0 -j ACCEPT\n'), [SYSCTL]: 'net.ipv4.ip_forward = 1\n' }],
    ['a final catch-all REJECT', { [CONF]: GW, [V4]: dump('ACCEPT', '-A FORWARD -i wg0 -o eth0 -j ACCEPT\n-A FORWARD -j REJECT\n'), [SYSCTL]: 'net.ipv4.ip_forward = 1\n' }],
    ['a final jump to a LOGGING chain that drops the rest', { [CONF]: GW, [V4]: `*filter\n:FORWARD ACCEPT [0:0]\n:LOGGING - [0:0]\n-A FORWARD -i wg0 -o eth0 -j ACCEPT\n-A FORWARD -j LOGGING\n-A LOGGING -j LOG\n-A LOGGING -j DROP\nCOMMIT\n`, [SYSCTL]: 'net.ipv4.ip_forward = 1\n' }],
    ['forwarding off', { [CONF]: GW, [V4]: dump('ACCEPT') }],
    ['no dump: the firewall is unknown', { [CONF]: GW, [SYSCTL]: 'net.ipv4.ip_forward = 1\n' }],
    ['not a gateway', { [CONF]: wg('Address = 10.0.0.1/24'), [V4]: dump('ACCEPT'), [SYSCTL]: 'net.ipv4.ip_forward = 1\n' }],
  ])('valid: %s', (_n, files) => {
    expect(run(ID, files as Record<string, string>)).toEqual([]);
  });
  it('invalid: MASQUERADE gateway with :FORWARD ACCEPT', () => {
    const files = { [CONF]: GW, [V4]: dump('ACCEPT'), [SYSCTL]: 'net.ipv4.ip_forward = 1\n' };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe(V4);
    expect(at(files, ds[0]!)).toBe('ACCEPT');
    expect(ds[0]!.message).toContain('wg0 is a gateway');
  });
});
