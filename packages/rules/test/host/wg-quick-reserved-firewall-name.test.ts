import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'wg-quick-reserved-firewall-name';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it('valid: an own table name', () => {
    expect(run(ID, { [CONF]: wg('PostUp = nft add table inet wg0-fw\nPostDown = nft delete table inet wg0-fw') })).toEqual([]);
  });
  it('valid: a comment of our own', () => {
    expect(run(ID, { [CONF]: wg('PostUp = iptables -A FORWARD -i %i -m comment --comment wg0-forward -j ACCEPT') })).toEqual([]);
  });
  it('invalid: nft table wg-quick-wg0', () => {
    const files = { [CONF]: wg('PostUp = nft add table ip wg-quick-wg0') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('nft add table ip wg-quick-wg0');
    expect(ds[0]!.message).toContain('wg0-fw');
  });
  it("invalid: iptables rule with wg-quick's comment", () => {
    const files = { [CONF]: wg('PostUp = iptables -A FORWARD -i %i -m comment --comment "wg-quick(8) rule for wg0" -j ACCEPT') };
    expect(run(ID, files)).toHaveLength(1);
  });
});
