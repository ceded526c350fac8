import { compareStrings } from '@wglint/core';
import { rules as fileRules } from './files/index.js';
import type { HostRule } from './host-rule.js';
import { rules as hostRules } from './host/index.js';
import { rules as iptablesRules } from './iptables/index.js';
import { rules as nftRules } from './nft/index.js';
import { rules as routingRules } from './routing/index.js';
import { rules as wgRules } from './wg/index.js';

export type { HostRule } from './host-rule.js';

/** Every rule, sorted by id so output and docs are stable. */
export const allRules: readonly HostRule[] = [
  ...wgRules,
  ...nftRules,
  ...iptablesRules,
  ...routingRules,
  ...hostRules,
  ...fileRules,
].sort((a, b) => compareStrings(a.meta.id, b.meta.id));
