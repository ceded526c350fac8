import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, fixed, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-allowed-ips-syntax';
const withIps = (v: string) => conf('', peer(`AllowedIPs = ${v}`));

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each(['10.0.0.2/32, fd00::2/128', '10.0.0.2', '0.0.0.0/0', '10.0.0.0/024', '+10.0.0.0/24'])('%s', (v) => expect(lint(ID, withIps(v))).toEqual([]));
  });
  describe('invalid', () => {
    it('trailing comma, fixed by removing it', () => {
      const text = withIps('10.0.0.2/32,');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe(',');
      expect(lineOf(text, d!)).toBe(6);
      expect(d!.message).toBe('Empty element in AllowedIPs (a stray comma): wg refuses the line ("Unable to parse IP address: `\'"). Remove the extra comma.');
      expect(fixed(text, d!)).toBe(withIps('10.0.0.2/32'));
    });
    it('double and leading commas', () => {
      const text = withIps(', 10.0.0.2/32,, 10.0.0.3/32');
      const ds = lint(ID, text);
      expect(ds).toHaveLength(2);
      expect(fixed(fixed(text, ds[1]!), ds[0]!)).toBe(withIps(' 10.0.0.2/32, 10.0.0.3/32'));
    });
    it('prefix too long, not an IP, space instead of comma', () => {
      const text = withIps('10.0.0.2/33, fd00::/129, 10.0.0.256, 10.0.0.1 10.0.0.2');
      expect(lint(ID, text).map((d) => [at(text, d), d.message.slice(0, d.message.indexOf(': wg'))])).toEqual([
        ['10.0.0.2/33', '`10.0.0.2/33` in AllowedIPs has an invalid prefix length (IPv4 allows 0-32)'],
        ['fd00::/129', '`fd00::/129` in AllowedIPs has an invalid prefix length (IPv6 allows 0-128)'],
        ['10.0.0.256', '`10.0.0.256` in AllowedIPs is not an IP address or `address/prefix`'],
        ['10.0.0.1 10.0.0.2', '`10.0.0.1 10.0.0.2` in AllowedIPs is not an IP address or `address/prefix`'],
      ]);
      expect(lint(ID, text)[3]!.message).toContain('Separate list elements with commas.');
    });
    it('`+`/`-` only on wireguard-tools older than 1.0.20250521', () => {
      const text = withIps('+10.0.0.0/24');
      const [d] = lint(ID, text, { wireguardTools: '1.0.20210914' });
      expect(d!.message).toBe(
        '`+` before `10.0.0.0/24` needs wireguard-tools 1.0.20250521 or newer; the targeted 1.0.20210914 refuses it ("Unable to parse IP address"). Drop the `+`.',
      );
    });
  });
});
