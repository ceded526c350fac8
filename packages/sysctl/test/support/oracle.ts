// Runs `sysctl` commands through the real procps `sysctl` in a private network namespace
// (`unshare -n`): net.* keys are per namespace there, so the host's settings are never touched.
// Needs root, sysctl, ip and unshare; without them a test says loudly that it did not run
// (test/support/real-tools.ts).
import { spawnSync } from 'node:child_process';
import { NEEDS_IP, NEEDS_NETNS_VETH, realToolUnavailable, runInFreshNamespaces } from '../../../../test/support/real-tools.js';
import { normalizeSysctlKey } from '../../src/index.js';

/** Why the real sysctl cannot be run here (null when it can); when it cannot, prints a loud banner. */
export function sysctlOracleUnavailable(name: string, notChecked: string): string | null {
  return realToolUnavailable(name, notChecked, [{ run: ['sysctl', '--version'], missing: 'procps `sysctl` is not installed' }, NEEDS_IP, NEEDS_NETNS_VETH]);
}

/** The namespace: wg0 and eth0 (veth devices standing in for the real ones), up. */
export const SYSCTL_SETUP = `set -e
ip link add wg0 type veth peer name wg0p
ip link add eth0 type veth peer name eth0p
for d in wg0 wg0p eth0 eth0p; do ip link set $d up; done
set +e
`;

/**
 * What procps sysctl 4.0 prints when its own argument handling refuses something (the command line
 * is not `key=value`, no key at all, an unknown option: then it prints its usage and does nothing).
 * `cannot stat /proc/sys/...` (no such key) and `setting key "...": Invalid argument` (the kernel
 * refuses the value) are not syntax errors.
 */
const PARSE_ERRORS: readonly RegExp[] = [
  /invalid syntax/,
  /no variables specified/,
  /^Usage:/m,
  /invalid option/,
  /unrecognized option/,
  /Path is not under \/proc\/sys/,
  /must be of the form/,
];

export interface SysctlVerdict {
  /** True when sysctl's argument handling accepted the command (whatever the kernel said). */
  readonly parsed: boolean;
  readonly status: number | null;
  readonly output: string;
  /** Dotted keys sysctl could not find (`cannot stat /proc/sys/...`). */
  readonly missingKeys: readonly string[];
}

function verdict(status: number | null, output: string): SysctlVerdict {
  const missingKeys = [...output.matchAll(/cannot stat \/proc\/sys\/(\S+): No such file or directory/g)].map((m) => normalizeSysctlKey(m[1]!));
  // A failure with no message at all: sysctl dropped an argument silently (`sysctl -w 1`).
  const silentFailure = status !== 0 && output.trim() === '';
  return { parsed: !silentFailure && !PARSE_ERRORS.some((re) => re.test(output)), status, output: output.trim(), missingKeys };
}

/** Runs each shell command (bash, as wg-quick runs hooks) in its own fresh network namespace. */
export async function runSysctlInNamespaces(commands: readonly string[], concurrency = 8): Promise<SysctlVerdict[]> {
  // stdout too: sysctl prints its usage there on an unknown option (and exits 0).
  const scripts = commands.map((cmd) => `${SYSCTL_SETUP}{ ${cmd}\n} 2>&1 | grep -v '^net\\.'; exit \${PIPESTATUS[0]}`);
  return (await runInFreshNamespaces(scripts, concurrency)).map(({ status, output }) => verdict(status, output));
}

/** Every key `sysctl -N -a` lists inside a fresh namespace with wg0 and eth0 (read only). */
export function namespaceKeys(): string[] {
  const r = spawnSync('unshare', ['-n', 'bash', '-c', `${SYSCTL_SETUP}sysctl -N -a 2>/dev/null`], { encoding: 'utf8' });
  return r.stdout.trim().split('\n').filter(Boolean);
}
