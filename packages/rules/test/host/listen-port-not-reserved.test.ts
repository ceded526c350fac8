import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'listen-port-not-reserved';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it('valid: port below the ephemeral range', () => {
    expect(run(ID, { [CONF]: wg('ListenPort = 21820') })).toEqual([]);
  });
  it('valid: reserved in sysctl.d', () => {
    expect(run(ID, { [CONF]: wg('ListenPort = 51820'), 'etc/sysctl.d/90.conf': 'net.ipv4.ip_local_reserved_ports = 51820\n' })).toEqual([]);
  });
  it('valid: no ListenPort (random port)', () => {
    expect(run(ID, { [CONF]: wg('Address = 10.0.0.2/32') })).toEqual([]);
  });
  it('invalid: 51820 inside 32768-60999, as info', () => {
    const files = { [CONF]: wg('ListenPort = 51820') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('info');
    expect(at(files, ds[0]!)).toBe('51820');
    expect(ds[0]!.message).toContain('net.ipv4.ip_local_reserved_ports = 51820');
  });
});
