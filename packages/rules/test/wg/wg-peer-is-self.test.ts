import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, KEYS, at, expectNoSecrets, lineOf, lint } from './helpers.js';

const ID = 'wg-peer-is-self';
const config = (priv: string, pub: string) => `[Interface]\nPrivateKey = ${priv}\n\n[Peer]\nPublicKey = ${pub}\nAllowedIPs = 10.0.0.2/32\n`;

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('the other side of a real pair', () => expect(lint(ID, config(KEYS[0].private, KEYS[1].public))).toEqual([]));
    it('an invalid private key is skipped', () => expect(lint(ID, config('nope', KEYS[0].public))).toEqual([]));
  });
  describe('invalid', () => {
    it.each(KEYS.map((k, i) => [i, k] as const))('pair %i: the peer is the interface itself', (_i, k) => {
      const text = config(k.private, k.public);
      const ds = lint(ID, text);
      expect(ds).toHaveLength(1);
      expect(at(text, ds[0]!)).toBe(k.public);
      expect(lineOf(text, ds[0]!)).toBe(5);
      expect(ds[0]!.message).toBe(
        "This peer's PublicKey is the interface's own public key (derived from its PrivateKey): the kernel silently ignores the peer, so nothing reaches it. Use the public key of the other side (`wg pubkey` on that host).",
      );
      expectNoSecrets(ds);
    });
  });
});
