import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, KEYS, at, lint } from './helpers.js';

const ID = 'wg-interface-missing-private-key';
const PEER = `[Peer]\nPublicKey = ${KEYS[1].public}\nAllowedIPs = 10.0.0.2/32\n`;

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('key loaded by a hook', () => {
      expect(lint(ID, `[Interface]\nAddress = 10.0.0.1/24\nPostUp = wg set %i private-key /etc/wireguard/wg0.key\n\n${PEER}`)).toEqual([]);
    });
    it('key in a second [Interface] section', () => {
      expect(lint(ID, `[Interface]\nAddress = 10.0.0.1/24\n${PEER}[Interface]\nPrivateKey = ${KEYS[0].private}\n`)).toEqual([]);
    });
    it('an invalid key is still a key here', () => expect(lint(ID, `[Interface]\nPrivateKey = x\n`)).toEqual([]));
  });
  describe('invalid', () => {
    it('[Interface] with only Address', () => {
      const text = `[Interface]\nAddress = 10.0.0.1/24\nListenPort = 51820\n\n${PEER}`;
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('[Interface]');
      expect(d!.message).toContain('[Interface] has no `PrivateKey`');
      expect(d!.message).toContain('`PrivateKey = <output of wg genkey>`');
    });
  });
});
