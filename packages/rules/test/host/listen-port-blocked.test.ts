import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'listen-port-blocked';
const CONF = 'etc/wireguard/wg0.conf';
const V4 = 'etc/iptables/rules.v4';
const SERVER = wg('Address = 10.0.0.1/24\nListenPort = 51820');
const dump = (policy: string, rules: string) => `*filter\n:INPUT ${policy} [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n${rules}COMMIT\n`;

describe(ID, () => {
  describe('valid', () => {
    it.each([
      ['seed 001: accepted on eth0 before the DROP policy', dump('DROP', '-A INPUT -i lo -j ACCEPT\n-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A INPUT -i eth0 -p udp --dport 51820 -m conntrack --ctstate NEW -j ACCEPT\n')],
      ['seed 003: accepted from one source before the REJECT', dump('ACCEPT', '-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT\n-A INPUT -p udp --dport 51820 -s 198.51.100.7 -m state --state NEW -j ACCEPT\n-A INPUT -j REJECT\n')],
      ['policy ACCEPT', dump('ACCEPT', '')],
      ['a jump to a user chain may accept it', '*filter\n:INPUT DROP [0:0]\n:WG - [0:0]\n-A INPUT -j WG\n-A WG -p udp --dport 51820 -j ACCEPT\nCOMMIT\n'],
      ['a multiport range holds the port', dump('DROP', '-A INPUT -p udp -m multiport --dports 51000:52000 -j ACCEPT\n')],
    ])('%s', (_n, rules) => {
      expect(run(ID, { [CONF]: SERVER, [V4]: rules })).toEqual([]);
    });
    it('a PostUp accepting `--dport $(wg show %i listen-port)` (bash computes the port after wg sets it)', () => {
      const conf = wg('Address = 10.0.0.1/24\nListenPort = 51820\nPostUp = iptables -I INPUT -p udp --dport $(wg show %i listen-port) -j ACCEPT\nPreDown = iptables -D INPUT -p udp --dport $(wg show %i listen-port) -j ACCEPT || true');
      expect(run(ID, { [CONF]: conf, [V4]: dump('DROP', '-A INPUT -p tcp --dport 22 -j ACCEPT\n') })).toEqual([]);
    });
    const nftInput = (body: string, after = '') =>
      `table inet filter {\n\tmap vm {\n\t\ttype inet_service : verdict\n\t\telements = { 51820 : accept }\n\t}\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n${body}\n\t}\n}\n${after}`;
    it.each([
      ['an anonymous verdict map', '\t\tudp dport vmap { 51820 : accept }'],
      ['a named verdict map', '\t\tudp dport vmap @vm'],
      ['a verdict map on the protocol', '\t\tmeta l4proto vmap { udp : accept }'],
      ['a concatenation of protocol and port', '\t\tmeta l4proto . th dport { udp . 51820 } accept'],
      ['a concatenation of source and port', '\t\tip saddr . udp dport { 0.0.0.0/0 . 51820 } accept'],
    ])('nft: %s may accept it', (_n, body) => {
      expect(run(ID, { [CONF]: SERVER, 'etc/nftables.conf': nftInput(body) })).toEqual([]);
    });
    it('nft: `insert rule` puts the accept before the chain\'s catch-all drop', () => {
      const nft = 'table inet t {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tdrop\n\t}\n}\ninsert rule inet t c udp dport 51820 accept\n';
      expect(run(ID, { [CONF]: SERVER, 'etc/nftables.conf': nft })).toEqual([]);
    });
    it('nft (near miss): a concatenation with a TCP port does not accept the UDP handshake', () => {
      const nft = nftInput('\t\tmeta l4proto . tcp dport { tcp . 51820 } accept');
      expect(run(ID, { [CONF]: SERVER, 'etc/nftables.conf': nft })).toHaveLength(1);
    });
    it('nft (near miss): an `add rule` lands after the catch-all drop', () => {
      const nft = 'table inet t {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t\tdrop\n\t}\n}\nadd rule inet t c udp dport 51820 accept\n';
      expect(run(ID, { [CONF]: SERVER, 'etc/nftables.conf': nft })).toHaveLength(1);
    });
    it('a client (every peer has an Endpoint) needs no inbound accept', () => {
      const client = wg('ListenPort = 51820', '[Peer]\nPublicKey = fE/wdxzl0klVp/IR8UcaoGUMjqaWi3jAd7KzHKFS6Ds=\nEndpoint = 203.0.113.2:51820\nAllowedIPs = 0.0.0.0/0\n');
      expect(run(ID, { [CONF]: client, [V4]: dump('DROP', '') })).toEqual([]);
    });
    it('seed 002: nft input chain accepts $wg_port on the public interface', () => {
      const nft = `define pub_iface = "eth0"\ndefine wg_port = { 51820 }\ntable inet filter {\n  chain input {\n    type filter hook input priority 0; policy drop;\n    iif "lo" accept\n    ct state vmap { invalid : drop, established : accept, related : accept }\n    iifname $pub_iface tcp dport ssh accept\n    iifname $pub_iface udp dport $wg_port accept\n    reject\n  }\n}\n`;
      expect(run(ID, { [CONF]: SERVER, 'etc/nftables.conf': nft })).toEqual([]);
    });
  });

  describe('valid: `insert rule` from another file or a hook goes first in the chain (nft -f and nft insert put it above the rules already there)', () => {
    const base = 'table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n\t\tct state established,related accept\n\t\treject\n\t}\n}\ninclude "/etc/nftables.d/*.nft"\n';
    it('a drop-in', () => {
      expect(run(ID, { [CONF]: SERVER, 'etc/nftables.conf': base, 'etc/nftables.d/wg.nft': 'insert rule inet filter input udp dport 51820 accept\n' })).toEqual([]);
    });
    it('a PostUp', () => {
      const conf = wg('Address = 10.0.0.1/24\nListenPort = 51820\nPostUp = nft insert rule inet filter input udp dport 51820 accept');
      expect(run(ID, { [CONF]: conf, 'etc/nftables.conf': base })).toEqual([]);
    });
    it('near miss: `add rule` lands behind the reject', () => {
      const conf = wg('Address = 10.0.0.1/24\nListenPort = 51820\nPostUp = nft add rule inet filter input udp dport 51820 accept');
      expect(run(ID, { [CONF]: conf, 'etc/nftables.conf': base })).toHaveLength(1);
    });
  });

  describe('typed rejects in an inet table (nft adds an implicit match: nft --debug=netlink)', () => {
    const ruleset = (last: string, more = '') => `table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter;\n${more}\t\t${last}\n\t}\n}\n`;
    it('valid: `reject with tcp reset` answers TCP only, so a UDP handshake passes', () => {
      expect(run(ID, { [CONF]: SERVER, 'etc/nftables.conf': ruleset('reject with tcp reset') })).toEqual([]);
    });
    it('invalid: `reject with icmp type port-unreachable` rejects every IPv4 packet, and the hint skips a DHCPv6 client rule', () => {
      const more = '\t\tip6 saddr fe80::/10 udp sport 547 udp dport 546 accept\n';
      const [d, ...rest] = run(ID, { [CONF]: SERVER, 'etc/nftables.conf': ruleset('reject with icmp type port-unreachable', more) });
      expect(rest).toEqual([]);
      expect(d!.message).toContain('rejects every IPv4 packet (`with icmp`)');
      expect(d!.message).not.toContain('instead');
    });
  });

  describe('invalid', () => {
    it('names a rule that accepts another UDP port (a ListenPort that was changed, or a typo)', () => {
      const conf = wg('Address = 10.0.0.1/24\nListenPort = 51821\nPostUp = iptables -A INPUT -p udp --dport 51820 -j ACCEPT\nPostDown = iptables -D INPUT -p udp --dport 51820 -j ACCEPT');
      const [d, ...rest] = run(ID, { [CONF]: conf, [V4]: dump('DROP', '-A INPUT -p tcp --dport 22 -j ACCEPT\n') });
      expect(rest).toEqual([]);
      expect(d!.message).toContain('A rule accepts UDP 51820 instead (PostUp of wg0 (etc/wireguard/wg0.conf:');
    });
    it('says nothing of other ports when none is accepted', () => {
      const [d] = run(ID, { [CONF]: SERVER, [V4]: dump('DROP', '-A INPUT -p tcp --dport 22 -j ACCEPT\n') });
      expect(d!.message).not.toContain('instead');
    });
    it('INPUT policy DROP and only SSH accepted', () => {
      const files = { [CONF]: SERVER, [V4]: dump('DROP', '-A INPUT -i lo -j ACCEPT\n-A INPUT -p tcp --dport 22 -j ACCEPT\n') };
      const ds = run(ID, files);
      expect(ds).toHaveLength(1);
      expect(at(files, ds[0]!)).toBe('51820');
      expect(ds[0]!.message).toContain('the iptables INPUT policy is DROP (etc/iptables/rules.v4:2)');
    });
    it('a catch-all REJECT before any accept for the port', () => {
      const files = { [CONF]: SERVER, [V4]: dump('ACCEPT', '-A INPUT -p udp --dport 53 -j ACCEPT\n-A INPUT -j REJECT\n-A INPUT -p udp --dport 51820 -j ACCEPT\n') };
      const [d] = run(ID, files);
      expect(d?.message).toContain('`-A INPUT -j REJECT` (etc/iptables/rules.v4:6) rejects everything');
    });
    it('an nft input chain with policy drop and no udp accept', () => {
      const nft = `table inet filter {\n  chain input {\n    type filter hook input priority 0; policy drop;\n    ct state established,related accept\n    tcp dport 22 accept\n  }\n}\n`;
      const [d] = run(ID, { [CONF]: SERVER, 'etc/nftables.conf': nft });
      expect(d?.message).toContain('the nft chain inet filter input has policy drop');
    });
  });
});
