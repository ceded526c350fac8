import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-endpoint-format';
const withEndpoint = (v: string) => conf('', peer(`Endpoint = ${v}\nAllowedIPs = 10.0.0.2/32`));

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each(['203.0.113.2:51820', '[2001:db8::1]:51820', 'vpn.example.com:51820', 'my_host.lan:51820', '[fe80::1%eth0]:51820', '2001:db8::1:51820'])('%s', (v) => {
      expect(lint(ID, withEndpoint(v))).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('no port', () => {
      const text = withEndpoint('203.0.113.2');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('203.0.113.2');
      expect(lineOf(text, d!)).toBe(6);
      expect(d!.message).toBe('Endpoint `203.0.113.2` has no port: wg refuses it ("Unable to find port of endpoint"). Add the peer\'s ListenPort, e.g. `203.0.113.2:51820`.');
    });
    it('bare IPv6 address: split at the last colon', () => {
      expect(lint(ID, withEndpoint('2001:db8::1'))[0]!.message).toBe(
        'Endpoint `2001:db8::1` looks like an IPv6 address without brackets: wg splits it at the last `:` into host `2001:db8:` and port `1`, which cannot resolve. Write `[address]:port`, e.g. `[2001:db8::1]:51820`.',
      );
      expect(lint(ID, withEndpoint('fd00::'))[0]!.message).toContain('is an IPv6 address without a port');
    });
    it('bracket problems', () => {
      expect(lint(ID, withEndpoint('[2001:db8::1:51820'))[0]!.message).toContain('opens `[` without closing it');
      expect(lint(ID, withEndpoint('[2001:db8::1]'))[0]!.message).toContain('has no port');
    });
    it('a blog placeholder as the host', () => {
      expect(lint(ID, withEndpoint("<host2's real IP>:51821"))[0]!.message).toBe(
        "Endpoint host `<host2'srealIP>` is neither an IP address nor a valid host name: the lookup fails when the interface comes up. Write the peer's address or DNS name.",
      );
    });
  });
});
