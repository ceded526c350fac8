import { describe, expect, it } from 'vitest';
import { at, fixed, run, wg } from './helpers.js';

const ID = 'nft-iif-for-dynamic-interface';
const CONF = 'etc/wireguard/wg0.conf';
const NFT = 'etc/nftables.conf';
const ruleset = (lines: string) =>
  `#!/usr/sbin/nft -f\nflush ruleset\ndefine WG = "wg0"\ntable inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n${lines}\n\t}\n}\n`;
const host = (lines: string) => ({ [CONF]: wg('Address = 10.0.0.1/24\nListenPort = 51820'), [NFT]: ruleset(lines) });

describe(ID, () => {
  describe('valid', () => {
    it.each([
      ['iifname and oifname', '\t\tiifname "wg0" accept\n\t\toifname wg0 accept'],
      ['iif of the loopback and of a NIC that exists at boot', '\t\tiif lo accept\n\t\tiif eth0 tcp dport 22 accept'],
      ['a name in a verdict map of iifname', '\t\tiifname vmap { "wg0" : accept, "lo" : accept }'],
    ])('%s', (_n, lines) => {
      expect(run(ID, host(lines))).toEqual([]);
    });

    it('a ruleset a PostUp loads with nft -f, while the interface exists', () => {
      const files = {
        [CONF]: wg('Address = 10.0.0.1/24\nPostUp = nft -f /etc/wireguard/%i.nft\nPostDown = nft delete table inet wg'),
        'etc/wireguard/wg0.nft': 'table inet wg {\n\tchain fwd {\n\t\ttype filter hook forward priority filter;\n\t\tiif wg0 accept\n\t}\n}\n',
      };
      expect(run(ID, files)).toEqual([]);
    });

    it('an nft one-liner in a hook (the interface exists when it runs)', () => {
      const files = { [CONF]: wg("Address = 10.0.0.1/24\nPostUp = nft add table inet wg; nft 'add chain inet wg in { type filter hook input priority 0; }'; nft add rule inet wg in iif %i accept\nPostDown = nft delete table inet wg") };
      expect(run(ID, files)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('iif of the host\'s WireGuard interface, fixed to iifname', () => {
      // nft 1.0.6: `Error: Interface does not exist` for `iif wg0` when wg0 is absent, and nothing of the file is loaded
      const files = host('\t\tiif lo accept\n\t\tiif wg0 accept # tunnel\n\t\tmeta oif "wg0" accept');
      const ds = run(ID, files);
      expect(ds.map((d) => at(files, d))).toEqual(['iif wg0', 'meta oif "wg0"']);
      expect(ds[0]!.message).toMatch(/at boot `wg0` does not exist yet .* nft refuses the whole file \("Interface does not exist"\)/);
      expect(ds[0]!.message).toContain('Match the name: `iifname`');
      const once = fixed(files, ds[0]!);
      expect(once).toContain('\t\tiifname wg0 accept # tunnel\n');
      expect(fixed({ [NFT]: once }, run(ID, { ...files, [NFT]: once })[0]!)).toContain('\t\tmeta oifname "wg0" accept');
    });

    it('through a define and in a set; a wg* name with no config on the host', () => {
      const files = { [NFT]: ruleset('\t\tiif $WG accept\n\t\tiif { lo, wg1 } accept') };
      expect(run(ID, files).map((d) => at(files, d))).toEqual(['iif $WG', 'iif { lo, wg1 }']);
    });

    it('a verdict map keyed by iif: reported without a fix (a named map has a key type)', () => {
      const files = host('\t\tiif vmap { lo : accept, wg0 : accept }');
      const [d, ...rest] = run(ID, files);
      expect(rest).toEqual([]);
      expect(at(files, d!)).toBe('iif vmap { lo : accept, wg0 : accept }');
      expect(d!.fix).toBeUndefined();
    });
  });
});
