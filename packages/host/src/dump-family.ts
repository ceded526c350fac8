import type { IptFamily } from '@wglint/iptables';

/**
 * The family a dump's file name gives it: `rules.v6` (iptables-persistent) or a path naming
 * ip6tables is ip6tables-save output, `rules.v4` iptables-save output; undefined when the name says
 * nothing (the content decides then).
 */
export function dumpFamilyFromPath(path: string): IptFamily | undefined {
  const base = path.replace(/^.*[\\/]/, '');
  if (base === 'rules.v6' || /ip6tables/.test(path)) return 'ipv6';
  if (base === 'rules.v4') return 'ipv4';
  return undefined;
}
