import type { HostRule } from '../host-rule.js';
import hookMissingTeardown from './hook-missing-teardown.js';
import iptablesAppendAfterReject from './iptables-append-after-reject.js';
import listenPortInEphemeralRange from './listen-port-in-ephemeral-range.js';
import listenPortNotReserved from './listen-port-not-reserved.js';
import rpFilterStrictWithMarkRouting from './rp-filter-strict-with-mark-routing.js';

/** Cross-file rules over a whole host, sorted by id. */
export const rules: readonly HostRule[] = [
  hookMissingTeardown,
  iptablesAppendAfterReject,
  listenPortInEphemeralRange,
  listenPortNotReserved,
  rpFilterStrictWithMarkRouting,
];
