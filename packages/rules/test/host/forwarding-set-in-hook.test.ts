import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'forwarding-set-in-hook';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it('valid: forwarding in sysctl.d only', () => {
    expect(run(ID, { [CONF]: wg('Address = 10.0.0.1/24'), 'etc/sysctl.d/99.conf': 'net.ipv4.ip_forward = 1\n' })).toEqual([]);
  });
  it('valid: other sysctls in hooks', () => {
    expect(run(ID, { [CONF]: wg('PreUp = sysctl -w net.ipv4.conf.%i.rp_filter=2') })).toEqual([]);
  });
  it('invalid: seed 004 PreUp = sysctl -w net.ipv4.ip_forward=1 (info)', () => {
    const files = { [CONF]: wg('PreUp = sysctl -w net.ipv4.ip_forward=1') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('info');
    expect(at(files, ds[0]!)).toBe('net.ipv4.ip_forward=1');
  });
  it('invalid, no false claim: a PostDown that switches it off again (from a real WSL guide, test/wild/wsl-forward-toggle)', () => {
    const files = { [CONF]: wg('PostUp = sysctl -w net.ipv4.ip_forward=1\nPostDown = sysctl -w net.ipv4.ip_forward=0') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).not.toContain('stays on after');
    expect(ds[0]!.message).toContain('switching it off again in PostDown stops forwarding for the whole host');
  });
  it('invalid: without a down hook it stays on', () => {
    const ds = run(ID, { [CONF]: wg('PostUp = sysctl -w net.ipv4.ip_forward=1') });
    expect(ds[0]!.message).toContain('so it stays on after `wg-quick down`');
  });
});
