import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'duplicate-listen-port';

describe(ID, () => {
  it('valid: distinct ports (seed 002: 51821, 51822)', () => {
    expect(run(ID, { 'etc/wireguard/wg-a.conf': wg('ListenPort = 51821'), 'etc/wireguard/wg-b.conf': wg('ListenPort = 51822') })).toEqual([]);
  });
  it('valid: no ListenPort on either (random ports)', () => {
    expect(run(ID, { 'etc/wireguard/wg-a.conf': wg('Address = 10.0.0.1/32'), 'etc/wireguard/wg-b.conf': wg('Address = 10.0.1.1/32') })).toEqual([]);
  });
  it('invalid: the same port twice', () => {
    const files = { 'etc/wireguard/wg-a.conf': wg('ListenPort = 51821'), 'etc/wireguard/wg-b.conf': wg('ListenPort = 51821') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('error');
    expect(ds[0]!.file).toBe('etc/wireguard/wg-b.conf');
    expect(at(files, ds[0]!)).toBe('51821');
    expect(ds[0]!.message).toContain('also used by wg-a (etc/wireguard/wg-a.conf:3)');
  });
});
