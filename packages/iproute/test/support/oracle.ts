// Runs `ip` commands through the real iproute2 `ip` in a private network namespace (`unshare -n`),
// so the host is never touched. Needs root, `ip` and `unshare`; without them a test says loudly
// that it did not run (test/support/real-tools.ts).
import { NEEDS_IP, NEEDS_NETNS_VETH, realToolUnavailable, runInFreshNamespaces } from '../../../../test/support/real-tools.js';

/** Why the real `ip` cannot be run here (null when it can); when it cannot, prints a loud banner. */
export function ipOracleUnavailable(name: string, notChecked: string): string | null {
  return realToolUnavailable(name, notChecked, [NEEDS_IP, NEEDS_NETNS_VETH]);
}

/**
 * The namespace every command runs in: wg0 (a veth standing in for the WireGuard device, as this
 * kernel may lack the wireguard module) with 10.0.0.1/24 and fd00::1/64, eth0 with 172.31.0.2/24
 * and 192.168.1.2/24, all up.
 */
export const IP_SETUP = `set -e
ip link set lo up
ip link add wg0 type veth peer name wg0p
ip link add eth0 type veth peer name eth0p
for d in wg0 wg0p eth0 eth0p; do ip link set $d up; done
ip addr add 10.0.0.1/24 dev wg0
ip -6 addr add fd00::1/64 dev wg0 nodad
ip addr add 172.31.0.2/24 dev eth0
ip addr add 192.168.1.2/24 dev eth0
set +e
`;

/**
 * Messages `ip` prints from its own argument parser (ip/utils.c `invarg`, `incomplete_command`,
 * `duparg2`, `get_prefix`/`get_addr` failures, usage texts). Anything else on a failure comes from
 * the kernel (`RTNETLINK answers: ...`, extack `Error: Invalid prefix for given prefix length.`) or
 * from missing state (`Cannot find device`, `Cannot open network namespace`): the parser accepted it.
 */
const PARSE_ERRORS: readonly RegExp[] = [
  /^Error: argument ".*" is wrong:/m,
  /^Error: argument of ".*" must be/m,
  /^Command line is not complete/m,
  /^Error: (any valid|inet6?|an inet6?) (prefix|address) is expected rather than/m,
  /^Error: either ".*" is duplicate, or ".*" is a garbage/m,
  /^Error: duplicate ".*": ".*" is the second value/m,
  /^Usage: /m,
  /^Command ".*" is unknown/m,
  /^Option ".*" is unknown/m,
  /^Object ".*" is unknown/m,
  /^Not enough information:/m,
];

export interface OracleVerdict {
  /** True when `ip`'s parser accepted the command (it ran, or only the kernel/state refused it). */
  readonly parsed: boolean;
  readonly status: number | null;
  readonly stderr: string;
}

export function parseRefusal(status: number | null, stderr: string): boolean {
  return status !== 0 && PARSE_ERRORS.some((re) => re.test(stderr));
}

/** Runs each shell command (bash syntax, as wg-quick runs hooks) in its own fresh namespace. */
export async function runInNamespaces(commands: readonly string[], setup: string, concurrency = 8): Promise<OracleVerdict[]> {
  // stdout is dropped: what `ip` refuses it says on stderr
  const runs = await runInFreshNamespaces(commands.map((cmd) => `${setup}${cmd} >/dev/null`), concurrency);
  return runs.map(({ status, output }) => ({ parsed: !parseRefusal(status, output), status, stderr: output.trim() }));
}
