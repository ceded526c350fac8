import { describe, expect, test } from 'vitest';
import { parseWgConfig } from '../src/index.js';
import { KEYS } from './keys.js';

const PEER = `[Peer]\nPublicKey = ${KEYS[1].public}\nAllowedIPs = 10.0.0.2/32\n`;
const conf = (iface: string, peers = PEER) => `[Interface]\nPrivateKey = ${KEYS[0].private}\n${iface}\n\n${peers}`;
const problems = (text: string) => parseWgConfig(text).problems.map((p) => ({ at: text.slice(p.range.start, p.range.end), message: p.message }));

describe('lines wg refuses ("Line unrecognized") are syntax problems', () => {
  describe('accepted', () => {
    test.each([
      ['keys in any case', 'listenport = 51820\npostup = echo up\nMtu = 1420'],
      ['wg ignores spaces inside its own keys', 'Listen Port = 51820'],
      ['every wg-quick key', 'Address = 10.0.0.1/24\nDNS = 1.1.1.1\nMTU = 1420\nTable = off\nPreUp = true\nPostUp = true\nPreDown = true\nPostDown = true\nSaveConfig = false'],
      ['wg-quick keys may be empty (they add nothing)', 'Address =\nDNS =\nMTU =\nTable =\nPostUp ='],
      ['invalid values are for the rules', 'ListenPort = 99999\nFwMark = 0X10'],
    ])('%s', (_n, lines) => expect(problems(conf(lines))).toEqual([]));
    test('peer keys in [Peer], `Allowed IPs` with a space, a second [Interface]', () => {
      expect(problems(conf('', `[peer]\nPublicKey = ${KEYS[1].public}\nAllowed IPs = 10.0.0.2/32\nendpoint = 192.0.2.1:51820\nPresharedKey = ${KEYS[2].private}\nPersistentKeepalive = 25\n[Interface]\nListenPort = 1\n`))).toEqual([]);
    });
  });

  describe('refused', () => {
    test('unknown key, with a suggestion', () => {
      expect(problems(conf('ListenPort = 51820\nAllowedIP = 10.0.0.0/24'))).toEqual([
        { at: 'AllowedIP', message: 'Unknown key `AllowedIP`: wg refuses the line ("Line unrecognized") and the interface does not come up. Did you mean `AllowedIPs`?' },
      ]);
    });
    test('wg-quick key with a space inside', () => {
      expect(problems(conf('Post Up = echo up'))[0]!.message).toContain('write `PostUp` without spaces');
    });
    test('hook in a [Peer] section (the command never runs)', () => {
      expect(problems(conf('', `${PEER}PostDown = iptables -D FORWARD -i %i -j ACCEPT\n`))).toEqual([
        {
          at: 'PostDown',
          message:
            '`PostDown` belongs in the [Interface] section, not in [Peer]: wg-quick reads `PostDown` only in [Interface]; here it is passed to wg, which refuses the line ("Line unrecognized") and the command never runs. Move the line to the [Interface] section it is meant for.',
        },
      ]);
    });
    test('peer key in [Interface]', () => {
      expect(problems(conf('AllowedIPs = 10.0.0.0/24'))[0]!.message).toContain('`AllowedIPs` belongs in the [Peer] section, not in [Interface]');
    });
    test('key before the first section', () => {
      const [p] = problems(`ListenPort = 51820\n${conf('')}`);
      expect(p).toEqual({ at: 'ListenPort', message: '`ListenPort` comes before any section header: wg refuses it ("Line unrecognized"). Move it under `[Interface]`.' });
    });
    test('a wg key with an empty value (seed 003 `AllowedIPs =`)', () => {
      expect(problems(conf('ListenPort =  # later', `[Peer]\nPublicKey = ${KEYS[1].public}\nAllowedIPs =\n`))).toEqual([
        { at: 'ListenPort =  # later', message: '`ListenPort` has no value: wg refuses `ListenPort =` ("Line unrecognized") and the interface does not come up. Give it a value, or remove the line.' },
        { at: 'AllowedIPs =', message: '`AllowedIPs` has no value: wg refuses `AllowedIPs =` ("Line unrecognized") and the interface does not come up. Give it a value, or remove the line.' },
      ]);
    });
    test('unknown section: reported once, at the header', () => {
      expect(problems(conf('', `[Peers] # typo\nPublicKey = ${KEYS[1].public}\nFoo = bar\n`))).toEqual([
        {
          at: '[Peers]',
          message:
            'Unknown section `[Peers]`: wg knows only [Interface] and [Peer] and refuses the line ("Line unrecognized"), and wg-quick stops reading [Interface] keys here. Did you mean `[Peer]`?',
        },
      ]);
      expect(problems(conf('', '[WireGuard]\n'))[0]!.message).not.toContain('Did you mean');
    });
    test('a pasted key on a line of its own is not echoed', () => {
      const ps = problems(conf(KEYS[2].private));
      expect(ps).toHaveLength(1);
      expect(ps[0]!.message).toContain('<redacted>');
      expect(JSON.stringify(ps.map((p) => p.message))).not.toContain(KEYS[2].private.slice(0, 20));
    });
  });
});
