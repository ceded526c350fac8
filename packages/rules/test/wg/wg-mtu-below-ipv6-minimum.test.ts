import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lint } from './helpers.js';

const ID = 'wg-mtu-below-ipv6-minimum';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('small MTU without IPv6', () => expect(lint(ID, conf('Address = 10.0.0.1/24\nMTU = 1200'))).toEqual([]));
    it('IPv6 with MTU 1280', () => expect(lint(ID, conf('Address = fd00::1/64\nMTU = 1280'))).toEqual([]));
  });
  describe('invalid', () => {
    it('MTU 1200 with an IPv6 Address', () => {
      const text = conf('Address = 10.0.0.1/24, fd00::1/64\nMTU = 1200');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('1200');
      expect(d!.message).toBe(
        'MTU 1200 is below 1280, the IPv6 minimum: the kernel disables IPv6 on the interface and removes its IPv6 Address. Use an MTU of at least 1280, or drop the IPv6 Address.',
      );
    });
  });
});
