import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-empty-value';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('wg-quick keys may be empty (they add nothing)', () => {
      expect(lint(ID, conf('Address =\nDNS =\nMTU =\nTable =\nPostUp ='))).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('`AllowedIPs =` (seed 003, blog-damaged)', () => {
      const text = conf('ListenPort = 51820', peer('Endpoint = 192.0.2.1:51821\nAllowedIPs ='));
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('AllowedIPs =');
      expect(lineOf(text, d!)).toBe(8);
      expect(d!.message).toBe('`AllowedIPs` has no value: wg refuses `AllowedIPs =` ("Line unrecognized") and the interface does not come up. Give it a value, or remove the line.');
    });
    it('empty ListenPort and PersistentKeepalive', () => {
      const text = conf('ListenPort =  # later', peer('AllowedIPs = 10.0.0.2/32\nPersistentKeepalive ='));
      expect(lint(ID, text).map((d) => at(text, d))).toEqual(['ListenPort =  # later', 'PersistentKeepalive =']);
    });
  });
});
