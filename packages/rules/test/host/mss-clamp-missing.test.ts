import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'mss-clamp-missing';
const CONF = 'etc/wireguard/wg0.conf';
const GW = 'Address = 10.0.0.1/24\nPostUp = iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE\nPostDown = iptables -t nat -D POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE';

describe(ID, () => {
  it('valid: seed 001 clamps in the dump', () => {
    const dump = '*mangle\n:FORWARD ACCEPT [0:0]\n-A FORWARD -i wg0 -o eth0 -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu\nCOMMIT\n';
    expect(run(ID, { [CONF]: wg(GW), 'etc/iptables/rules.v4': dump })).toEqual([]);
  });
  it('valid: clamped in a hook', () => {
    expect(run(ID, { [CONF]: wg(`${GW}\nPostUp = iptables -t mangle -A FORWARD -o %i -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu`) })).toEqual([]);
  });
  it('valid: not a gateway', () => {
    expect(run(ID, { [CONF]: wg('Address = 10.0.0.1/24') })).toEqual([]);
  });
  describe('nft masquerade', () => {
    const nat = (rule: string, extra = '') => `table ip nat {\n\tchain postrouting {\n\t\ttype nat hook postrouting priority srcnat;\n\t\t${rule}\n\t}\n}\n${extra}`;
    it('invalid: the tunnel subnet masqueraded in nftables.conf', () => {
      const files = { [CONF]: wg('Address = 10.0.0.1/24'), 'etc/nftables.conf': nat('ip saddr 10.0.0.0/24 oifname "eth0" masquerade') };
      const [d, ...rest] = run(ID, files);
      expect(rest).toEqual([]);
      expect(d!.file).toBe('etc/nftables.conf');
      expect(at(files, d!)).toBe('ip saddr 10.0.0.0/24 oifname "eth0" masquerade');
      expect(d!.message).toContain('`tcp flags syn tcp option maxseg size set rt mtu`');
    });
    it('invalid: a hook masquerading what comes from the interface', () => {
      const files = { [CONF]: wg("Address = 10.0.0.1/24\nPostUp = nft add table ip wgnat; nft 'add chain ip wgnat post { type nat hook postrouting priority srcnat; }'; nft add rule ip wgnat post iifname %i masquerade\nPostDown = nft delete table ip wgnat") };
      expect(run(ID, files)).toHaveLength(1);
    });
    it('valid: clamped in nft, or a masquerade of everything (it says nothing about the tunnel)', () => {
      const clamp = 'table inet mangle {\n\tchain forward {\n\t\ttype filter hook forward priority mangle;\n\t\ttcp flags syn tcp option maxseg size set rt mtu\n\t}\n}\n';
      expect(run(ID, { [CONF]: wg('Address = 10.0.0.1/24'), 'etc/nftables.conf': nat('ip saddr 10.0.0.0/24 masquerade', clamp) })).toEqual([]);
      expect(run(ID, { [CONF]: wg('Address = 10.0.0.1/24'), 'etc/nftables.conf': nat('oifname "eth0" masquerade') })).toEqual([]);
    });
  });
  it('invalid: MASQUERADE gateway without clamping (info)', () => {
    const files = { [CONF]: wg(GW) };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('info');
    expect(at(files, ds[0]!)).toBe('iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE');
  });
});
