import { describe, expect, it } from 'vitest';
import { at, PUB_1, run, wg } from './helpers.js';

const ID = 'fwmark-substitution-off';
const CONF = 'etc/wireguard/wg0.conf';
const KILL = 'PostUp = iptables -I OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -m addrtype ! --dst-type LOCAL -j REJECT';
const fullTunnel = `[Peer]\nPublicKey = ${PUB_1}\nAllowedIPs = 0.0.0.0/0\n`;

describe(ID, () => {
  it('valid: full tunnel (wg-quick sets fwmark 51820)', () => {
    expect(run(ID, { [CONF]: wg(KILL, fullTunnel) })).toEqual([]);
  });
  it('valid: explicit FwMark with Table = off', () => {
    expect(run(ID, { [CONF]: wg(`Table = off\nFwMark = 0x1234\n${KILL}`, fullTunnel) })).toEqual([]);
  });
  it('invalid: Table = off without FwMark (the wg-quick(8) kill switch example)', () => {
    const files = { [CONF]: wg(`Table = off\n${KILL}`, fullTunnel) };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('error');
    expect(at(files, ds[0]!)).toBe('$(wg show %i fwmark)');
  });
});
