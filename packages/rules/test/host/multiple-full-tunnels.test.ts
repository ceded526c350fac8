import { describe, expect, it } from 'vitest';
import { at, PUB_1, PUB_2, run, wg } from './helpers.js';

const ID = 'multiple-full-tunnels';
const peer = (pub: string, ips: string) => `[Peer]\nPublicKey = ${pub}\nAllowedIPs = ${ips}\n`;

describe(ID, () => {
  it('valid: one full tunnel, one with its own table (seed 004 hub-spoke)', () => {
    const files = { 'etc/wireguard/wg0.conf': wg('Address = 10.0.0.1', peer(PUB_1, '0.0.0.0/0')), 'etc/wireguard/wg1.conf': wg('Table = 10', peer(PUB_2, '0.0.0.0/0')) };
    expect(run(ID, files)).toEqual([]);
  });
  it('valid: one IPv4 and one IPv6 full tunnel', () => {
    const files = { 'etc/wireguard/wg0.conf': wg('Address = 10.0.0.1', peer(PUB_1, '0.0.0.0/0')), 'etc/wireguard/wg1.conf': wg('Address = fd00::1', peer(PUB_2, '::/0')) };
    expect(run(ID, files)).toEqual([]);
  });
  it('invalid: two IPv4 full tunnels', () => {
    const files = { 'etc/wireguard/wg0.conf': wg('Address = 10.0.0.1', peer(PUB_1, '0.0.0.0/0')), 'etc/wireguard/wg1.conf': wg('Address = 10.1.0.1', peer(PUB_2, '10.9.0.0/16, 0.0.0.0/0')) };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe('etc/wireguard/wg1.conf');
    expect(at(files, ds[0]!)).toBe('0.0.0.0/0');
    expect(ds[0]!.message).toContain('wg1 and wg0');
  });
});
