import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, KEYS, at, conf, expectNoSecrets, lineOf, lint, lintAsWg, peer } from './helpers.js';

const ID = 'wg-unknown-key';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each([
      ['keys in any case', 'listenport = 51820\npostup = echo up\nMtu = 1420'],
      ['wg ignores spaces inside its own keys', 'Listen Port = 51820'],
      ['every wg-quick key', 'Address = 10.0.0.1/24\nDNS = 1.1.1.1\nMTU = 1420\nTable = off\nPreUp = true\nPostUp = true\nPreDown = true\nPostDown = true\nSaveConfig = false'],
    ])('%s', (_n, lines) => expect(lint(ID, conf(lines))).toEqual([]));
    it('peer keys in [Peer], including `Allowed IPs` with a space', () => {
      expect(lint(ID, conf('', peer(`Allowed IPs = 10.0.0.2/32\nendpoint = 192.0.2.1:51820\nPresharedKey = ${KEYS[2].private}\nPersistentKeepalive = 25`)))).toEqual([]);
    });
    it('lines under an unknown section are left to wg-unknown-section', () => {
      expect(lint(ID, conf('', '[Peers]\nFoo = bar\n'))).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('unknown key with a suggestion', () => {
      const text = conf('ListenPort = 51820\nAllowedIP = 10.0.0.0/24');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(d!.severity).toBe('error');
      expect(at(text, d!)).toBe('AllowedIP');
      expect(lineOf(text, d!)).toBe(4);
      expect(d!.message).toBe('Unknown key `AllowedIP`: wg refuses the line ("Line unrecognized") and the interface does not come up. Did you mean `AllowedIPs`?');
    });
    it('wg-quick key with a space inside', () => {
      const text = conf('Post Up = echo up');
      const [d] = lint(ID, text);
      expect(at(text, d!)).toBe('Post Up');
      expect(d!.message).toContain('write `PostUp` without spaces');
    });
    it('hook in a [Peer] section', () => {
      const text = conf('', peer('AllowedIPs = 10.0.0.2/32\nPostUp = iptables -A FORWARD -i %i -j ACCEPT'));
      const [d] = lint(ID, text);
      expect(at(text, d!)).toBe('PostUp');
      expect(d!.message).toBe(
        '`PostUp` belongs in the [Interface] section, not in [Peer]: wg-quick reads `PostUp` only in [Interface]; here it is passed to wg, which refuses the line ("Line unrecognized") and the command never runs. Move the line to the [Interface] section it is meant for.',
      );
    });
    it('peer key in [Interface]', () => {
      const text = conf('AllowedIPs = 10.0.0.0/24');
      const [d] = lint(ID, text);
      expect(d!.message).toContain('`AllowedIPs` belongs in the [Peer] section, not in [Interface]');
    });
    it('key before the first section', () => {
      const text = `ListenPort = 51820\n${conf('')}`;
      const [d] = lintAsWg(ID, text);
      expect(lineOf(text, d!)).toBe(1);
      expect(d!.message).toContain('comes before any section header');
      expect(d!.message).toContain('Move it under `[Interface]`');
    });
    it('a pasted key on a line of its own is not echoed', () => {
      const text = conf(`${KEYS[3].private}`);
      const ds = lint(ID, text);
      expect(ds).toHaveLength(1);
      expect(ds[0]!.message).toContain('<redacted>');
      expectNoSecrets(ds);
    });
  });
});
