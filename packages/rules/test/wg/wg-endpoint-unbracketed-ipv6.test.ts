import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, fixed, lint, peer } from './helpers.js';

const ID = 'wg-endpoint-unbracketed-ipv6';
const withEndpoint = (v: string) => conf('', peer(`Endpoint = ${v}\nAllowedIPs = 10.0.0.2/32`));

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each(['[2001:db8::1]:51820', '203.0.113.2:51820', '2001:db8::1'])('%s', (v) => expect(lint(ID, withEndpoint(v))).toEqual([]));
  });
  describe('invalid', () => {
    it('host and port made explicit with brackets', () => {
      const text = withEndpoint('2001:db8::1:51820');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(d!.severity).toBe('warning');
      expect(at(text, d!)).toBe('2001:db8::1:51820');
      expect(d!.message).toBe(
        'Endpoint `2001:db8::1:51820` is an IPv6 address without brackets: wg reads host `2001:db8::1` and port `51820` only because it splits at the last `:`, and a missing port would silently change the address. Write `[2001:db8::1]:51820`.',
      );
      expect(fixed(text, d!)).toBe(withEndpoint('[2001:db8::1]:51820'));
    });
  });
});
