import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'forwarding-disabled';
const CONF = 'etc/wireguard/wg0.conf';
const SYSCTL = 'etc/sysctl.d/99.conf';
const V6 = wg('Address = fd42::1/64\nPostUp = ip6tables -A FORWARD -i %i -j ACCEPT\nPostDown = ip6tables -D FORWARD -i %i -j ACCEPT');
const GW = wg('Address = 10.0.0.1/24\nPostUp = iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\nPostDown = iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE');

describe(ID, () => {
  it.each([
    ['forwarding in sysctl.d', { [CONF]: GW, [SYSCTL]: 'net.ipv4.ip_forward = 1\n' }],
    ['forwarding from a hook (seed 004)', { [CONF]: GW.replace('PostUp', 'PreUp = sysctl -w net.ipv4.ip_forward=1\nPostUp'), [SYSCTL]: 'net.ipv4.conf.all.rp_filter = 2\n' }],
    ['no sysctl files: unknown', { [CONF]: GW }],
    ['a value with an inline comment (the kernel reads the leading 1)', { [CONF]: GW, [SYSCTL]: 'net.ipv4.ip_forward = 1 # enable routing\n' }],
    ['a PreUp writing /proc/sys', { [CONF]: GW.replace('PostUp', 'PreUp = echo 1 > /proc/sys/net/ipv4/ip_forward\nPostUp'), [SYSCTL]: 'net.ipv4.ip_local_reserved_ports = 51820\n' }],
    ['a PreUp piping into tee /proc/sys', { [CONF]: GW.replace('PostUp', 'PreUp = echo 1 | tee /proc/sys/net/ipv4/conf/all/forwarding\nPostUp'), [SYSCTL]: 'net.ipv4.ip_local_reserved_ports = 51820\n' }],
    ['ip6tables FORWARD with IPv6 forwarding on (IPv4 forwarding is not its switch)', { [CONF]: V6, [SYSCTL]: 'net.ipv6.conf.all.forwarding = 1\n' }],
    ['seed 003: ip6tables FORWARD copied onto a tunnel that carries no IPv6', { [CONF]: GW.replace('PostUp = iptables', 'PostUp = ip6tables -I FORWARD -i %i -j ACCEPT; iptables'), [SYSCTL]: 'net.ipv4.ip_forward = 1\n' }],
    ['DNAT to the own address (seed 002 inbound) needs no forwarding', { [CONF]: wg('Address = 10.200.200.1\nPreUp = iptables -t nat -A PREROUTING -i %i -j DNAT --to-destination 10.200.200.1\nPostDown = iptables -t nat -D PREROUTING -i %i -j DNAT --to-destination 10.200.200.1'), [SYSCTL]: 'net.ipv4.conf.all.rp_filter = 2\n' }],
  ])('valid: %s', (_n, files) => {
    expect(run(ID, files as Record<string, string>)).toEqual([]);
  });
  it('invalid: MASQUERADE with forwarding explicitly off', () => {
    const files = { [CONF]: GW, [SYSCTL]: 'net.ipv4.ip_forward = 0\n' };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE');
    expect(ds[0]!.message).toContain('net.ipv4.ip_forward = 1');
  });
  it('invalid: ip6tables FORWARD with only IPv4 forwarding on names the IPv6 switch', () => {
    const ds = run(ID, { [CONF]: V6, [SYSCTL]: 'net.ipv4.ip_forward = 1\n' });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('net.ipv6.conf.all.forwarding = 1');
  });
  it('invalid (near miss): a /proc/sys write of 0, and an echo into another file', () => {
    expect(run(ID, { [CONF]: GW.replace('PostUp', 'PreUp = echo 0 > /proc/sys/net/ipv4/ip_forward\nPostUp'), [SYSCTL]: 'net.ipv4.ip_local_reserved_ports = 51820\n' })).toHaveLength(1);
    expect(run(ID, { [CONF]: GW.replace('PostUp', 'PreUp = echo 1 > /tmp/ip_forward\nPostUp'), [SYSCTL]: 'net.ipv4.ip_local_reserved_ports = 51820\n' })).toHaveLength(1);
  });
});
