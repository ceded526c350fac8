import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'hook-hardcoded-interface-name';

describe(ID, () => {
  it('valid: %i everywhere', () => {
    expect(run(ID, { 'etc/wireguard/wg0.conf': wg('PostUp = iptables -A FORWARD -i %i -j ACCEPT; sysctl -w net.ipv4.conf.%i.rp_filter=2') })).toEqual([]);
  });
  it('valid: another interface name, and the wg program for an interface called wg', () => {
    expect(run(ID, { 'etc/wireguard/wg.conf': wg('PostUp = wg set %i peer x; iptables -A FORWARD -i wg0 -j ACCEPT') })).toEqual([]);
  });
  it('invalid: seed 004 writes wg0 in wg0.conf (info)', () => {
    const files = { 'etc/wireguard/wg0.conf': wg('PreUp = sysctl -w net.ipv4.conf.wg0.rp_filter=2') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('info');
    expect(at(files, ds[0]!)).toBe('net.ipv4.conf.wg0.rp_filter=2');
  });
  it('invalid, truthful: a file named after the interface (pirate/wireguard-docs, test/wild/pirate-docs-wg-set)', () => {
    const files = { 'etc/wireguard/wg0.conf': wg('PostUp = wg set %i private-key /etc/wireguard/wg0.key') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('/etc/wireguard/wg0.key');
    expect(ds[0]!.message).toContain("still uses wg0's file");
    expect(ds[0]!.message).not.toContain('acts on wg0');
  });
  it('invalid: firewall-cmd binds the interface by name (angristan/wireguard-install)', () => {
    const files = { 'etc/wireguard/wg0.conf': wg('PostUp = firewall-cmd --zone=public --add-interface=wg0\nPostDown = firewall-cmd --zone=public --remove-interface=%i') };
    expect(run(ID, files).map((d) => at(files, d))).toEqual(['--add-interface=wg0']);
  });

  it('invalid: a /proc path of the interface acts on it', () => {
    const ds = run(ID, { 'etc/wireguard/wg0.conf': wg('PostUp = echo 2 | tee /proc/sys/net/ipv4/conf/wg0/rp_filter') });
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('silently acts on wg0');
  });
});

