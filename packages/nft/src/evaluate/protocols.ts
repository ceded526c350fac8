// The protocol context nft's evaluation builds while it walks a rule's statements, reduced to
// what it can tell for certain:
//
// * A payload match fixes the protocol of its layer (`tcp dport 22` → transport tcp, `ip saddr …`
//   → network ip; an `ip`/`ip6` table starts with its network protocol fixed). A later payload of
//   another protocol on the same layer is refused: `tcp dport 22 udp dport 53` → "conflicting
//   protocols specified: tcp vs. udp"; `ip6 saddr ::1` in an `ip` table → "… ip vs. ip6".
// * `meta l4proto X`, `ip protocol X`, `ip6 nexthdr X` (and `meta nfproto ipv4|ipv6`) with one
//   constant and no `!=` fix the protocol too; with a set or `!=` nft may or may not (a
//   one-element set is a constant), so the layer becomes unknown.
// * `dnat|snat to ADDRESS` in an `inet` table needs the network protocol fixed (by an earlier
//   `ip …`/`ip6 …`/`meta nfproto` match) or `dnat ip to …`: otherwise nft 1.0.6 says "ip or ip6
//   must be specified with address for inet tables" (1.1.x: "specify `dnat ip' or 'dnat ip6' in
//   inet table to disambiguate").
//
// Anything this model does not know (exthdrs, raw payloads, link-layer headers, concatenations,
// most statements) makes it stop reading the rule, so it never guesses: it misses errors rather
// than report ones nft would not.
import type { SyntaxProblem } from '@wglint/core';
import type { NftExpr, NftFamily, NftNat, NftPayload, NftStatement } from '../ast.js';

/** Unknown: something may have fixed the layer, to what is not known. */
const UNKNOWN = '?';
type Layer = string | null;

const NETWORK = new Set(['ip', 'ip6']);
/** Transport headers whose use leaves the network protocol as it was (tested with nft 1.0.6). */
const TRANSPORT_PLAIN = new Set(['tcp', 'udp', 'udplite', 'sctp', 'dccp']);
/** Transport headers that may also fix the network protocol (icmp → ip …): network becomes unknown. */
const TRANSPORT_OTHER = new Set(['icmp', 'icmpv6', 'igmp', 'esp', 'ah', 'comp']);
/** `meta l4proto 6`, `ip protocol 17`: protocol numbers of the transport headers above. */
const PROTO_NUMBERS = new Map<number, string>([
  [6, 'tcp'], [17, 'udp'], [136, 'udplite'], [132, 'sctp'], [33, 'dccp'], [1, 'icmp'], [58, 'icmpv6'], [2, 'igmp'], [50, 'esp'], [51, 'ah'], [108, 'comp'],
]);
/** Meta keys that neither read nor fix a protocol. */
const NEUTRAL_META = new Set([
  'iifname', 'oifname', 'iif', 'oif', 'mark', 'skuid', 'skgid', 'length', 'pkttype', 'iifgroup', 'oifgroup', 'cpu', 'cgroup',
  'iiftype', 'oiftype', 'priority', 'nftrace', 'rtclassid', 'day', 'hour', 'time', 'random',
]);
/** Conntrack keys (without `ip`/`ip6`) that neither read nor fix a protocol. */
const NEUTRAL_CT = new Set(['state', 'status', 'mark', 'direction', 'zone', 'label', 'helper', 'expiration', 'count', 'id', 'secmark']);
/** Statements that do not touch the protocol context. */
const NEUTRAL_STATEMENTS = new Set(['counter', 'log', 'limit', 'quota', 'comment', 'notrack', 'last']);

/** The context of one rule being read; `done` once the reading stopped. */
export class RuleContext {
  network: Layer;
  transport: Layer = null;
  done = false;
  readonly family: NftFamily;
  constructor(family: NftFamily) {
    this.family = family;
    this.network = family === 'ip' ? 'ip' : family === 'ip6' ? 'ip6' : null;
  }
}

/** Result of reading one expression: keep going, or stop reading the rule. */
const STOP = false;
const GO = true;

