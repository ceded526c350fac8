import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lineOf, lint } from './helpers.js';

const ID = 'wg-peer-missing-public-key';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('an invalid key is still a key here (wg-invalid-key reports it)', () => {
      expect(lint(ID, conf('', '[Peer]\nPublicKey = nope\n'))).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('a peer with only AllowedIPs', () => {
      const text = conf('', '[Peer] # laptop\nAllowedIPs = 10.0.0.2/32\n');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('[Peer]');
      expect(lineOf(text, d!)).toBe(4);
      expect(d!.message).toBe(
        "This [Peer] has no `PublicKey`: wg refuses the whole configuration (\"A peer is missing a public key\"). Add `PublicKey = <the peer's public key>`, or remove the section.",
      );
    });
  });
});
