// wglint's `ip` parser against the real iproute2 `ip` (run in `unshare -n`, a private network
// namespace): for every command of the corpus (test/support/ip-corpus.ts) written in a wg-quick
// hook, wglint reports a `syntax-error` exactly when `ip`'s own parser refuses the command. Kernel
// refusals (`RTNETLINK answers: File exists`) are not syntax errors. Needs root; otherwise it
// prints loudly that it did NOT run.
import { lintTexts } from '@wglint/engine';
import { describe, expect, it } from 'vitest';
import { IP_CORPUS } from './support/ip-corpus.js';
import { IP_SETUP, ipOracleUnavailable, runInNamespaces } from './support/oracle.js';

const why = ipOracleUnavailable('ip ORACLE TEST', 'wglint\'s `ip` syntax errors were not checked against the real ip');

const KEY = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEE=';

/**
 * What wglint says `ip` refuses: `syntax-error`, plus `ip-table-name-unknown` (a table name
 * rt_tables lacks, which `ip` refuses as "invalid table ID"; no rt_tables is given here, and the
 * corpus only uses names no host defines).
 */
function wglintRefusals(hook: string): string[] {
  const text = `[Interface]\nPrivateKey = ${KEY}\nAddress = 10.0.0.1/24\nPostUp = ${hook}\n`;
  return lintTexts({ 'etc/wireguard/wg0.conf': text })
    .filter((d) => d.ruleId === 'syntax-error' || d.ruleId === 'ip-table-name-unknown')
    .map((d) => `${d.ruleId}: ${d.message}`);
}

/**
 * Commands `ip` parses but the kernel refuses whatever the state, which wglint reports on purpose
 * (the hook fails for sure): the real tool must fail with the kernel's message.
 */
const KERNEL_REFUSALS: ReadonlyMap<string, RegExp> = new Map([
  ['ip rule add sport 2000-1000 table 100', /Invalid sport range/],
  ['ip link set dev %i mtu -1', /mtu less than device minimum/],
]);

describe.skipIf(why !== null)('wglint agrees with the real ip on what its parser refuses', () => {
  it('has a corpus of valid and invalid commands', () => {
    expect(IP_CORPUS.length).toBeGreaterThan(150);
    expect(new Set(IP_CORPUS).size).toBe(IP_CORPUS.length);
  });

  it('every corpus command', async () => {
    const verdicts = await runInNamespaces(
      IP_CORPUS.map((c) => c.replaceAll('%i', 'wg0')),
      IP_SETUP,
    );
    const disagreements: string[] = [];
    let refused = 0;
    IP_CORPUS.forEach((cmd, i) => {
      const v = verdicts[i]!;
      if (!v.parsed) refused++;
      const errors = wglintRefusals(cmd);
      const kernel = KERNEL_REFUSALS.get(cmd);
      if (kernel) {
        if (v.status === 0 || !kernel.test(v.stderr) || errors.length === 0) disagreements.push(`KERNEL REFUSAL  ${cmd}\n    ip: exit ${v.status} ${v.stderr}\n    wglint: ${errors.join(' / ') || '(nothing)'}`);
        return;
      }
      if (v.parsed && errors.length > 0) disagreements.push(`FALSE ERROR  ${cmd}\n    ip: exit ${v.status} ${v.stderr.split('\n')[0] ?? ''}\n    wglint: ${errors.join(' / ')}`);
      if (!v.parsed && errors.length === 0) disagreements.push(`MISS  ${cmd}\n    ip: exit ${v.status} ${v.stderr.split('\n')[0] ?? ''}`);
    });
    // Both kinds must be present, or the corpus (or the namespace setup) is broken.
    expect(refused).toBeGreaterThan(40);
    expect(IP_CORPUS.length - refused).toBeGreaterThan(100);
    expect(disagreements.join('\n')).toBe('');
  });
});
