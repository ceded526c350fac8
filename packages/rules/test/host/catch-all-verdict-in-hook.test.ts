import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'catch-all-verdict-in-hook';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it.each([
    ['narrow REJECT', 'PostUp = iptables -A FORWARD -i %i -j REJECT\nPostDown = iptables -D FORWARD -i %i -j REJECT'],
    ['kill switch with matches', "PostUp = iptables -I OUTPUT ! -o %i -m mark ! --mark 51820 -m addrtype ! --dst-type LOCAL -j REJECT"],
    ['catch-all in a user chain', 'PostUp = iptables -N WG; iptables -A WG -j DROP'],
  ])('valid: %s', (_n, hooks) => {
    expect(run(ID, { [CONF]: wg(hooks) })).toEqual([]);
  });
  it('invalid: -A FORWARD -j REJECT from a hook', () => {
    const files = { [CONF]: wg('PostUp = iptables -A FORWARD -j REJECT\nPostDown = iptables -D FORWARD -j REJECT') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('iptables -A FORWARD -j REJECT');
  });
});
