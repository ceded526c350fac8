import { describe, expect, it } from 'vitest';
import { at, PUB_1, PUB_2, run, wg } from './helpers.js';

const ID = 'duplicate-route';
const peer = (pub: string, ips: string) => `[Peer]\nPublicKey = ${pub}\nAllowedIPs = ${ips}\n`;

describe(ID, () => {
  it('valid: seed 002, the same 10.0.0.1 in tables 41 and 42', () => {
    const files = {
      'etc/wireguard/wg-a.conf': wg('Table = 41\nListenPort = 51821', peer(PUB_1, '10.0.0.1')),
      'etc/wireguard/wg-b.conf': wg('Table = 42\nListenPort = 51822', peer(PUB_2, '10.0.0.1')),
    };
    expect(run(ID, files)).toEqual([]);
  });
  it('valid: different prefixes in main', () => {
    const files = { 'etc/wireguard/wg0.conf': wg('ListenPort = 1', peer(PUB_1, '10.1.0.0/24')), 'etc/wireguard/wg1.conf': wg('ListenPort = 2', peer(PUB_2, '10.2.0.0/24')) };
    expect(run(ID, files)).toEqual([]);
  });
  it('valid: Table = off', () => {
    const files = { 'etc/wireguard/wg0.conf': wg('Table = off', peer(PUB_1, '10.1.0.0/24')), 'etc/wireguard/wg1.conf': wg('Table = off', peer(PUB_2, '10.1.0.0/24')) };
    expect(run(ID, files)).toEqual([]);
  });
  it('invalid: the same prefix into main from two interfaces', () => {
    const files = { 'etc/wireguard/wg0.conf': wg('ListenPort = 1', peer(PUB_1, '10.1.0.0/24')), 'etc/wireguard/wg1.conf': wg('ListenPort = 2', peer(PUB_2, '10.1.0.0/24')) };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe('etc/wireguard/wg1.conf');
    expect(at(files, ds[0]!)).toBe('10.1.0.0/24');
    expect(ds[0]!.message).toContain('table main for wg1, but wg0 already does');
  });
  it('invalid: the same prefix into one numbered table', () => {
    const files = { 'etc/wireguard/wg0.conf': wg('Table = 7', peer(PUB_1, '0.0.0.0/0')), 'etc/wireguard/wg1.conf': wg('Table = 7', peer(PUB_2, '0.0.0.0/0')) };
    expect(run(ID, files)).toHaveLength(1);
  });
});
