// The wg rules never throw, keep ranges inside the file and never print a private key, whatever
// the config looks like.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintTexts } from '@wglint/engine';
import { KEYS } from './helpers.js';

const line = fc.constantFrom(
  '[Interface]', '[Peer]', '[ Interface ]', '[Peers]', '[Peer',
  `PrivateKey = ${KEYS[0].private}`, `PrivateKey = ${KEYS[0].private.slice(0, 30)} ${KEYS[0].private.slice(30)}`,
  `PublicKey = ${KEYS[0].public}`, `PublicKey = ${KEYS[1].public}`, 'PublicKey = x', `PresharedKey = ${KEYS[2].private}`,
  'AllowedIPs = 10.0.0.2/32', 'AllowedIPs = 10.0.0.2/24,', 'AllowedIPs = 0.0.0.0/1, 128.0.0.0/1', 'AllowedIPs = +fd00::/64, ::/0', 'AllowedIPs =',
  'Endpoint = 203.0.113.5:51820', 'Endpoint = 2001:db8::1', 'Endpoint = [fd00::1]:70000', 'Endpoint = my host:http', 'Endpoint = [',
  'ListenPort = 65536', 'ListenPort = wireguard', 'FwMark = 0X10', 'FwMark = off', 'MTU = auto', 'MTU = 1200', 'Address = fd00::1/64, 10.0.0.1/24',
  'DNS = dns.google', 'DNS = 1.1.1.1:53', 'Table = Off', 'Table = auto', 'SaveConfig = yes', 'SaveConfig = true', 'PersistentKeepalive = 25s',
  'PostUp = sysctl -w net.ipv4.conf.%i.rp_filter=2 # c', 'PostDown = iptables -D FORWARD -i %i -j ACCEPT', 'Foo = bar', '# comment', '', 'garbage',
);
const config = fc.array(line, { minLength: 1, maxLength: 25 }).map((ls) => `[Interface]\n${ls.join('\n')}\n`);
const path = fc.constantFrom('etc/wireguard/wg0.conf', 'etc/wireguard/home.lan.conf', 'etc/wireguard/wireguard-office-vpn.conf');

describe('wg rules on arbitrary configs', () => {
  it('never throw, stay in range, never echo a private key', () => {
    fc.assert(
      fc.property(config, path, (text, p) => {
        const ds = lintTexts({ [p]: text });
        for (const d of ds) {
          expect(d.range.start).toBeGreaterThanOrEqual(0);
          expect(d.range.end).toBeLessThanOrEqual(text.length);
          const out = JSON.stringify({ message: d.message, fix: d.fix });
          expect(out).not.toContain(KEYS[0].private);
          expect(out).not.toContain(KEYS[0].private.slice(0, 30));
          expect(out).not.toContain(KEYS[2].private);
        }
      }),
      { numRuns: 150 },
    );
  });
});
