import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'input-policy-accept';
const CONF = 'etc/wireguard/wg0.conf';
const V4 = 'etc/iptables/rules.v4';
const SERVER = wg('ListenPort = 51820');

describe(ID, () => {
  it('valid: INPUT DROP (seed 001)', () => {
    expect(run(ID, { [CONF]: SERVER, [V4]: '*filter\n:INPUT DROP [0:0]\n-A INPUT -p udp --dport 51820 -j ACCEPT\nCOMMIT\n' })).toEqual([]);
  });
  it('valid: a final REJECT (seed 003)', () => {
    expect(run(ID, { [CONF]: SERVER, [V4]: '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp --dport 51820 -j ACCEPT\n-A INPUT -j REJECT\nCOMMIT\n' })).toEqual([]);
  });
  it('valid: no dump', () => {
    expect(run(ID, { [CONF]: SERVER })).toEqual([]);
  });
  it('invalid: INPUT ACCEPT with nothing dropping (info)', () => {
    const files = { [CONF]: SERVER, [V4]: '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp --dport 51820 -j ACCEPT\nCOMMIT\n' };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('info');
    expect(at(files, ds[0]!)).toBe('ACCEPT');
  });
});
