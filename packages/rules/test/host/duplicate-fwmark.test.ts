import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'duplicate-fwmark';

describe(ID, () => {
  it('valid: distinct marks', () => {
    expect(run(ID, { 'etc/wireguard/wg0.conf': wg('FwMark = 0x10'), 'etc/wireguard/wg1.conf': wg('FwMark = 0x20') })).toEqual([]);
  });
  it('valid: off on both', () => {
    expect(run(ID, { 'etc/wireguard/wg0.conf': wg('FwMark = off'), 'etc/wireguard/wg1.conf': wg('FwMark = 0') })).toEqual([]);
  });
  it('invalid: the same mark written differently', () => {
    const files = { 'etc/wireguard/wg0.conf': wg('FwMark = 51820'), 'etc/wireguard/wg1.conf': wg('FwMark = 0xca6c') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('0xca6c');
    expect(ds[0]!.message).toContain('also set on wg0');
  });
});
