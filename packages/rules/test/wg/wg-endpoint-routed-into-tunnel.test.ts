import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-endpoint-routed-into-tunnel';
const client = (ips: string, iface = '', endpoint = '203.0.113.5:51820') => conf(`Address = 10.0.0.2/24\n${iface}`, peer(`Endpoint = ${endpoint}\nAllowedIPs = ${ips}`));

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each([
      ['full tunnel: wg-quick adds fwmark rules', '0.0.0.0/0, ::/0', ''],
      ['endpoint outside the routed prefixes', '10.0.0.0/24, 192.168.50.0/24', ''],
      ['Table off: no routes at all', '0.0.0.0/1, 128.0.0.0/1', 'Table = off'],
      ['own table: routes not in main', '0.0.0.0/1, 128.0.0.0/1', 'Table = 123'],
      ['endpoint routed by a hook', '0.0.0.0/1, 128.0.0.0/1', 'PreUp = ip route add 203.0.113.5 via 192.168.1.1'],
    ])('%s', (_n, ips, iface) => expect(lint(ID, client(ips, iface))).toEqual([]));
    it('a host name endpoint is not checked', () => expect(lint(ID, client('0.0.0.0/1, 128.0.0.0/1', '', 'vpn.example.com:51820'))).toEqual([]));
  });
  describe('invalid', () => {
    it('the two /1 halves cover the endpoint', () => {
      const text = client('0.0.0.0/1, 128.0.0.0/1');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(d!.severity).toBe('warning');
      expect(at(text, d!)).toBe('203.0.113.5');
      expect(lineOf(text, d!)).toBe(7);
      expect(d!.message).toContain('Endpoint 203.0.113.5 lies inside AllowedIPs 128.0.0.0/1 (line 8)');
      expect(d!.message).toContain('`PreUp = ip route add 203.0.113.5 via <gateway>`');
    });
    it('IPv6 endpoint inside a routed /64, Table = auto written out', () => {
      expect(lint(ID, client('fd00::/64', 'Table = auto', '[fd00::1]:51820'))).toHaveLength(1);
    });
  });
});
