import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, KEYS, at, conf, expectNoSecrets, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-invalid-key';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('every real key pair', () => {
      for (const k of KEYS) expect(lint(ID, `[Interface]\nPrivateKey = ${k.private}\n\n${peer('AllowedIPs = 10.0.0.2/32', k.public)}`)).toEqual([]);
    });
    it('keys that only look odd (all-A key, trailing comment)', () => {
      expect(lint(ID, conf('', peer('AllowedIPs = 10.0.0.2/32', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= # zero')))).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('non-canonical last character (`kB=`)', () => {
      const bad = `${KEYS[1].public.slice(0, 41)}kB=`;
      const text = conf('', peer('AllowedIPs = 10.0.0.2/32', bad));
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe(bad);
      expect(lineOf(text, d!)).toBe(5);
      expect(d!.message).toBe(
        'This PublicKey is not a valid WireGuard key: its 43rd character leaves unused bits set (the key was mistyped or altered), and wg refuses it ("Key is not the correct length or format"). Use the exact output of `wg pubkey`.',
      );
    });
    it('truncated private key: reported, never echoed', () => {
      const text = `[Interface]\nPrivateKey = ${KEYS[0].private.slice(0, 40)}\n`;
      const ds = lint(ID, text);
      expect(ds).toHaveLength(1);
      expect(ds[0]!.message).toContain('exactly 44 characters');
      expect(ds[0]!.message).toContain('`wg genkey`');
      expect(JSON.stringify(ds)).not.toContain(KEYS[0].private.slice(0, 40));
      expectNoSecrets(ds);
    });
    it('placeholder from a blog post, bad characters and a missing `=`', () => {
      const text = conf('', `[Peer]\nPublicKey = <host2's public key>\nPresharedKey = ${KEYS[2].private.slice(0, 42)}!=\nAllowedIPs = 10.0.0.2/32\n[Peer]\nPublicKey = ${KEYS[3].public.slice(0, 43)}A\n`);
      const messages = lint(ID, text).map((d) => d.message);
      expect(messages).toHaveLength(3);
      expect(messages[0]).toContain('This PublicKey is not a valid WireGuard key: it must be exactly 44 characters of base64 (32 bytes)');
      expect(messages[1]).toContain('This PresharedKey is not a valid WireGuard key: it contains characters outside base64 (`A-Z a-z 0-9 + /`)');
      expect(messages[1]).toContain('Use the output of `wg genpsk`.');
      expect(messages[2]).toContain('a 32-byte key in base64 ends in `=`');
    });
  });
});
