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
});
