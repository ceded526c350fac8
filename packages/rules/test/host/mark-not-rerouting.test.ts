import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'mark-not-rerouting';
const CONF = 'etc/wireguard/wg0.conf';
const V4 = 'etc/iptables/rules.v4';
const hooks = (lines: string) => ({ [CONF]: wg(`Address = 10.0.0.1/24\nTable = off\nPostUp = ip rule add fwmark 0x1 table 100 priority 100\nPostDown = ip rule del fwmark 0x1 table 100 priority 100\n${lines}`) });

describe(ID, () => {
  describe('valid', () => {
    it.each([
      ['mangle OUTPUT: the kernel routes the packet again', 'PostUp = iptables -t mangle -A OUTPUT -m owner --uid-owner 1000 -j MARK --set-mark 0x1'],
      ['mangle PREROUTING, before the routing decision', 'PostUp = iptables -t mangle -A PREROUTING -i eth1 -j MARK --set-mark 1'],
      ['restore-mark in mangle PREROUTING (connmark routing)', 'PostUp = iptables -t mangle -A PREROUTING -j CONNMARK --restore-mark'],
      ['save-mark in POSTROUTING only saves it', 'PostUp = iptables -t mangle -A POSTROUTING -j CONNMARK --save-mark'],
      ['a mark no ip rule selects', 'PostUp = iptables -A OUTPUT -j MARK --set-mark 0x2'],
      ['a mark on bits the ip rule does not look at', 'PostUp = iptables -A OUTPUT -j MARK --set-xmark 0x100/0xff00'],
    ])('%s', (_n, line) => {
      expect(run(ID, hooks(line))).toEqual([]);
    });

    it('a user chain that mangle PREROUTING jumps to', () => {
      const dump = '*mangle\n:PREROUTING ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:MARKS - [0:0]\n-A PREROUTING -j MARKS\n-A FORWARD -j MARKS\n-A MARKS -s 10.0.0.2 -j MARK --set-mark 0x1\nCOMMIT\n';
      expect(run(ID, { ...hooks(''), [V4]: dump })).toEqual([]);
    });

    it('only wg-quick\'s own `not fwmark` rule (full tunnel)', () => {
      const files = { [CONF]: wg('Address = 10.0.0.2/32\nPostUp = iptables -A OUTPUT -j MARK --set-mark 51820', '[Peer]\nPublicKey = fE/wdxzl0klVp/IR8UcaoGUMjqaWi3jAd7KzHKFS6Ds=\nAllowedIPs = 0.0.0.0/0\n') };
      expect(run(ID, files)).toEqual([]);
    });
  });

  describe('nft', () => {
    const NFT = 'etc/nftables.conf';
    const ruleset = (chain: string, rule: string) => `table inet mangle {\n\tchain c {\n\t\t${chain}; policy accept;\n\t\t${rule}\n\t}\n}\n`;
    it.each([
      ['seed 004: a route chain on output', 'type route hook output priority mangle', 'ct mark 1 meta mark set 1'],
      ['seed 004: prerouting', 'type filter hook prerouting priority mangle', 'iifname != "wg0" ct mark 1 meta mark set 1'],
      ['a mark no ip rule selects', 'type filter hook output priority mangle', 'meta mark set 2'],
    ])('valid: %s', (_n, chain, rule) => {
      expect(run(ID, { ...hooks(''), [NFT]: ruleset(chain, rule) })).toEqual([]);
    });
    it('a filter chain on output: tested, the packet keeps the main route', () => {
      const files = { ...hooks(''), [NFT]: ruleset('type filter hook output priority mangle', 'ct mark 1 meta mark set 1') };
      const [d, ...rest] = run(ID, files);
      expect(rest).toEqual([]);
      expect(d!.file).toBe(NFT);
      expect(at(files, d!)).toBe('ct mark 1 meta mark set 1');
      expect(d!.message).toContain('in a filter chain on the output hook (inet mangle c)');
      expect(d!.message).toContain('`type route hook output`');
    });
    it('restoring the mark on postrouting', () => {
      expect(run(ID, { ...hooks(''), [NFT]: ruleset('type filter hook postrouting priority mangle', 'meta mark set ct mark') })).toHaveLength(1);
    });
  });

  describe('invalid', () => {
    it('MARK in the filter table\'s OUTPUT (no -t mangle): tested, the packet keeps the main route', () => {
      const files = hooks('PostUp = iptables -A OUTPUT -m owner --uid-owner 1000 -j MARK --set-mark 0x1');
      const [d, ...rest] = run(ID, files);
      expect(rest).toEqual([]);
      expect(at(files, d!)).toBe('iptables -A OUTPUT -m owner --uid-owner 1000 -j MARK --set-mark 0x1');
      expect(d!.message).toMatch(/sets the packet mark in filter OUTPUT, after the kernel has chosen the route, so the fwmark ip rule \(PostUp of wg0 \(etc\/wireguard\/wg0\.conf:\d+\)\) never applies/);
      expect(d!.message).toContain('move it to `-t mangle -A OUTPUT`');
    });

    it('mangle POSTROUTING, raw and nat OUTPUT', () => {
      for (const line of ['PostUp = iptables -t mangle -A POSTROUTING -j MARK --set-xmark 0x1/0xffffffff', 'PostUp = iptables -t raw -A OUTPUT -j MARK --set-mark 1', 'PostUp = iptables -t nat -A OUTPUT -p tcp -j MARK --set-mark 1']) {
        expect(run(ID, hooks(line)), line).toHaveLength(1);
      }
    });

    it('CONNMARK --restore-mark in a dump\'s mangle FORWARD, through a user chain', () => {
      const dump = '*mangle\n:FORWARD ACCEPT [0:0]\n:RESTORE - [0:0]\n-A FORWARD -i wg0 -j RESTORE\n-A RESTORE -j CONNMARK --restore-mark\nCOMMIT\n';
      const files = { ...hooks(''), [V4]: dump };
      const [d, ...rest] = run(ID, files);
      expect(rest).toEqual([]);
      expect(d!.file).toBe(V4);
      expect(at(files, d!)).toBe('-A RESTORE -j CONNMARK --restore-mark');
      expect(d!.message).toContain('in mangle RESTORE (reached from FORWARD)');
      expect(d!.message).toContain('move it to `-t mangle -A PREROUTING`');
    });
  });
});
