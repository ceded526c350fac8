import { lintTexts } from '@wglint/engine';
import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lint, peer } from './helpers.js';

const ID = 'wg-full-tunnel-ipv6-leak';
const client = (ips: string, iface = '') => conf(`Address = 10.0.0.2/24\n${iface}`, peer(`Endpoint = 203.0.113.5:51820\nAllowedIPs = ${ips}`));

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each([
      ['both families', '0.0.0.0/0, ::/0', ''],
      ['IPv6 by two /1 halves', '0.0.0.0/0, ::/1, 8000::/1', ''],
      ['not a full tunnel', '10.0.0.0/24, 192.168.50.0/24', ''],
      ['Table = off: wg-quick adds no routes', '0.0.0.0/0', 'Table = off'],
      ['an ip6tables kill switch in the hooks', '0.0.0.0/0', 'PostUp = ip6tables -I OUTPUT ! -o %i -j REJECT\nPreDown = ip6tables -D OUTPUT ! -o %i -j REJECT'],
      ['IPv6 switched off by a hook', '0.0.0.0/0', 'PostUp = sysctl -w net.ipv6.conf.all.disable_ipv6=1'],
    ])('%s', (_n, ips, iface) => expect(lint(ID, client(ips, iface))).toEqual([]));
    it('IPv6 switched off in sysctl.d', () => {
      const ds = lintTexts({ 'etc/wireguard/wg0.conf': client('0.0.0.0/0'), 'etc/sysctl.d/10-no-v6.conf': 'net.ipv6.conf.all.disable_ipv6 = 1\n' });
      expect(ds.filter((d) => d.ruleId === ID)).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('the wg-quick(8) client example: AllowedIPs = 0.0.0.0/0', () => {
      const text = client('0.0.0.0/0');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(d!.severity).toBe('info');
      expect(at(text, d!)).toBe('0.0.0.0/0');
      expect(d!.message).toContain("this machine's IPv6 traffic leaves outside the tunnel");
      expect(d!.message).toContain('Add `::/0` to AllowedIPs');
    });
    it('IPv6 only for the tunnel subnet still leaks the rest', () => {
      expect(lint(ID, client('0.0.0.0/0, fd00::/64'))).toHaveLength(1);
    });
  });
});
