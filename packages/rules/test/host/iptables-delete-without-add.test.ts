import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'iptables-delete-without-add';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it.each([
    ['exact pair', 'PostUp = iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\nPostDown = iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE'],
    ['-I paired with -D', 'PostUp = iptables -I FORWARD 1 -i %i -j ACCEPT\nPostDown = iptables -D FORWARD -i %i -j ACCEPT'],
    ['delete by number', 'PostDown = iptables -D FORWARD 1'],
    ['an up script may add it', 'PostUp = /etc/wireguard/fw.sh\nPostDown = iptables -D FORWARD -i %i -j ACCEPT'],
  ])('valid: %s', (_n, hooks) => {
    expect(run(ID, { [CONF]: wg(hooks) })).toEqual([]);
  });
  it('valid: the rule is in the dump', () => {
    const files = { [CONF]: wg('PostDown = iptables -D INPUT -p udp --dport 51820 -j ACCEPT'), 'etc/iptables/rules.v4': '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp --dport 51820 -j ACCEPT\nCOMMIT\n' };
    expect(run(ID, files)).toEqual([]);
  });
  it('invalid: -D without -t nat', () => {
    const files = { [CONF]: wg('PostUp = iptables -t nat -A POSTROUTING -s 10.8.0.0/24 -o eth0 -j MASQUERADE\nPostDown = iptables -D POSTROUTING -s 10.8.0.0/24 -o eth0 -j MASQUERADE') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('iptables -D POSTROUTING -s 10.8.0.0/24 -o eth0 -j MASQUERADE');
    expect(ds[0]!.message).toContain('is in the nat table; this delete is in filter (no -t)');
  });
  it('invalid: matches in another order', () => {
    const files = { [CONF]: wg('PostUp = iptables -A INPUT -p udp --dport 51820 -m comment --comment wg -j ACCEPT\nPostDown = iptables -D INPUT -m comment --comment wg -p udp --dport 51820 -j ACCEPT') };
    const [d] = run(ID, files);
    expect(d?.message).toContain('matches in the same order');
  });
});
