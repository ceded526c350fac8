import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, KEYS, at, fixed, lineOf, lint } from './helpers.js';

const ID = 'wg-header-inner-space';
const PEER = `PublicKey = ${KEYS[1].public}\nAllowedIPs = 10.0.0.2/32\n`;

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('lowercase headers and trailing comments', () => expect(lint(ID, `[interface] # x\nPrivateKey = ${KEYS[0].private}\n[peer]\n${PEER}`)).toEqual([]));
    // wg accepts `[ Peer ]` and wg-quick leaves the interface section at any line starting with `[`
    it('`[ Peer ]` and `[Peer ]` work with both tools', () => {
      expect(lint(ID, `[Interface]\nPrivateKey = ${KEYS[0].private}\n[ Peer ]\n${PEER}`)).toEqual([]);
      expect(lint(ID, `[Interface]\nPrivateKey = ${KEYS[0].private}\n[Peer ]\n${PEER}`)).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('`[ Interface ]`: wg-quick leaks its keys to wg', () => {
      const text = `[ Interface ]\nPrivateKey = ${KEYS[0].private}\nAddress = 10.0.0.1/24\n\n[Peer]\n${PEER}`;
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('[ Interface ]');
      expect(lineOf(text, d!)).toBe(1);
      expect(d!.message).toBe(
        '`[ Interface ]` has spaces inside the brackets: wg-quick does not recognise it, so Address, DNS, MTU, Table and the PreUp/PostUp/PreDown/PostDown hooks go to wg, which refuses them. Write `[Interface]`.',
      );
      expect(fixed(text, d!)).toBe(text.replace('[ Interface ]', '[Interface]'));
    });
    it('`[Interface ]` (a space on one side)', () => {
      const text = `[Interface ]\nPrivateKey = ${KEYS[0].private}\n[Peer]\n${PEER}`;
      const [d] = lint(ID, text);
      expect(d!.message).toContain('Write `[Interface]`');
    });
  });
});
