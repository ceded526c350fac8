import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lineOf, lint } from './helpers.js';

const ID = 'wg-dns-not-an-ip';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config (a nameserver plus a search domain)', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each(['1.1.1.1', '1.1.1.1, 2606:4700:4700::1111', '10.0.0.1 home.lan', '10.0.0.1\nDNS = corp.example'])('DNS = %s', (v) => {
      expect(lint(ID, conf(`DNS = ${v}`))).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('a resolver host name alone becomes a search domain', () => {
      const text = conf('DNS = dns.quad9.net');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(d!.severity).toBe('warning');
      expect(at(text, d!)).toBe('dns.quad9.net');
      expect(lineOf(text, d!)).toBe(3);
      expect(d!.message).toBe(
        "DNS `dns.quad9.net` is not an IP address, so wg-quick makes it a search domain and the interface gets no nameserver. Write the resolver's IP address (e.g. `1.1.1.1`); keep names only as search domains next to one.",
      );
    });
    it('ip:port and a broken address', () => {
      const text = conf('DNS = 1.1.1.1:53, 10.0.0');
      const ds = lint(ID, text);
      expect(ds.map((d) => at(text, d))).toEqual(['1.1.1.1:53', '10.0.0']);
      expect(ds[0]!.message).toContain('Write `1.1.1.1`');
      expect(ds[1]!.message).toContain('is not a valid IP address');
    });
  });
});
