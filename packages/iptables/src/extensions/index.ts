import type { IptFamily } from '../ast.js';
import { detach } from '../values.js';
import { miscMatches } from './matches-misc.js';
import { protoMatches } from './matches-proto.js';
import { stateMatches } from './matches-state.js';
import { targets } from './targets.js';
import type { ExtDef } from './types.js';

export type { ExtDef, OptDef, FinalContext, FinalProblem } from './types.js';

/** Module names that load another module (`-m icmpv6` is `icmp6`, `-m state` stays `state`). */
const MATCH_ALIASES: Readonly<Record<string, string>> = { icmpv6: 'icmp6', 'ipv6-icmp': 'icmp6' };

type Index = Readonly<Record<IptFamily, Map<string, ExtDef>>>;
let matchIndex: Index | undefined;
let targetIndex: Index | undefined;

function build(defs: readonly ExtDef[]): Index {
  const idx = { ipv4: new Map<string, ExtDef>(), ipv6: new Map<string, ExtDef>() };
  for (const d of defs) {
    for (const fam of ['ipv4', 'ipv6'] as const) {
      if (d.family && d.family !== fam) continue;
      idx[fam].set(d.name, d);
    }
  }
  return idx;
}

/** The match extension `name` for the family, or undefined when iptables would say "Couldn't load match". */
export function findMatch(name: string, family: IptFamily): ExtDef | undefined {
  matchIndex ??= build([...protoMatches, ...stateMatches, ...miscMatches]);
  // MATCH_ALIASES[name] ?? name, without a keyed lookup for the usual names.
  const alias = name === 'icmpv6' || name === 'ipv6-icmp' ? MATCH_ALIASES[name] : undefined;
  return matchIndex[family].get(alias ?? name);
}

/** The target extension `name` (case-sensitive), or undefined (then `-j name` is a chain). */
export function findTarget(name: string, family: IptFamily): ExtDef | undefined {
  targetIndex ??= build(targets);
  return targetIndex[family].get(name);
}

/** Whether `name` is a target of either family (chains may not be named like targets). */
export function isTargetName(name: string): boolean {
  return findTarget(name, 'ipv4') !== undefined || findTarget(name, 'ipv6') !== undefined;
}

const PROTO_MATCH_BY_NUMBER: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmp6', '132': 'sctp', '33': 'dccp', '50': 'esp', '51': 'ah', '135': 'mh', '108': 'ipcomp' };
const PROTO_MATCH_BY_NAME: Record<string, string> = { 'ipv6-icmp': 'icmp6', icmpv6: 'icmp6', 'mobility-header': 'mh' };
/** `protocolMatchName` results by family and protocol word (few distinct words; bounded). */
const protoMatchCache = { ipv4: new Map<string, string | null>(), ipv6: new Map<string, string | null>() };

/** The match loaded implicitly by `-p PROTO` (iptables' `load_proto`), by protocol name. */
export function protocolMatchName(proto: string, family: IptFamily): string | undefined {
  const cache = protoMatchCache[family];
  const hit = cache.get(proto);
  if (hit !== undefined) return hit ?? undefined;
  const p = proto.toLowerCase();
  const name = PROTO_MATCH_BY_NUMBER[p] ?? PROTO_MATCH_BY_NAME[p] ?? p;
  const r = findMatch(name, family) ? name : undefined;
  if (cache.size < 1024) {
    const kept = r === undefined ? null : detach(r);
    cache.set(detach(proto), kept);
    return kept ?? undefined;
  }
  return r;
}
