import { applyEdits, type Diagnostic, LineIndex } from '@wglint/core';
import { lintTexts, runRules } from '@wglint/engine';
import { buildHostModel, parseSourceFile } from '@wglint/host';
import { allRules } from '@wglint/rules';
import { expect } from 'vitest';

export const CONF = 'etc/wireguard/wg0.conf';

/** Real key pairs from `wg genkey | wg pubkey`, used only in tests. */
export const KEYS = [
  { private: '0BlRYvV9woRK6Iexd83k2PBvm8QmGZJIYU/vKYutc20=', public: 'xcdtfuYLFnQomdnbMrDMqzul37ZMTt/QC0rMu54WdR8=' },
  { private: 'CIjFck5jR1o5VYUdtQnXjgLu1CNsgIM1eIA5CAb0h0s=', public: 'qrJlCs1STdD7yTtMpsBOGw30Kjhsxk/dFxtRKxr9lHY=' },
  { private: 'qO4Hh8/Io8GuvtKti1CkZOraMje86FkUrH5FJ7uRqVs=', public: 'B5zC+rGEszgwx2aLAauUCmvUhPDe+GlNPY1Roz9V3Vs=' },
  { private: '2B6i9/XbPWmtLMB2g3V9m766hDOsIY6B9gKmrB7cIVk=', public: 'c9MUg4g+CDPJvlngxTKOLCYvDu4sY9w206l+3l3+8S8=' },
] as const;
export const PSK = 'qO4Hh8/Io8GuvtKti1CkZOraMje86FkUrH5FJ7uRqVs=';

/** A realistic, fully correct server config that no wg rule may flag. */
export const GOOD_SERVER = `# /etc/wireguard/wg0.conf
[Interface]
PrivateKey = ${KEYS[0].private}
Address = 10.8.0.1/24, fd42:42:42::1/64
ListenPort = 51820
MTU = 1420
FwMark = 0xca6c
DNS = 10.8.0.1, corp.example
Table = auto
SaveConfig = false
PostUp = iptables -A FORWARD -i %i -j ACCEPT; iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE # keep
PostDown = iptables -D FORWARD -i %i -j ACCEPT; iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE

# laptop
[Peer]
PublicKey = ${KEYS[1].public}
PresharedKey = ${PSK}
AllowedIPs = 10.8.0.2/32, fd42:42:42::2/128

# branch office router: its LAN behind it
[Peer]
PublicKey = ${KEYS[2].public}
Endpoint = [2001:db8::7]:51820
AllowedIPs = 10.8.0.3/32, 192.168.50.0/24
PersistentKeepalive = 25

# phone, roaming
[Peer]
PublicKey = ${KEYS[3].public}
Endpoint = vpn.example.com:51820
AllowedIPs = 10.8.0.4/32
PersistentKeepalive = off
`;

/** Diagnostics of one rule for a host of in-memory files. */
export function run(ruleId: string, files: Record<string, string>, targets?: Record<string, string>): Diagnostic[] {
  return lintTexts(files, targets ? { targets } : {}).filter((d) => d.ruleId === ruleId);
}

/** Diagnostics of one rule for a single `etc/wireguard/wg0.conf`. */
export function lint(ruleId: string, text: string, targets?: Record<string, string>): Diagnostic[] {
  return run(ruleId, { [CONF]: text }, targets);
}

/**
 * Like `lint`, but the file is read as wg even when its first section is not `[Interface]`
 * (what `--lang wg` does), for files that language detection would skip.
 */
export function lintAsWg(ruleId: string, text: string, path = CONF): Diagnostic[] {
  const model = buildHostModel('.', [parseSourceFile({ path, text, language: 'wg' })]);
  return runRules(model, allRules).filter((d) => d.ruleId === ruleId);
}

/** The text a diagnostic points at. */
export function at(text: string, d: Diagnostic): string {
  return text.slice(d.range.start, d.range.end);
}

/** 1-based line of a diagnostic. */
export function lineOf(text: string, d: Diagnostic): number {
  return new LineIndex(text).positionAt(d.range.start).line;
}

/** The text after applying a diagnostic's fix. */
export function fixed(text: string, d: Diagnostic): string {
  expect(d.fix).toBeDefined();
  return applyEdits(text, d.fix!.edits).text;
}

/** A config: `[Interface]` with a key and `iface` lines, then `peers` (one good peer by default). */
export function conf(iface: string, peers = `[Peer]\nPublicKey = ${KEYS[1].public}\nAllowedIPs = 10.0.0.2/32\n`): string {
  return `[Interface]\nPrivateKey = ${KEYS[0].private}\n${iface.trim()}${iface.trim() ? '\n' : ''}\n${peers}`;
}

/** A peer section. */
export function peer(lines: string, key: string = KEYS[1].public): string {
  return `[Peer]\nPublicKey = ${key}\n${lines.trim()}\n`;
}

/** Asserts that no message contains a private or preshared key. */
export function expectNoSecrets(ds: readonly Diagnostic[]): void {
  const json = JSON.stringify(ds);
  for (const k of KEYS) expect(json).not.toContain(k.private);
}
