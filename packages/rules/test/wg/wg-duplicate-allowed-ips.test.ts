import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, KEYS, at, conf, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-duplicate-allowed-ips';
const two = (a: string, b: string) => conf('', `${peer(`AllowedIPs = ${a}`)}\n${peer(`AllowedIPs = ${b}`, KEYS[2].public)}`);

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each([
      ['nested prefixes: longest match wins', '10.0.0.0/24', '10.0.0.5/32'],
      ['full tunnel next to a site', '0.0.0.0/0', '192.168.50.0/24'],
      ['same address, different prefix length', '10.0.0.0/24', '10.0.0.0/25'],
      ['IPv4 and IPv6 zero routes', '0.0.0.0/0', '::/0'],
      ['removal on a newer wg', '10.0.0.2/32', '-10.0.0.2/32'],
    ])('%s', (_n, a, b) => expect(lint(ID, two(a, b))).toEqual([]));
    it('a prefix repeated within one peer', () => {
      expect(lint(ID, conf('', peer('AllowedIPs = 10.0.0.2/32, 10.0.0.2/32')))).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('same /32 on two peers', () => {
      const text = two('10.0.0.2/32', '10.0.0.3/32, 10.0.0.2/32');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('10.0.0.2/32');
      expect(lineOf(text, d!)).toBe(10);
      expect(d!.message).toBe(
        'AllowedIPs 10.0.0.2/32 is also given to the peer at line 4 (`qrJlCs1S…`): the kernel keeps one peer per prefix and moves it to this later peer, so the earlier one silently loses it. Give each peer its own prefix (nested prefixes are fine: the longest match wins).',
      );
    });
    it('equal after wg clears host bits, without a prefix, and in IPv6 spelling', () => {
      expect(lint(ID, two('10.0.0.0/24', '10.0.0.9/24'))[0]!.message).toContain('AllowedIPs 10.0.0.0/24 is also given');
      expect(lint(ID, two('10.0.0.2', '10.0.0.2/32'))).toHaveLength(1);
      expect(lint(ID, two('fd00::1/128', 'FD00:0::1'))[0]!.message).toContain('AllowedIPs fd00::1/128');
    });
  });
});
