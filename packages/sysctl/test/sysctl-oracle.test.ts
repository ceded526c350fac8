// wglint's `sysctl` handling against the real procps sysctl (run in `unshare -n`, a private network
// namespace, writing only net.* keys, which are per namespace): for every command of the corpus
// (test/support/sysctl-corpus.ts) written in a wg-quick hook, wglint reports a `syntax-error`
// exactly when sysctl's own argument handling refuses it, and `sysctl-unknown-key` never names a
// key that exists. Also every key `sysctl -N -a` lists (in the namespace and on this host, read
// only) must be known to checkSysctlKey. Needs root; otherwise it prints loudly that it did NOT run.
import { spawnSync } from 'node:child_process';
import { lintTexts } from '@wglint/engine';
import { describe, expect, it } from 'vitest';
import { checkSysctlKey, normalizeSysctlKey } from '../src/index.js';
import { SYSCTL_CORPUS } from './support/sysctl-corpus.js';
import { namespaceKeys, runSysctlInNamespaces, sysctlOracleUnavailable } from './support/oracle.js';

const why = sysctlOracleUnavailable('sysctl ORACLE TEST', "wglint's `sysctl` syntax errors and unknown keys were not checked against the real sysctl");

const KEY = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEE=';

/**
 * Refuses to run a case that could change the host: a file load (`-p`, `-f`, `--load`,
 * `--system`) or a write to a key outside net.* (kernel.*, vm.* ... are not per namespace).
 */
function assertHostSafe(cmd: string): void {
  if (/(^|\s)(-[a-zA-Z]*[pf]|--load|--system)/.test(cmd)) throw new Error(`unsafe oracle case (loads a file): ${cmd}`);
  for (const m of cmd.matchAll(/(?:^|\s)['"]?\s*([^\s'"=]*)\s*=/g)) {
    const key = normalizeSysctlKey(m[1]!.replace(/%i/g, 'wg0'));
    // (`/proc/sys/net/...` cannot write anything: sysctl looks up /proc/sys//proc/sys/net/...)
    if (key !== '' && !key.startsWith('-') && !key.startsWith('net.') && !key.startsWith('proc.sys.net.')) throw new Error(`unsafe oracle case (writes ${key}): ${cmd}`);
  }
}

/** The host's keys, read only (`sysctl -N -a`). */
function hostKeys(): string[] {
  return spawnSync('sysctl', ['-N', '-a'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
}

function lint(hook: string): { syntax: string[]; unknownKeys: string[] } {
  const text = `[Interface]\nPrivateKey = ${KEY}\nAddress = 10.0.0.1/24\nPostUp = ${hook}\n`;
  const ds = lintTexts({ 'etc/wireguard/wg0.conf': text });
  return {
    syntax: ds.filter((d) => d.ruleId === 'syntax-error').map((d) => d.message),
    unknownKeys: ds.filter((d) => d.ruleId === 'sysctl-unknown-key').map((d) => /`([^`]+)`/.exec(d.message)?.[1] ?? d.message),
  };
}

describe.skipIf(why !== null)('wglint agrees with the real sysctl', () => {
  it('has a corpus of valid and invalid commands, none of which can touch the host', () => {
    expect(SYSCTL_CORPUS.length).toBeGreaterThan(50);
    expect(new Set(SYSCTL_CORPUS).size).toBe(SYSCTL_CORPUS.length);
    for (const c of SYSCTL_CORPUS) assertHostSafe(c);
    expect(() => assertHostSafe('sysctl -w kernel.panic=1')).toThrow();
    expect(() => assertHostSafe('sysctl --system')).toThrow();
    expect(() => assertHostSafe("sysctl -w 'vm.swappiness = 1'")).toThrow();
  });

  it('every corpus command: syntax errors and unknown keys', async () => {
    for (const c of SYSCTL_CORPUS) assertHostSafe(c);
    const verdicts = await runSysctlInNamespaces(SYSCTL_CORPUS.map((c) => c.replaceAll('%i', 'wg0')));
    // Keys that exist: in the namespace, or only in the host's (net.core.rmem_max, tcp_mem ...).
    const existing = new Set([...namespaceKeys(), ...hostKeys()]);
    const disagreements: string[] = [];
    let refused = 0;
    let missing = 0;
    SYSCTL_CORPUS.forEach((cmd, i) => {
      const v = verdicts[i]!;
      const w = lint(cmd);
      const said = (v.output.split('\n').find((l) => l.trim() !== '') ?? '').slice(0, 160);
      if (!v.parsed) refused++;
      if (v.parsed && w.syntax.length > 0) disagreements.push(`FALSE ERROR  ${cmd}\n    sysctl: exit ${v.status} ${said}\n    wglint: ${w.syntax.join(' / ')}`);
      if (!v.parsed && w.syntax.length === 0) disagreements.push(`MISS  ${cmd}\n    sysctl: exit ${v.status} ${said}`);
      // A key wglint calls unknown must not exist.
      for (const k of w.unknownKeys) {
        if (existing.has(k)) disagreements.push(`FALSE UNKNOWN KEY  ${cmd}\n    wglint: ${k}`);
      }
      if (!v.parsed) return;
      // A written key sysctl cannot find, in a tree wglint checks, must be reported. Not checked:
      // a per-interface key of an interface the namespace lacks (that depends on the host), and
      // reads (`sysctl net.ipv4.ip_foward`): the host model keeps only writes (a known gap).
      for (const k of v.missingKeys) {
        missing++;
        if (existing.has(k) || !cmd.includes('=')) continue;
        const c = checkSysctlKey(k);
        const iface = /^net\.ipv[46]\.conf\.([^.]+)\./.exec(k)?.[1];
        if (c.status === 'known' && iface && !['all', 'default', 'lo', 'wg0', 'eth0'].includes(iface)) continue;
        if (c.status !== 'unchecked' && !w.unknownKeys.includes(k)) disagreements.push(`MISSED UNKNOWN KEY  ${cmd}\n    sysctl: ${said}\n    wglint: checkSysctlKey says ${c.status}`);
      }
    });
    expect(refused).toBeGreaterThan(10);
    expect(missing).toBeGreaterThan(5);
    expect(disagreements.join('\n')).toBe('');
  });

  it('knows every key the kernel lists (namespace and host, read only)', () => {
    const keys = [...new Set([...namespaceKeys(), ...hostKeys()])];
    expect(keys.length).toBeGreaterThan(500);
    expect(keys.filter((k) => k.startsWith('net.ipv4.conf.wg0.')).length).toBeGreaterThan(20);
    expect(keys.filter((k) => checkSysctlKey(k).status === 'unknown')).toEqual([]);
  });
});
