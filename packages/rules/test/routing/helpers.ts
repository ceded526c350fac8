import { applyEdits, type Diagnostic } from '@wglint/core';
import { lintTexts } from '@wglint/engine';

export const KEY = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEE=';
export const PUB = 'fE/wdxzl0klVp/IR8UcaoGUMjqaWi3jAd7KzHKFS6Ds=';
export const SYSCTL = 'etc/sysctl.d/99-wg.conf';
export const WG0 = 'etc/wireguard/wg0.conf';

/** Diagnostics of one rule for an in-memory host. */
export function run(ruleId: string, files: Record<string, string>): Diagnostic[] {
  return lintTexts(files).filter((d) => d.ruleId === ruleId);
}

/** Diagnostics of one rule for a single sysctl.d file. */
export function runSysctl(ruleId: string, text: string): Diagnostic[] {
  return run(ruleId, { [SYSCTL]: text });
}

/** The text a diagnostic points at. */
export function at(files: Record<string, string>, d: Diagnostic): string {
  return files[d.file]!.slice(d.range.start, d.range.end);
}

/** The file after applying the diagnostic's fix. */
export function fixed(files: Record<string, string>, d: Diagnostic): string {
  return applyEdits(files[d.file]!, d.fix!.edits).text;
}

/** A wg-quick config with `[Interface]` lines (hooks) and one peer. */
export function wg(lines: string, allowed = '10.0.0.2/32'): string {
  return `[Interface]\nPrivateKey = ${KEY}\nAddress = 10.0.0.1/24\nListenPort = 51820\n${lines.trim()}\n\n[Peer]\nPublicKey = ${PUB}\nAllowedIPs = ${allowed}\n`;
}

/** The sysctl file of seed 001 (/etc/sysctl.d/99-wireguard.conf). */
export const SEED_001_SYSCTL = `net.ipv4.ip_forward = 1

net.ipv6.conf.all.forwarding = 1

net.ipv4.conf.all.accept_redirects = 0

net.ipv4.conf.all.send_redirects = 0

net.ipv4.conf.default.rp_filter = 1

net.ipv4.conf.all.rp_filter = 1

net.ipv4.tcp_syncookies = 1
`;
