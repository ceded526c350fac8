import type { HostRule } from '../host-rule.js';
import iptablesBadPolicy from './iptables-bad-policy.js';
import iptablesDropInNat from './iptables-drop-in-nat.js';
import iptablesEstablishedAfterCatchAll from './iptables-established-after-catch-all.js';
import iptablesInterfaceWildcard from './iptables-interface-wildcard.js';
import iptablesIp6Icmp from './iptables-ip6-icmp.js';
import iptablesJumpLoop from './iptables-jump-loop.js';
import iptablesLogWithoutLimit from './iptables-log-without-limit.js';
import iptablesMatchWrongHook from './iptables-match-wrong-hook.js';
import iptablesNeedsProtocol from './iptables-needs-protocol.js';
import iptablesPortOutOfRange from './iptables-port-out-of-range.js';
import iptablesReversedRange from './iptables-reversed-range.js';
import iptablesStateMatch from './iptables-state-match.js';
import iptablesTargetWrongHook from './iptables-target-wrong-hook.js';
import iptablesTargetWrongTable from './iptables-target-wrong-table.js';
import iptablesUnknownChain from './iptables-unknown-chain.js';
import iptablesUnreachableRule from './iptables-unreachable-rule.js';

/** File-level rules over iptables-save dumps, sorted by id. */
export const rules: readonly HostRule[] = [
  iptablesBadPolicy,
  iptablesDropInNat,
  iptablesEstablishedAfterCatchAll,
  iptablesInterfaceWildcard,
  iptablesIp6Icmp,
  iptablesJumpLoop,
  iptablesLogWithoutLimit,
  iptablesMatchWrongHook,
  iptablesNeedsProtocol,
  iptablesPortOutOfRange,
  iptablesReversedRange,
  iptablesStateMatch,
  iptablesTargetWrongHook,
  iptablesTargetWrongTable,
  iptablesUnknownChain,
  iptablesUnreachableRule,
];
