import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'mss-clamp-missing';
const CONF = 'etc/wireguard/wg0.conf';
const GW = 'Address = 10.0.0.1/24\nPostUp = iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE\nPostDown = iptables -t nat -D POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE';

describe(ID, () => {
  it('valid: seed 001 clamps in the dump', () => {
    const dump = '*mangle\n:FORWARD ACCEPT [0:0]\n-A FORWARD -i wg0 -o eth0 -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu\nCOMMIT\n';
    expect(run(ID, { [CONF]: wg(GW), 'etc/iptables/rules.v4': dump })).toEqual([]);
  });
  it('valid: clamped in a hook', () => {
    expect(run(ID, { [CONF]: wg(`${GW}\nPostUp = iptables -t mangle -A FORWARD -o %i -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu`) })).toEqual([]);
  });
  it('valid: not a gateway', () => {
    expect(run(ID, { [CONF]: wg('Address = 10.0.0.1/24') })).toEqual([]);
  });
  it('invalid: MASQUERADE gateway without clamping (info)', () => {
    const files = { [CONF]: wg(GW) };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('info');
    expect(at(files, ds[0]!)).toBe('iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE');
  });
});
