import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'preup-before-link';
const CONF = 'etc/wireguard/wg0.conf';
const OLD = { wireguardTools: '1.0.20210914' };

describe(ID, () => {
  it('valid: new wireguard-tools create the link before PreUp', () => {
    expect(run(ID, { [CONF]: wg('PreUp = sysctl -w net.ipv4.conf.wg0.rp_filter=2') })).toEqual([]);
  });
  it('valid: old tools, PreUp that does not need the link (seed 002)', () => {
    expect(run(ID, { [CONF]: wg('PreUp = ip rule add from 10.200.200.1 table 41 priority 100') }, OLD)).toEqual([]);
  });
  it('invalid: old tools, per-interface sysctl in PreUp (seed 004)', () => {
    const files = { [CONF]: wg('PreUp = sysctl -w net.ipv4.conf.wg0.rp_filter=2') };
    const ds = run(ID, files, OLD);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('sysctl -w net.ipv4.conf.wg0.rp_filter=2');
    expect(ds[0]!.message).toContain('1.0.20210914');
  });
});
