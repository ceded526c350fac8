import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'iptables-delete-without-add';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it.each([
    ['exact pair', 'PostUp = iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\nPostDown = iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE'],
    ['-I paired with -D', 'PostUp = iptables -I FORWARD 1 -i %i -j ACCEPT\nPostDown = iptables -D FORWARD -i %i -j ACCEPT'],
    ['delete by number', 'PostDown = iptables -D FORWARD 1'],
    ['the rule an -R put in place', 'PostUp = iptables -A FORWARD -i %i -j ACCEPT; iptables -R FORWARD 1 -i %i -o eth0 -j ACCEPT\nPostDown = iptables -D FORWARD -i %i -o eth0 -j ACCEPT'],
    ['an up script may add it', 'PostUp = /etc/wireguard/fw.sh\nPostDown = iptables -D FORWARD -i %i -j ACCEPT'],
  ])('valid: %s', (_n, hooks) => {
    expect(run(ID, { [CONF]: wg(hooks) })).toEqual([]);
  });
  // Spellings iptables stores as the same rule, so `-D` finds the `-A`'s rule (checked with iptables 1.8.9)
  it.each([
    ['ctstate in another order', '-A FORWARD -o %i -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT', '-D FORWARD -o %i -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'],
    ['a service name and its port', '-A INPUT -p udp --dport domain -j ACCEPT', '-D INPUT -p udp --dport 53 -j ACCEPT'],
    ['--set-mark and --set-xmark', '-t mangle -A PREROUTING -i %i -j MARK --set-mark 1', '-t mangle -D PREROUTING -i %i -j MARK --set-xmark 0x1/0xffffffff'],
    ['a netmask and a prefix length', '-A FORWARD -s 10.8.0.0/255.255.255.0 -j ACCEPT', '-D FORWARD -s 10.8.0.0/24 -j ACCEPT'],
    ['an ICMP type name and its number', '-A INPUT -p icmp --icmp-type echo-request -j ACCEPT', '-D INPUT -p icmp --icmp-type 8 -j ACCEPT'],
    ['an ICMPv6 type name and its number', '-A INPUT -p ipv6-icmp --icmpv6-type neighbour-solicitation -j ACCEPT', '-D INPUT -p ipv6-icmp --icmpv6-type 135 -j ACCEPT', 'ip6tables'],
    ['--syn and its --tcp-flags', '-A INPUT -p tcp --syn -j ACCEPT', '-D INPUT -p tcp --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT'],
    ['-s 0.0.0.0/0 and no -s', '-A INPUT -s 0.0.0.0/0 -i %i -j ACCEPT', '-D INPUT -i %i -j ACCEPT'],
    ['a protocol number and its name', '-A INPUT -p 6 --dport 22 -j ACCEPT', '-D INPUT -p tcp --dport 22 -j ACCEPT'],
    ['tcp flags in another order', '-A FORWARD -p tcp --tcp-flags SYN,RST SYN -j ACCEPT', '-D FORWARD -p tcp --tcp-flags RST,SYN SYN -j ACCEPT'],
    ['-d a,b deleted one address at a time', '-A FORWARD -d 192.168.1.0/24,192.168.2.0/24 -j ACCEPT', '-D FORWARD -d 192.168.1.0/24 -j ACCEPT; iptables -D FORWARD -d 192.168.2.0/24 -j ACCEPT'],
  ])('valid: %s', (_n, add, del, tool = 'iptables') => {
    const files = { [CONF]: wg(`PostUp = ${tool} ${add}\nPostDown = ${tool} ${del.replace('; iptables', `; ${tool}`)}`) };
    expect(run(ID, files)).toEqual([]);
    expect(run('hook-missing-teardown', files)).toEqual([]);
  });
  it('invalid (near miss): one of the two addresses of `-d a,b` is never deleted', () => {
    const files = { [CONF]: wg('PostUp = iptables -A FORWARD -d 192.168.1.0/24 -j ACCEPT\nPostDown = iptables -D FORWARD -d 192.168.1.0/24,192.168.2.0/24 -j ACCEPT') };
    expect(run(ID, files)).toHaveLength(1);
  });
  it('invalid (near miss): an ICMP type with a code is another rule than the type alone', () => {
    const files = { [CONF]: wg('PostUp = iptables -A INPUT -p icmp --icmp-type 8/0 -j ACCEPT\nPostDown = iptables -D INPUT -p icmp --icmp-type echo-request -j ACCEPT') };
    expect(run(ID, files)).toHaveLength(1);
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