/** The transport header a constant names, UNKNOWN for one this model does not know (`gre`, `47`). */
function protoName(e: NftExpr): string | null {
  const name = e.type === 'NftSymbol' ? e.name : e.type === 'NftNumber' ? PROTO_NUMBERS.get(e.value) : undefined;
  if (name === undefined) return e.type === 'NftNumber' ? UNKNOWN : null;
  return TRANSPORT_PLAIN.has(name) || TRANSPORT_OTHER.has(name) ? name : UNKNOWN;
}

/** A payload header used by a match, vmap key …: check it against the context, then fix its layer. */
function usePayload(c: RuleContext, p: NftPayload, out: SyntaxProblem[]): boolean {
  if (p.inner) return STOP;
  const proto = p.protocol;
  if (NETWORK.has(proto)) {
    if (c.network !== null && c.network !== UNKNOWN && c.network !== proto) {
      conflict(c, p, c.network, proto, out);
      return STOP;
    }
    if (c.network === null) c.network = proto;
    return GO;
  }
  if (proto === 'th') {
    // `th` reads whatever transport header is there; with none fixed, what it does is not modelled.
    if (c.transport === null) c.transport = UNKNOWN;
    return GO;
  }
  if (TRANSPORT_PLAIN.has(proto) || TRANSPORT_OTHER.has(proto)) {
    if (c.transport !== null && c.transport !== UNKNOWN && c.transport !== proto) {
      conflict(c, p, c.transport, proto, out);
      return STOP;
    }
    if (c.transport === null) c.transport = proto;
    if (TRANSPORT_OTHER.has(proto) && c.network === null) c.network = UNKNOWN;
    return GO;
  }
  return STOP;
}

function conflict(c: RuleContext, p: NftPayload, fixed: string, wanted: string, out: SyntaxProblem[]): void {
  const layer = NETWORK.has(wanted) ? 'network' : 'transport';
  let how: string;
  if (layer === 'network') {
    how = c.family === 'inet' ? 'split it into one rule for ip and one for ip6' : `\`${wanted} …\` matches belong in an \`${wanted}\` or \`inet\` table`;
  } else if (TRANSPORT_PLAIN.has(fixed) && TRANSPORT_PLAIN.has(wanted) && (p.field === 'sport' || p.field === 'dport')) {
    how = `split it into one rule per protocol, or match both with \`meta l4proto { ${fixed}, ${wanted} } th ${p.field} …\``;
  } else {
    how = 'split it into one rule per protocol';
  }
  out.push({
    range: p.range,
    message: `conflicting protocols: \`${p.protocol} ${p.field}\` needs ${wanted}, but the ${layer} protocol is already ${fixed} here, so nft refuses the rule ("conflicting protocols specified: ${fixed} vs. ${wanted}"); ${how}`,
  });
}

/** `meta l4proto tcp`, `ip protocol udp`, `meta nfproto ipv6`: fix a layer to a constant. */
function fix(c: RuleContext, layer: 'network' | 'transport', value: string | null): boolean {
  if (value === null) return STOP;
  const cur = c[layer];
  if (value === UNKNOWN) {
    c[layer] = UNKNOWN;
    if (layer === 'transport' && c.network === null) c.network = UNKNOWN;
    return GO;
  }
  if (cur === null || cur === value) {
    c[layer] = value;
    if (layer === 'transport' && !TRANSPORT_PLAIN.has(value) && c.network === null) c.network = UNKNOWN;
    return GO;
  }
  // Fixed to something else already: what nft does then is not modelled.
  c[layer] = UNKNOWN;
  return GO;
}

/**
 * A protocol match that is not one constant (`!= tcp`, `{ tcp, udp }`, a mask): nft may or may not
 * fix the layer from it (a one-element set counts as a constant), so the layer becomes unknown.
 */
function blur(c: RuleContext, layer: 'network' | 'transport', right: NftExpr): boolean {
  if (right.type === 'NftVariable') return STOP;
  c[layer] = UNKNOWN;
  if (c.network === null) c.network = UNKNOWN;
  return GO;
}

function isConstantEq(op: string, right: NftExpr): boolean {
  return (op === '==' || op === 'implicit') && (right.type === 'NftSymbol' || right.type === 'NftNumber');
}

