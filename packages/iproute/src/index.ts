import type { IpRuleCommand, IpRouteCommand } from './ast.js';

export type {
  IpAddressAction,
  IpAddressCommand,
  IpArg,
  IpCommand,
  IpFwmark,
  IpLinkAction,
  IpLinkCommand,
  IpNumber,
  IpOtherCommand,
  IpPrefix,
  IpPrefixValue,
  IpRangeValue,
  IpRouteAction,
  IpRouteCommand,
  IpRouteSpec,
  IpRuleAction,
  IpRuleCommand,
  IpRuleSpec,
  IpTableRef,
} from './ast.js';
export { parseIpCommand } from './parse.js';
export { type RtTableEntry, parseRtTables } from './rt-tables.js';
export { BUILTIN_TABLES, matches, parsePrefix, parseUnsigned, tableOf } from './values.js';

/**
 * Canonical text of an `ip rule` selector and action (`family|not|from|to|fwmark|...`), with
 * abbreviations and number bases normalised: an `ip rule add` and the `ip rule del` that removes
 * exactly it have the same signature.
 */
export function ruleSignature(cmd: IpRuleCommand): string {
  const r = cmd.rule;
  const parts: string[] = [`-${cmd.family ?? 4}`];
  if (r.not) parts.push('not');
  if (r.from && !r.from.prefix?.isDefault) parts.push(`from ${r.from.prefix?.network ?? r.from.word.text}`);
  if (r.to && !r.to.prefix?.isDefault) parts.push(`to ${r.to.prefix?.network ?? r.to.word.text}`);
  if (r.fwmark) parts.push(`fwmark ${r.fwmark.value ?? r.fwmark.word.text}${r.fwmark.mask !== undefined ? `/${r.fwmark.mask}` : ''}`);
  if (r.iif) parts.push(`iif ${r.iif.text}`);
  if (r.oif) parts.push(`oif ${r.oif.text}`);
  if (r.ipproto) parts.push(`ipproto ${r.ipproto.text}`);
  if (r.sport) parts.push(`sport ${r.sport.word.text}`);
  if (r.dport) parts.push(`dport ${r.dport.word.text}`);
  if (r.uidrange) parts.push(`uidrange ${r.uidrange.word.text}`);
  if (r.tos) parts.push(`tos ${r.tos.text}`);
  if (r.priority) parts.push(`priority ${r.priority.value ?? r.priority.word.text}`);
  if (r.table) parts.push(`table ${r.table.id ?? r.table.word.text}`);
  if (r.suppressPrefixLength) parts.push(`suppress_prefixlength ${r.suppressPrefixLength.value ?? r.suppressPrefixLength.word.text}`);
  if (r.suppressIfgroup) parts.push(`suppress_ifgroup ${r.suppressIfgroup.text}`);
  if (r.goto) parts.push(`goto ${r.goto.value ?? r.goto.word.text}`);
  if (r.nop) parts.push('nop');
  if (r.ruleType) parts.push(r.ruleType.text);
  return parts.join(' ');
}

/** Table id a route goes into (254 = main when no `table`), or undefined for an unknown name. */
export function routeTableId(cmd: IpRouteCommand): number | undefined {
  const t = cmd.route.table;
  if (!t) {
    const type = cmd.route.routeType?.text;
    return type === 'local' || type === 'broadcast' || type === 'nat' || type === 'anycast' ? 255 : 254;
  }
  return t.id;
}
