import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, KEYS, at, conf, lineOf, lint, peer, run } from './helpers.js';

const ID = 'wg-duplicate-peer';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('the same peer in two different interfaces (files)', () => {
      expect(run(ID, { 'etc/wireguard/wg0.conf': conf(''), 'etc/wireguard/wg1.conf': conf('') })).toEqual([]);
    });
    it('distinct keys that share a prefix', () => {
      expect(lint(ID, conf('', peer('AllowedIPs = 10.0.0.2/32') + peer('AllowedIPs = 10.0.0.3/32', KEYS[2].public)))).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('two sections with the same PublicKey', () => {
      const text = conf('', peer('AllowedIPs = 10.0.0.2/32') + '\n' + peer('AllowedIPs = 10.0.0.3/32'));
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe(KEYS[1].public);
      expect(lineOf(text, d!)).toBe(9);
      expect(d!.message).toBe(
        "This PublicKey is already used by the peer at line 4 (`qrJlCs1S…`): both sections configure one peer, and this section's AllowedIPs replace the first one's (Endpoint and keepalive are overwritten too). Merge the two [Peer] sections, or fix the key.",
      );
    });
    it('whitespace inside the key does not hide the duplicate (wg deletes it)', () => {
      const spaced = `${KEYS[1].public.slice(0, 20)} ${KEYS[1].public.slice(20)}`;
      expect(lint(ID, conf('', peer('AllowedIPs = 10.0.0.2/32') + peer('AllowedIPs = 10.0.0.3/32', spaced)))).toHaveLength(1);
    });
  });
});
