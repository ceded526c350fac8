import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'postdown-needs-interface';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it.each([
    ['PreDown may use the interface', 'PreDown = iptables -D OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -j REJECT'],
    ['PostDown route delete tolerated', 'PostDown = ip route del 10.1.0.0/24 dev %i || true'],
    ['PostDown on another device', 'PostDown = ip route del 192.168.99.0/24 via 192.168.1.1 dev eth0'],
  ])('valid: %s', (_n, hooks) => {
    expect(run(ID, { [CONF]: wg(hooks) })).toEqual([]);
  });
  it('invalid: ip route del dev %i in PostDown', () => {
    const files = { [CONF]: wg('PostUp = ip route add 10.1.0.0/24 dev %i\nPostDown = ip route del 10.1.0.0/24 dev %i') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('ip route del 10.1.0.0/24 dev %i');
    expect(ds[0]!.message).toContain('delete this command');
  });
  it('invalid: $(wg show %i fwmark) in PostDown', () => {
    const files = { [CONF]: wg('PostDown = iptables -D OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -j REJECT') };
    const [d] = run(ID, files);
    expect(d?.message).toContain('Move it to PreDown');
    // `|| true` would keep the kill switch's REJECT after down: not offered for a delete
    expect(d?.message).not.toContain('append `|| true`');
  });
  it('invalid: the same delete with `|| true` (the wg-quick man page kill switch): the REJECT stays after down', () => {
    const files = { [CONF]: wg('PostDown = iptables -D OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -m addrtype ! --dst-type LOCAL -j REJECT || true') };
    const [d, ...rest] = run(ID, files);
    expect(rest).toEqual([]);
    expect(d?.message).toContain('`|| true` hides it');
  });
});
