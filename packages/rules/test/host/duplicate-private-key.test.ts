import { describe, expect, it } from 'vitest';
import { at, KEY_A, KEY_B, run, wg } from './helpers.js';

const ID = 'duplicate-private-key';

describe(ID, () => {
  it('valid: one key per interface', () => {
    const b = wg('ListenPort = 51822').replace(KEY_A, KEY_B);
    expect(run(ID, { 'etc/wireguard/wg-a.conf': wg('ListenPort = 51821'), 'etc/wireguard/wg-b.conf': b })).toEqual([]);
  });
  it('valid: a single interface', () => {
    expect(run(ID, { 'etc/wireguard/wg0.conf': wg('ListenPort = 51821') })).toEqual([]);
  });
  it('invalid: seed 002 uses one key for wg-a and wg-b; the key is never printed', () => {
    const files = { 'etc/wireguard/wg-a.conf': wg('ListenPort = 51821'), 'etc/wireguard/wg-b.conf': wg('ListenPort = 51822') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe('etc/wireguard/wg-b.conf');
    expect(at(files, ds[0]!)).toBe(KEY_A);
    expect(ds[0]!.message).toContain('same PrivateKey as wg-a (etc/wireguard/wg-a.conf:2)');
    expect(ds[0]!.message).not.toContain(KEY_A);
  });
});
