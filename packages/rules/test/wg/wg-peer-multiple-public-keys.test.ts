import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, KEYS, at, conf, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-peer-multiple-public-keys';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('one key per peer', () => expect(lint(ID, conf('', peer('AllowedIPs = 10.0.0.2/32') + peer('AllowedIPs = 10.0.0.3/32', KEYS[2].public)))).toEqual([]));
  });
  describe('invalid', () => {
    it('a forgotten [Peer] header', () => {
      const text = conf('', `${peer('AllowedIPs = 10.0.0.2/32')}PublicKey = ${KEYS[2].public}\nAllowedIPs = 10.0.0.3/32\n`);
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('PublicKey');
      expect(lineOf(text, d!)).toBe(7);
      expect(d!.message).toBe(
        'Second `PublicKey` in one [Peer] section (first at line 5): wg keeps only the last one, so the two peers merge into one with all their AllowedIPs. If this line starts another peer, put a `[Peer]` header above it.',
      );
    });
  });
});
