import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'listen-port-in-ephemeral-range';
const NFT = 'etc/nftables.conf';
const SYSCTL = 'etc/sysctl.d/90-wg.conf';

/** Seed 002's base nftables config with `wg_port` as given. */
const seed002 = (wgPort: string) => `#!/usr/sbin/nft -f
flush ruleset

define pub_iface = "eth0"
define wg_iface = { "wg-a", "wg-b" }
define wg_port = ${wgPort}

table inet filter {
    chain input {
        type filter hook input priority 0; policy drop;
        iif "lo" accept
        ct state vmap { invalid : drop, established : accept, related : accept }
        iifname $pub_iface tcp dport ssh accept
        iifname $pub_iface udp dport $wg_port accept
        iifname $wg_iface tcp dport 8080 accept
        reject
    }
}
`;
const WG_A = wg('Address = 10.200.200.1\nListenPort = 51821\nTable = 41');
const WG_B = wg('Address = 10.200.200.2\nListenPort = 51822\nTable = 42');

describe(ID, () => {
  describe('valid', () => {
    it('seed 002 as published: single ports in a set', () => {
      expect(run(ID, { [NFT]: seed002('{ 51821, 51822 }'), 'etc/wireguard/wg-a.conf': WG_A, 'etc/wireguard/wg-b.conf': WG_B })).toEqual([]);
    });
    it('the range is reserved', () => {
      const files = { [NFT]: seed002('51820-51899'), 'etc/wireguard/wg-a.conf': WG_A, [SYSCTL]: 'net.ipv4.ip_local_reserved_ports = 51820-51899\n' };
      expect(run(ID, files)).toEqual([]);
    });
    it('the ephemeral range was moved away', () => {
      const files = { [NFT]: seed002('51820-51899'), 'etc/wireguard/wg-a.conf': WG_A, [SYSCTL]: 'net.ipv4.ip_local_port_range = 32768 50999\n' };
      expect(run(ID, files)).toEqual([]);
    });
    it('a range below 32768', () => {
      const files = { [NFT]: seed002('20000-20099'), 'etc/wireguard/wg-a.conf': wg('ListenPort = 20001') };
      expect(run(ID, files)).toEqual([]);
    });
    it('a UDP range that holds no WireGuard port', () => {
      expect(run(ID, { [NFT]: seed002('60000-60100') })).toEqual([]);
    });
    it('rules accepting replies (a source port, or only established traffic) open no port', () => {
      const v4 =
        '*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -p udp -m udp --dport 51820 -j ACCEPT\n' +
        '-A INPUT -p udp -m udp --sport 123 --dport 1024:65535 -j ACCEPT\n-A INPUT -p udp -m udp --dport 1024:65535 -m conntrack --ctstate ESTABLISHED -j ACCEPT\nCOMMIT\n';
      expect(run(ID, { 'etc/iptables/rules.v4': v4 })).toEqual([]);
      const nft = 'table inet f {\n\tchain input {\n\t\ttype filter hook input priority 0; policy drop;\n\t\tudp sport 53 udp dport 1024-65535 accept\n\t}\n}\n';
      expect(run(ID, { [NFT]: nft })).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('a later port range the kernel refuses (first port below 1024) leaves the earlier one in force', () => {
      const sysctl = 'net.ipv4.ip_local_port_range = 32768 60999\nnet.ipv4.ip_local_port_range = 1000 50999\n';
      const files = { [NFT]: seed002('51820-51899'), 'etc/wireguard/wg-a.conf': WG_A, [SYSCTL]: sysctl };
      expect(run(ID, files)).toHaveLength(1);
    });
    it('a reserved-ports value with a space is refused as a whole, so nothing is reserved', () => {
      const files = { [NFT]: seed002('51820-51899'), 'etc/wireguard/wg-a.conf': WG_A, [SYSCTL]: 'net.ipv4.ip_local_reserved_ports = 51820-51899, 22\n' };
      expect(run(ID, files)).toHaveLength(1);
    });
    it('seed 002 tip: define wg_port = 51820-51899 without reserving it', () => {
      const files = { [NFT]: seed002('51820-51899'), 'etc/wireguard/wg-a.conf': WG_A, 'etc/wireguard/wg-b.conf': WG_B };
      const ds = run(ID, files);
      expect(ds).toHaveLength(1);
      expect(ds[0]!.file).toBe(NFT);
      expect(at(files, ds[0]!)).toBe('$wg_port');
      expect(ds[0]!.message).toContain('UDP ports 51820-51899 are opened for WireGuard');
      expect(ds[0]!.message).toContain('32768-60999 (the kernel default)');
      expect(ds[0]!.message).toContain('net.ipv4.ip_local_reserved_ports = 51820-51899');
    });
    it('only the unreserved part is reported', () => {
      const files = { [NFT]: seed002('51820-51899'), [SYSCTL]: 'net.ipv4.ip_local_reserved_ports = 51820-51849\n' };
      const [d] = run(ID, files);
      expect(d?.message).toContain('but 51850-51899 are inside');
    });
    it('an iptables multiport range in a hook', () => {
      const files = { 'etc/wireguard/wg0.conf': wg('ListenPort = 51820\nPostUp = iptables -A INPUT -p udp -m multiport --dports 51820:51830 -j ACCEPT\nPostDown = iptables -D INPUT -p udp -m multiport --dports 51820:51830 -j ACCEPT') };
      const [d, ...rest] = run(ID, files);
      expect(rest).toEqual([]);
      expect(at(files, d!)).toBe('51820:51830');
    });
    it('an iptables --dport range in the dump, with a custom ephemeral range', () => {
      const files = {
        'etc/iptables/rules.v4': '*filter\n:INPUT DROP [0:0]\n-A INPUT -p udp --dport 40000:40010 -j ACCEPT\nCOMMIT\n',
        'etc/wireguard/wg0.conf': wg('ListenPort = 40005'),
        [SYSCTL]: 'net.ipv4.ip_local_port_range = 10000 45000\n',
      };
      const [d] = run(ID, files);
      expect(at(files, d!)).toBe('40000:40010');
      expect(d!.message).toContain('10000-45000 (net.ipv4.ip_local_port_range from etc/sysctl.d/90-wg.conf:1)');
    });
  });
});
