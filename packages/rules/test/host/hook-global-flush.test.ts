import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'hook-global-flush';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it.each([
    ['flush of an own chain', 'PostUp = iptables -N WG; iptables -A WG -j ACCEPT\nPostDown = iptables -F WG; iptables -X WG'],
    ['delete of an own nft table', 'PostDown = nft delete table inet wg0fw'],
    ['flush of an own nft table', 'PostDown = nft flush table inet wg0fw'],
  ])('valid: %s', (_n, hooks) => {
    expect(run(ID, { [CONF]: wg(hooks) })).toEqual([]);
  });
  it('invalid: nft flush ruleset in PostUp', () => {
    const files = { [CONF]: wg('PostUp = nft flush ruleset; nft -f /etc/wireguard/wg0.nft') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('nft flush ruleset');
  });
  it('invalid: iptables -t nat -F', () => {
    const files = { [CONF]: wg('PostDown = iptables -t nat -F') };
    const [d] = run(ID, files);
    expect(d?.message).toContain('every chain of the nat table');
  });
});