function readMatch(c: RuleContext, left: NftExpr, op: string, right: NftExpr, out: SyntaxProblem[]): boolean {
  let l = left;
  while (l.type === 'NftBinary') l = l.left;
  switch (l.type) {
    case 'NftPayload': {
      if (!usePayload(c, l, out)) return STOP;
      const protoField = (l.protocol === 'ip' && l.field === 'protocol') || (l.protocol === 'ip6' && l.field === 'nexthdr');
      if (!protoField) return GO;
      if (l === left && isConstantEq(op, right)) return fix(c, 'transport', protoName(right));
      return blur(c, 'transport', right);
    }
    case 'NftMeta':
      if (NEUTRAL_META.has(l.key)) return GO;
      if (l.key === 'l4proto') {
        if (l === left && isConstantEq(op, right)) return fix(c, 'transport', protoName(right));
        return blur(c, 'transport', right);
      }
      if (l.key === 'nfproto') {
        if (l === left && isConstantEq(op, right) && right.type === 'NftSymbol' && (right.name === 'ipv4' || right.name === 'ipv6')) {
          return fix(c, 'network', right.name === 'ipv4' ? 'ip' : 'ip6');
        }
        return blur(c, 'network', right);
      }
      return STOP;
    case 'NftCt':
      return l.protocol === null && l.direction === null && NEUTRAL_CT.has(l.key) ? GO : STOP;
    default:
      return STOP;
  }
}

/** nft 1.0.6 and 1.1.x refuse `dnat|snat to ADDRESS` in inet when the network protocol is not fixed. */
function checkNat(c: RuleContext, family: NftFamily, st: NftNat, out: SyntaxProblem[]): void {
  if (family !== 'inet' || st.family !== null || !st.address || c.network !== null) return;
  if (st.kind !== 'dnat' && st.kind !== 'snat') return;
  const a = st.address;
  if (a.type !== 'NftAddress' && a.type !== 'NftRange' && a.type !== 'NftPrefix') return;
  const v4 = a.type === 'NftAddress' ? a.family === 'ip' : a.type === 'NftRange' ? a.low.type === 'NftAddress' && a.low.family === 'ip' : a.address.type === 'NftAddress' && a.address.family === 'ip';
  const fam = v4 ? 'ip' : 'ip6';
  out.push({
    range: { start: st.range.start, end: a.range.end },
    message: `\`${st.kind} to\` an address in an \`inet\` table needs its address family: write \`${st.kind} ${fam} to …\` (or match \`${fam} saddr\`/\`${fam} daddr\`/\`meta nfproto ${v4 ? 'ipv4' : 'ipv6'}\` earlier in the rule); nft refuses it ("ip or ip6 must be specified with address for inet tables")`,
  });
}

/** A reader for one rule of `family`, or null for families this model does not read. */
export function ruleReader(family: NftFamily): RuleContext | null {
  return family === 'ip' || family === 'ip6' || family === 'inet' ? new RuleContext(family) : null;
}

/**
 * Reads the rule's next statement (in order, as nft's evaluation does): reports conflicting
 * protocols and an `inet` NAT statement without an address family; sets `done` when it stops.
 */
export function readStatement(c: RuleContext, st: NftStatement, out: SyntaxProblem[]): void {
  let go = true;
  switch (st.type) {
    case 'NftMatch':
      go = readMatch(c, st.left, st.op, st.right, out);
      break;
    case 'NftVmap':
      go = st.key.type === 'NftPayload' && usePayload(c, st.key, out);
      break;
    case 'NftNat':
      checkNat(c, c.family, st, out);
      go = false;
      break;
    case 'NftMangle':
      go = (st.target.type === 'NftMeta' || st.target.type === 'NftCt') && st.target.key === 'mark';
      break;
    case 'NftStatement':
      go = NEUTRAL_STATEMENTS.has(st.keyword);
      break;
    case 'NftVerdict':
      go = false;
      break;
  }
  if (!go) c.done = true;
}

/** Reads a whole rule (see readStatement). */
export function checkRuleProtocols(family: NftFamily, statements: readonly NftStatement[], out: SyntaxProblem[]): void {
  const c = ruleReader(family);
  if (!c) return;
  for (const st of statements) {
    readStatement(c, st, out);
    if (c.done) return;
  }
}
