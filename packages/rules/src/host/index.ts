import type { HostRule } from '../host-rule.js';
import duplicateFwmark from './duplicate-fwmark.js';
import duplicateListenPort from './duplicate-listen-port.js';
import duplicatePrivateKey from './duplicate-private-key.js';
import duplicateRoute from './duplicate-route.js';
import forwardPolicyAccept from './forward-policy-accept.js';
import forwardingDisabled from './forwarding-disabled.js';
import forwardingSetInHook from './forwarding-set-in-hook.js';
import hookMissingTeardown from './hook-missing-teardown.js';
import ipRuleDuplicatePriority from './ip-rule-duplicate-priority.js';
import ipRuleTableEmpty from './ip-rule-table-empty.js';
import iptablesAppendAfterReject from './iptables-append-after-reject.js';
import ipv6ForwardingUnfiltered from './ipv6-forwarding-unfiltered.js';
import listenPortBlocked from './listen-port-blocked.js';
import listenPortInEphemeralRange from './listen-port-in-ephemeral-range.js';
import listenPortNotReserved from './listen-port-not-reserved.js';
import multipleFullTunnels from './multiple-full-tunnels.js';
import rateLimitWithoutDrop from './rate-limit-without-drop.js';
import rpFilterStrictWithMarkRouting from './rp-filter-strict-with-mark-routing.js';
import tableWithoutIpRule from './table-without-ip-rule.js';

/** Cross-file rules over a whole host, sorted by id. */
export const rules: readonly HostRule[] = [
  duplicateFwmark,
  duplicateListenPort,
  duplicatePrivateKey,
  duplicateRoute,
  forwardPolicyAccept,
  forwardingDisabled,
  forwardingSetInHook,
  hookMissingTeardown,
  ipRuleDuplicatePriority,
  ipRuleTableEmpty,
  iptablesAppendAfterReject,
  ipv6ForwardingUnfiltered,
  listenPortBlocked,
  listenPortInEphemeralRange,
  listenPortNotReserved,
  multipleFullTunnels,
  rateLimitWithoutDrop,
  rpFilterStrictWithMarkRouting,
  tableWithoutIpRule,
];
