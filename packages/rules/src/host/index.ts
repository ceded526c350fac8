import type { HostRule } from '../host-rule.js';
import catchAllVerdictInHook from './catch-all-verdict-in-hook.js';
import dnatTargetWithoutPeer from './dnat-target-without-peer.js';
import duplicateFwmark from './duplicate-fwmark.js';
import duplicateListenPort from './duplicate-listen-port.js';
import duplicatePrivateKey from './duplicate-private-key.js';
import duplicateRoute from './duplicate-route.js';
import firewallRpfWithMarkRouting from './firewall-rpf-with-mark-routing.js';
import forwardPolicyAccept from './forward-policy-accept.js';
import forwardingDisabled from './forwarding-disabled.js';
import forwardingSetInHook from './forwarding-set-in-hook.js';
import fwmarkSubstitutionOff from './fwmark-substitution-off.js';
import hookGlobalFlush from './hook-global-flush.js';
import hookHardcodedInterfaceName from './hook-hardcoded-interface-name.js';
import hookMissingTeardown from './hook-missing-teardown.js';
import hookMixedBackends from './hook-mixed-backends.js';
import inputPolicyAccept from './input-policy-accept.js';
import ipRuleDuplicatePriority from './ip-rule-duplicate-priority.js';
import ipRuleTableEmpty from './ip-rule-table-empty.js';
import iptablesAppendAfterReject from './iptables-append-after-reject.js';
import iptablesDeleteWithoutAdd from './iptables-delete-without-add.js';
import iptablesInsertPositionTooBig from './iptables-insert-position-too-big.js';
import iptablesRestoreWithoutNoflush from './iptables-restore-without-noflush.js';
import ipv6FirewallRulesMissing from './ipv6-firewall-rules-missing.js';
import ipv6ForwardingUnfiltered from './ipv6-forwarding-unfiltered.js';
import listenPortBlocked from './listen-port-blocked.js';
import listenPortInEphemeralRange from './listen-port-in-ephemeral-range.js';
import listenPortNotReserved from './listen-port-not-reserved.js';
import markNotRerouting from './mark-not-rerouting.js';
import masqueradeSourceMismatch from './masquerade-source-mismatch.js';
import mssClampMissing from './mss-clamp-missing.js';
import multipleFullTunnels from './multiple-full-tunnels.js';
import nftIifForDynamicInterface from './nft-iif-for-dynamic-interface.js';
import postdownNeedsInterface from './postdown-needs-interface.js';
import predownCanFail from './predown-can-fail.js';
import preupBeforeLink from './preup-before-link.js';
import preupWgSetWiped from './preup-wg-set-wiped.js';
import rateLimitWithoutDrop from './rate-limit-without-drop.js';
import rpFilterStrictWithMarkRouting from './rp-filter-strict-with-mark-routing.js';
import tableWithoutIpRule from './table-without-ip-rule.js';
import wgQuickReservedFirewallName from './wg-quick-reserved-firewall-name.js';

/** Cross-file rules over a whole host, sorted by id. */
export const rules: readonly HostRule[] = [
  catchAllVerdictInHook,
  dnatTargetWithoutPeer,
  duplicateFwmark,
  duplicateListenPort,
  duplicatePrivateKey,
  duplicateRoute,
  firewallRpfWithMarkRouting,
  forwardPolicyAccept,
  forwardingDisabled,
  forwardingSetInHook,
  fwmarkSubstitutionOff,
  hookGlobalFlush,
  hookHardcodedInterfaceName,
  hookMissingTeardown,
  hookMixedBackends,
  inputPolicyAccept,
  ipRuleDuplicatePriority,
  ipRuleTableEmpty,
  iptablesAppendAfterReject,
  iptablesDeleteWithoutAdd,
  iptablesInsertPositionTooBig,
  iptablesRestoreWithoutNoflush,
  ipv6FirewallRulesMissing,
  ipv6ForwardingUnfiltered,
  listenPortBlocked,
  listenPortInEphemeralRange,
  listenPortNotReserved,
  markNotRerouting,
  masqueradeSourceMismatch,
  mssClampMissing,
  multipleFullTunnels,
  nftIifForDynamicInterface,
  postdownNeedsInterface,
  predownCanFail,
  preupBeforeLink,
  preupWgSetWiped,
  rateLimitWithoutDrop,
  rpFilterStrictWithMarkRouting,
  tableWithoutIpRule,
  wgQuickReservedFirewallName,
];
