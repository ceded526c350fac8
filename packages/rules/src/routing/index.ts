import type { HostRule } from '../host-rule.js';
import ipRuleWithoutPriority from './ip-rule-without-priority.js';
import ipTableNameUnknown from './ip-table-name-unknown.js';
import ipv6ForwardingDisablesRa from './ipv6-forwarding-disables-ra.js';
import ipv6ForwardingPerInterfaceOnly from './ipv6-forwarding-per-interface-only.js';
import markCollidesWithWireguardFwmark from './mark-collides-with-wireguard-fwmark.js';
import routeAddDefaultExists from './route-add-default-exists.js';
import routeHostBits from './route-host-bits.js';
import rpFilterPerInterfaceIneffective from './rp-filter-per-interface-ineffective.js';
import rpFilterValueInvalid from './rp-filter-value-invalid.js';
import sysctlBooleanOutOfRange from './sysctl-boolean-out-of-range.js';
import sysctlInlineComment from './sysctl-inline-comment.js';
import sysctlOverridden from './sysctl-overridden.js';
import sysctlPortRangeInvalid from './sysctl-port-range-invalid.js';
import sysctlReservedPortsInvalid from './sysctl-reserved-ports-invalid.js';
import sysctlUnknownKey from './sysctl-unknown-key.js';

/** Routing (ip rule/route in hooks) and sysctl rules. */
export const rules: readonly HostRule[] = [
  ipRuleWithoutPriority,
  ipTableNameUnknown,
  ipv6ForwardingDisablesRa,
  ipv6ForwardingPerInterfaceOnly,
  markCollidesWithWireguardFwmark,
  routeAddDefaultExists,
  routeHostBits,
  rpFilterPerInterfaceIneffective,
  rpFilterValueInvalid,
  sysctlBooleanOutOfRange,
  sysctlInlineComment,
  sysctlOverridden,
  sysctlPortRangeInvalid,
  sysctlReservedPortsInvalid,
  sysctlUnknownKey,
];
