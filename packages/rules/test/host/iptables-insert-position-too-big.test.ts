import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'iptables-insert-position-too-big';
const CONF = 'etc/wireguard/wg.conf';
const FWD = '*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -j REJECT\nCOMMIT\n';

describe(ID, () => {
  it('valid: position len+1 is an append', () => {
    expect(run(ID, { [CONF]: wg('PostUp = iptables -I FORWARD 2 -i %i -j ACCEPT'), 'etc/iptables/rules.v4': FWD })).toEqual([]);
  });
  it('valid: no dump for the family (the chain content is unknown)', () => {
    expect(run(ID, { [CONF]: wg('PostUp = ip6tables -I FORWARD 2 -i %i -j ACCEPT'), 'etc/iptables/rules.v4': FWD })).toEqual([]);
  });
  it('invalid: seed 003 ip6tables -I FORWARD 2 on an empty FORWARD', () => {
    const files = { [CONF]: wg('PostUp = ip6tables -I FORWARD 2 -i %i -j ACCEPT'), 'etc/iptables/rules.v6': '*filter\n:FORWARD ACCEPT [0:0]\nCOMMIT\n' };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('error');
    expect(at(files, ds[0]!)).toBe('2');
    expect(ds[0]!.message).toContain('FORWARD has 0 rules');
  });
});
