import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'hook-mixed-backends';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it('valid: iptables and nft (both nf_tables on a modern host)', () => {
    expect(run(ID, { [CONF]: wg('PostUp = iptables -A FORWARD -i %i -j ACCEPT; nft add table inet x') })).toEqual([]);
  });
  it('valid: legacy only', () => {
    expect(run(ID, { [CONF]: wg('PostUp = iptables-legacy -A FORWARD -i %i -j ACCEPT') })).toEqual([]);
  });
  it('invalid: iptables-legacy with nft', () => {
    const files = { [CONF]: wg('PostUp = iptables-legacy -A FORWARD -i %i -j ACCEPT; nft add table inet x') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('iptables-legacy');
  });
});
