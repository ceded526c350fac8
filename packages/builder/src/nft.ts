import { IPv4CidrRange, IPv6CidrRange } from 'ip-num';
import { RESERVED_WORDS } from '@wglint/nft';
import { fail } from './errors.js';
import { checkCidr, checkIfName, checkInt, checkPort, describe } from './values.js';

/** nft address families. */
export type NftFamily = 'ip' | 'ip6' | 'inet' | 'arp' | 'bridge' | 'netdev';
export type NftHook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting' | 'ingress' | 'egress';
export type NftChainType = 'filter' | 'nat' | 'route';
/** Standard priority names (`filter` = 0, `dstnat` = -100, …; bridge has its own values). */
export type NftPriorityName = 'raw' | 'mangle' | 'dstnat' | 'filter' | 'security' | 'srcnat' | 'out';

/** A base chain: attached to a hook. Omit the spec for a regular chain (reached by jump/goto). */
export interface NftBaseChainSpec {
  readonly type: NftChainType;
  readonly hook: NftHook;
  /** A number or a standard name; printed as nft lists it (`filter`, `srcnat + 10`, `-150` …). */
  readonly priority: number | NftPriorityName;
  /** Default `accept`. */
  readonly policy?: 'accept' | 'drop';
  /** Required for netdev and inet `ingress`/`egress` chains. */
  readonly device?: string;
}

/** Data types of set/map keys and map values. */
export type NftSetType = 'ipv4_addr' | 'ipv6_addr' | 'inet_service' | 'ifname' | 'mark' | 'inet_proto';
export type NftMapDataType = NftSetType | 'verdict';
export type NftL4Proto = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'sctp' | 'dccp' | 'udplite' | 'gre' | 'esp' | 'ah';
export type NftSetFlag = 'constant' | 'dynamic' | 'interval' | 'timeout';

/** The TypeScript type of one element of a set of type `T`. */
export type NftElement<T extends NftSetType> = T extends 'inet_service'
  ? NftPort
  : T extends 'mark'
    ? number
    : T extends 'inet_proto'
      ? NftL4Proto
      : string;

/** The TypeScript type of a map value of data type `D`. */
export type NftMapValue<D extends NftMapDataType> = D extends 'verdict' ? NftVerdict : D extends NftSetType ? NftElement<D> : never;

export interface NftSetSpec<T extends NftSetType> {
  readonly type: T;
  readonly flags?: readonly NftSetFlag[];
  readonly elements?: readonly NftElement<T>[];
}

export interface NftMapSpec<K extends NftSetType, D extends NftMapDataType> {
  readonly type: K;
  readonly dataType: D;
  readonly flags?: readonly NftSetFlag[];
  readonly elements?: readonly (readonly [NftElement<K>, NftMapValue<D>])[];
}

/** A reference to a named set or map of the same table: `@name`. */
export interface NftSetRef {
  readonly kind: 'setref';
  readonly name: string;
}

/** A rule condition (`tcp dport 22`). */
export interface NftMatch {
  readonly kind: 'match';
  readonly text: string;
  /** Network family the match implies (`ip saddr` → 4). */
  readonly family?: 4 | 6;
  /** Transport protocol the match implies (`tcp dport` → tcp). */
  readonly l4?: readonly NftL4Proto[];
  /** Needs conntrack. */
  readonly ct?: true;
  /** A named set it looks up, with the key type it needs. */
  readonly setRef?: { readonly name: string; readonly type: NftSetType | 'map' };
  /** Only valid with an output interface / input interface (hook restrictions). */
  readonly iface?: 'in' | 'out';
}

/** A statement (`counter`, `snat ip to 10.0.0.1`, `accept`). */
export interface NftStatement {
  readonly kind: 'statement';
  readonly text: string;
  /** Terminal statements end the rule: nothing may follow them. */
  readonly terminal: boolean;
  readonly nat?: { readonly kind: 'snat' | 'dnat' | 'masquerade' | 'redirect'; readonly family?: 4 | 6; readonly hasPort: boolean };
  /** `jump`/`goto` target chain. */
  readonly jump?: string;
  readonly reject?: { readonly tcpReset: boolean };
  readonly vmapRef?: string;
  /** Verdicts of an inline verdict map (their jump targets are checked). */
  readonly vmapVerdicts?: readonly NftVerdict[];
  readonly family?: 4 | 6;
  readonly l4?: readonly NftL4Proto[];
}

/** A verdict (`accept`, `jump NAME` …); usable as a statement and as a verdict-map value. */
export interface NftVerdict extends NftStatement {
  readonly verdict: true;
}

/** A rule comment (`comment "…"`), printed last. */
export interface NftComment {
  readonly kind: 'comment';
  readonly text: string;
}

export type NftRulePart = NftMatch | NftStatement | NftComment;

// ---------------------------------------------------------------------------------------------
// values

type AddrValue = string | readonly string[] | NftSetRef;
/** An inclusive port range, printed `from-to`; `from` must be below `to`. */
export interface NftPortRange {
  readonly from: number;
  readonly to: number;
}
/** A port or a port range. */
export type NftPort = number | NftPortRange;
type PortValue = NftPort | readonly NftPort[] | NftSetRef;

/** `@name`: a named set or map of the same table. */
export function ref(name: string): NftSetRef {
  return { kind: 'setref', name: checkName(name, 'ref', 'set') };
}

function isRef(v: unknown): v is NftSetRef {
  return typeof v === 'object' && v !== null && (v as NftSetRef).kind === 'setref';
}

function anon(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `{ ${items.join(', ')} }`;
}

function addrText(v: AddrValue, family: 4 | 6, path: string): { text: string; setRef?: NftMatch['setRef'] } {
  if (isRef(v)) return { text: `@${v.name}`, setRef: { name: v.name, type: family === 4 ? 'ipv4_addr' : 'ipv6_addr' } };
  const list = typeof v === 'string' ? [v] : v;
  if (list.length === 0) fail('invalid-value', path, 'expected at least one address');
  const texts = list.map((a, i) => {
    const c = checkCidr(a, `${path}[${i}]`, { hostBits: 'refuse', family });
    return c.prefix === null || c.prefix === (family === 4 ? 32 : 128) ? c.address : c.canonical;
  });
  noDuplicates(texts, path);
  return { text: anon(texts) };
}

function portItem(p: NftPort, path: string): string {
  if (typeof p === 'number') return String(checkPort(p, path));
  if (typeof p !== 'object' || p === null || !('from' in p) || !('to' in p)) fail('invalid-port', path, `expected a port or a { from, to } range, got ${describe(p)}`);
  const { from: lo, to: hi } = p;
  checkPort(lo, `${path}.from`);
  checkPort(hi, `${path}.to`);
  if (lo >= hi) fail('invalid-port', path, `range ${lo}-${hi} is empty or reversed (nft: "Range has zero or negative size"); write ${Math.min(lo, hi)}-${Math.max(lo, hi)} or a single port`);
  return `${lo}-${hi}`;
}

function portText(v: PortValue, path: string): { text: string; setRef?: NftMatch['setRef'] } {
  if (isRef(v)) return { text: `@${v.name}`, setRef: { name: v.name, type: 'inet_service' } };
  if (!Array.isArray(v)) return { text: portItem(v as NftPort, path) };
  const list = v as readonly NftPort[];
  if (list.length === 0) fail('invalid-port', path, 'expected at least one port');
  const texts = list.map((p, i) => portItem(p, `${path}[${i}]`));
  noDuplicates(texts, path);
  return { text: anon(texts) };
}

function noDuplicates(texts: readonly string[], path: string): void {
  const seen = new Set<string>();
  for (const t of texts) {
    if (seen.has(t)) fail('duplicate', path, `\`${t}\` is listed twice`);
    seen.add(t);
  }
}

function ifnames(v: string | readonly string[] | NftSetRef, path: string): { text: string; setRef?: NftMatch['setRef'] } {
  if (isRef(v)) return { text: `@${v.name}`, setRef: { name: v.name, type: 'ifname' } };
  const list = typeof v === 'string' ? [v] : v;
  if (list.length === 0) fail('invalid-value', path, 'expected at least one interface name');
  const texts = list.map((n, i) => {
    // `wg*` is nft's prefix wildcard; a trailing `*` only
    const name = checkIfName(n.endsWith('*') ? n.slice(0, -1) || '?' : n, `${path}[${i}]`);
    return `"${name}${n.endsWith('*') ? '*' : ''}"`;
  });
  if (list.length > 1 && texts.some((t) => t.endsWith('*"'))) fail('invalid-value', path, 'wildcards (`wg*`) cannot be combined in a set; write one rule per wildcard');
  noDuplicates(texts, path);
  return { text: anon(texts) };
}

function hex32(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

function mark(n: number, path: string): string {
  return hex32(checkInt(n, path, 0, 0xffffffff, 'mark'));
}

const CT_STATES = ['invalid', 'established', 'related', 'new', 'untracked'] as const;
export type NftCtState = (typeof CT_STATES)[number];
const L4: readonly NftL4Proto[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'sctp', 'dccp', 'udplite', 'gre', 'esp', 'ah'];

function l4List(v: NftL4Proto | readonly NftL4Proto[], path: string): readonly NftL4Proto[] {
  const list = typeof v === 'string' ? [v] : v;
  if (list.length === 0) fail('invalid-value', path, 'expected at least one protocol');
  list.forEach((p, i) => {
    if (!L4.includes(p)) fail('invalid-value', `${path}[${i}]`, `${describe(p)} is not one of ${L4.join(', ')}`);
  });
  noDuplicates(list, path);
  return list;
}

function m(text: string, extra: Omit<NftMatch, 'kind' | 'text'> = {}): NftMatch {
  return { kind: 'match', text, ...extra };
}

function addrMatch(proto: 'ip' | 'ip6', field: 'saddr' | 'daddr') {
  const family = proto === 'ip' ? 4 : 6;
  return (v: AddrValue, opts: { not?: boolean } = {}): NftMatch => {
    const { text, setRef } = addrText(v, family, `match.${proto}.${field}`);
    return m(`${proto} ${field} ${opts.not ? '!= ' : ''}${text}`, setRef ? { family, setRef } : { family });
  };
}

function portMatch(proto: 'tcp' | 'udp', field: 'sport' | 'dport') {
  return (v: PortValue, opts: { not?: boolean } = {}): NftMatch => {
    const { text, setRef } = portText(v, `match.${proto}.${field}`);
    return m(`${proto} ${field} ${opts.not ? '!= ' : ''}${text}`, setRef ? { l4: [proto], setRef } : { l4: [proto] });
  };
}

function ifMatch(key: 'iifname' | 'oifname') {
  return (v: string | readonly string[] | NftSetRef, opts: { not?: boolean } = {}): NftMatch => {
    const { text, setRef } = ifnames(v, `match.${key}`);
    const iface = key === 'iifname' ? ('in' as const) : ('out' as const);
    return m(`${key} ${opts.not ? '!= ' : ''}${text}`, setRef ? { iface, setRef } : { iface });
  };
}

/** Rule conditions. Values are validated when called; set references when the table is printed. */
export const match = {
  iifname: ifMatch('iifname'),
  oifname: ifMatch('oifname'),
  ip: { saddr: addrMatch('ip', 'saddr'), daddr: addrMatch('ip', 'daddr') },
  ip6: { saddr: addrMatch('ip6', 'saddr'), daddr: addrMatch('ip6', 'daddr') },
  tcp: { sport: portMatch('tcp', 'sport'), dport: portMatch('tcp', 'dport') },
  udp: { sport: portMatch('udp', 'sport'), dport: portMatch('udp', 'dport') },
  ct: {
    /** `ct state established,related` */
    state(states: readonly NftCtState[]): NftMatch {
      if (states.length === 0) fail('invalid-value', 'match.ct.state', 'expected at least one state');
      states.forEach((s, i) => {
        if (!CT_STATES.includes(s)) fail('invalid-value', `match.ct.state[${i}]`, `${describe(s)} is not one of ${CT_STATES.join(', ')}`);
      });
      noDuplicates(states, 'match.ct.state');
      return m(`ct state ${states.join(',')}`, { ct: true });
    },
    mark(n: number): NftMatch {
      return m(`ct mark ${mark(n, 'match.ct.mark')}`, { ct: true });
    },
  },
  meta: {
    /** `meta l4proto udp` / `meta l4proto { tcp, udp }` (any IP family) */
    l4proto(p: NftL4Proto | readonly NftL4Proto[]): NftMatch {
      const list = l4List(p, 'match.meta.l4proto');
      return m(`meta l4proto ${anon(list)}`, { l4: list });
    },
    mark(n: number | NftSetRef): NftMatch {
      if (isRef(n)) return m(`meta mark @${n.name}`, { setRef: { name: n.name, type: 'mark' } });
      return m(`meta mark ${mark(n, 'match.meta.mark')}`);
    },
    nfproto(f: 'ipv4' | 'ipv6'): NftMatch {
      if (f !== 'ipv4' && f !== 'ipv6') fail('invalid-value', 'match.meta.nfproto', `${describe(f)} is not ipv4 or ipv6`);
      return m(`meta nfproto ${f}`, { family: f === 'ipv4' ? 4 : 6 });
    },
  },
} as const;

function v(text: string, extra: Partial<NftStatement> = {}): NftVerdict {
  return { kind: 'statement', text, terminal: text !== 'continue', verdict: true, ...extra };
}

/** Verdicts. `jump`/`goto` targets are checked when the table is printed. */
export const verdict = {
  accept: (): NftVerdict => v('accept'),
  drop: (): NftVerdict => v('drop'),
  continue: (): NftVerdict => v('continue'),
  return: (): NftVerdict => v('return'),
  jump: (chain: string): NftVerdict => v(`jump ${checkName(chain, 'verdict.jump', 'chain')}`, { jump: chain }),
  goto: (chain: string): NftVerdict => v(`goto ${checkName(chain, 'verdict.goto', 'chain')}`, { jump: chain }),
} as const;

function s(text: string, extra: Partial<NftStatement> = {}): NftStatement {
  return { kind: 'statement', text, terminal: false, ...extra };
}

function natTarget(kind: 'snat' | 'dnat', o: { to: string; port?: NftPort }): NftStatement {
  const path = `stmt.${kind}`;
  if (typeof o !== 'object' || o === null) fail('invalid-value', path, 'expected { to, port? }');
  const c = checkCidr(o.to, `${path}.to`, { hostBits: 'refuse' });
  if (c.prefix !== null) fail('invalid-address', `${path}.to`, `\`${o.to}\`: give a single address, not a prefix`);
  let port = '';
  if (o.port !== undefined) port = `:${portItem(o.port, `${path}.port`)}`;
  const addr = c.family === 6 && port ? `[${c.address}]` : c.address;
  return s(`${kind} to ${addr}${port}`, { terminal: true, nat: { kind, family: c.family, hasPort: port !== '' } });
}

/** Non-verdict statements. */
export const stmt = {
  counter: (): NftStatement => s('counter'),
  /** `log prefix "…"` (prefix: at most 127 characters, no `"`). */
  log(o: { prefix?: string } = {}): NftStatement {
    if (o.prefix === undefined) return s('log');
    return s(`log prefix "${checkString(o.prefix, 'stmt.log.prefix', 127)}"`);
  },
  /** `reject` / `reject with tcp reset` (the latter needs a tcp match in the rule). Not in prerouting/postrouting. */
  reject(o: { with?: 'tcp reset' } = {}): NftStatement {
    if (o.with !== undefined && o.with !== 'tcp reset') fail('invalid-value', 'stmt.reject.with', `${describe(o.with)} is not supported; use 'tcp reset' or omit it`);
    return s(o.with ? 'reject with tcp reset' : 'reject', { terminal: true, reject: { tcpReset: o.with === 'tcp reset' } });
  },
  masquerade: (): NftStatement => s('masquerade', { terminal: true, nat: { kind: 'masquerade', hasPort: false } }),
  snat: (o: { to: string; port?: NftPort }): NftStatement => natTarget('snat', o),
  dnat: (o: { to: string; port?: NftPort }): NftStatement => natTarget('dnat', o),
  /** `redirect to :PORT` (needs a tcp/udp match in the rule). */
  redirect(o: { port?: number } = {}): NftStatement {
    if (o.port === undefined) return s('redirect', { terminal: true, nat: { kind: 'redirect', hasPort: false } });
    return s(`redirect to :${checkPort(o.port, 'stmt.redirect.port')}`, { terminal: true, nat: { kind: 'redirect', hasPort: true } });
  },
  meta: { setMark: (n: number): NftStatement => s(`meta mark set ${mark(n, 'stmt.meta.setMark')}`) },
  ct: { setMark: (n: number): NftStatement => s(`ct mark set ${mark(n, 'stmt.ct.setMark')}`) },
  /** `iifname vmap @name` / `iifname vmap { "wg0" : accept }` (key: `iifname`, `oifname`, `meta l4proto`, `tcp dport`, `udp dport`). */
  vmap(key: 'iifname' | 'oifname' | 'meta l4proto' | 'tcp dport' | 'udp dport', map: NftSetRef | readonly (readonly [string | number, NftVerdict])[]): NftStatement {
    const keyType = VMAP_KEYS[key];
    if (!keyType) fail('invalid-value', 'stmt.vmap', `${describe(key)} is not a supported vmap key`);
    const l4 = key === 'tcp dport' ? (['tcp'] as const) : key === 'udp dport' ? (['udp'] as const) : undefined;
    if (isRef(map)) return s(`${key} vmap @${map.name}`, { vmapRef: map.name, ...(l4 ? { l4 } : {}) });
    if (map.length === 0) fail('invalid-value', 'stmt.vmap', 'expected at least one entry');
    const items = map.map(([k, val], i) => `${elementText(keyType, k, `stmt.vmap[${i}][0]`)} : ${verdictValue(val, `stmt.vmap[${i}][1]`)}`);
    noDuplicates(map.map(([k]) => String(k)), 'stmt.vmap');
    return s(`${key} vmap { ${items.join(', ')} }`, { ...(l4 ? { l4 } : {}), vmapVerdicts: map.map(([, x]) => x) });
  },
  /** `comment "…"` on the rule (printed last; at most 128 characters, no `"`). */
  comment: (text: string): NftComment => ({ kind: 'comment', text: checkString(text, 'stmt.comment', 128) }),
} as const;

const VMAP_KEYS: Readonly<Record<string, NftSetType>> = {
  iifname: 'ifname',
  oifname: 'ifname',
  'meta l4proto': 'inet_proto',
  'tcp dport': 'inet_service',
  'udp dport': 'inet_service',
};

function verdictValue(val: unknown, path: string): string {
  const x = val as NftVerdict;
  if (typeof x !== 'object' || x === null || x.verdict !== true) fail('invalid-value', path, 'expected a verdict (verdict.accept() …)');
  return x.text;
}

function checkString(text: unknown, path: string, max: number): string {
  if (typeof text !== 'string' || text.length === 0 || text.length > max || /["\r\n\0\\]/.test(text)) {
    fail('invalid-value', path, `expected 1-${max} characters without quotes, backslashes or line breaks, got ${describe(text)}`);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// names, elements

const IDENT = /^[A-Za-z_.][A-Za-z0-9/\-_.]*$/;

function checkName(name: unknown, path: string, what: string): string {
  if (typeof name !== 'string' || !IDENT.test(name) || name.length > 255) {
    fail('invalid-name', path, `${describe(name)} is not a valid nft ${what} name (a letter, \`_\` or \`.\`, then letters, digits, \`/ - _ .\`)`);
  }
  if (RESERVED_WORDS.has(name)) fail('invalid-name', path, `\`${name}\` is a reserved word in nft and cannot be a ${what} name`);
  return name;
}

function elementText(type: NftSetType, e: unknown, path: string, interval = true): string {
  switch (type) {
    case 'ipv4_addr':
    case 'ipv6_addr': {
      const c = checkCidr(e as string, path, { hostBits: 'refuse', family: type === 'ipv4_addr' ? 4 : 6 });
      const full = c.prefix === null || c.prefix === (c.family === 4 ? 32 : 128);
      if (!full && !interval) fail('invalid-value', path, `prefix \`${String(e)}\` needs \`flags: ['interval']\` on the set`);
      return full ? c.address : c.canonical;
    }
    case 'inet_service': {
      const t = portItem(e as NftPort, path);
      if (t.includes('-') && !interval) fail('invalid-value', path, `range ${t} needs \`flags: ['interval']\` on the set`);
      return t;
    }
    case 'ifname':
      return `"${checkIfName(e, path)}"`;
    case 'mark':
      return mark(e as number, path);
    case 'inet_proto':
      return l4List(e as NftL4Proto, path)[0]!;
  }
}

function span(type: NftSetType, text: string): [bigint, bigint] | null {
  if (type === 'ipv4_addr' || type === 'ipv6_addr') {
    const cidr = text.includes('/') ? text : `${text}/${type === 'ipv4_addr' ? 32 : 128}`;
    const r = type === 'ipv4_addr' ? IPv4CidrRange.fromCidr(cidr) : IPv6CidrRange.fromCidr(cidr);
    return [r.getFirst().getValue(), r.getLast().getValue()];
  }
  if (type === 'inet_service') {
    const [a, b] = text.split('-');
    return [BigInt(a!), BigInt(b ?? a!)];
  }
  return null;
}

function checkElements(type: NftSetType, texts: readonly string[], path: string): void {
  noDuplicates(texts, path);
  const spans = texts.map((t, i) => [span(type, t), i] as const).filter((x): x is readonly [[bigint, bigint], number] => x[0] !== null);
  spans.sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : 0));
  for (let i = 1; i < spans.length; i++) {
    const [prev, pi] = spans[i - 1]!;
    const [cur, ci] = spans[i]!;
    if (cur[0] <= prev[1]) fail('duplicate', `${path}[${ci}]`, `\`${texts[ci]}\` overlaps \`${texts[pi]}\` (nft: conflicting intervals)`);
  }
}

// ---------------------------------------------------------------------------------------------
// tables, chains, rules

interface SetDecl {
  readonly name: string;
  readonly kind: 'set' | 'map';
  readonly type: NftSetType;
  readonly dataType?: NftMapDataType;
  readonly flags: readonly NftSetFlag[];
  readonly elements: readonly string[];
  readonly verdicts: readonly NftVerdict[];
}

interface RuleDecl {
  readonly parts: readonly NftRulePart[];
  readonly path: string;
}

const FAMILY_HOOKS: Readonly<Record<NftFamily, readonly NftHook[]>> = {
  ip: ['prerouting', 'input', 'forward', 'output', 'postrouting'],
  ip6: ['prerouting', 'input', 'forward', 'output', 'postrouting'],
  inet: ['prerouting', 'input', 'forward', 'output', 'postrouting', 'ingress'],
  arp: ['input', 'output'],
  bridge: ['prerouting', 'input', 'forward', 'output', 'postrouting'],
  netdev: ['ingress', 'egress'],
};

const STD_PRIO: Readonly<Record<string, number>> = { raw: -300, mangle: -150, dstnat: -100, filter: 0, security: 50, srcnat: 100 };
const BRIDGE_PRIO: Readonly<Record<string, number>> = { dstnat: -300, filter: -200, out: 100, srcnat: 300 };

/** Where nft 1.0.6 (and later) accept a priority name (`std_prio_family_hook_compat`). */
function prioNameOk(name: string, family: NftFamily, hook: NftHook): boolean {
  if (family === 'bridge') {
    return name === 'filter' || (name === 'dstnat' && hook === 'prerouting') || (name === 'out' && hook === 'output') || (name === 'srcnat' && hook === 'postrouting');
  }
  const ipish = family === 'ip' || family === 'ip6' || family === 'inet';
  switch (name) {
    case 'raw':
    case 'mangle':
    case 'security':
      return ipish;
    case 'filter':
      return true;
    // nft < 1.0.9 accepts dstnat only in prerouting and srcnat only in postrouting
    case 'dstnat':
      return ipish && hook === 'prerouting';
    case 'srcnat':
      return ipish && hook === 'postrouting';
    default:
      return false;
  }
}

function printPrio(value: number, family: NftFamily, hook: NftHook): string {
  const table = family === 'bridge' ? BRIDGE_PRIO : STD_PRIO;
  for (const [name, base] of Object.entries(table)) {
    const off = value - base;
    if (Math.abs(off) <= 10) {
      if (!prioNameOk(name, family, hook)) break;
      return off > 0 ? `${name} + ${off}` : off < 0 ? `${name} - ${-off}` : name;
    }
  }
  return String(value);
}

/** A chain under construction; `rule()` returns the chain so calls can be chained. */
export class NftChainBuilder {
  readonly name: string;
  readonly table: NftTableBuilder;
  readonly spec: (NftBaseChainSpec & { readonly priorityValue: number }) | null;
  readonly #rules: RuleDecl[] = [];

  /** Use `NftTableBuilder.chain`. */
  constructor(table: NftTableBuilder, name: string, spec: NftBaseChainSpec | undefined) {
    this.table = table;
    this.name = name;
    this.spec = spec ? checkChainSpec(table.family, name, spec) : null;
  }

  /** Appends a rule: matches first, then statements; a terminal statement/verdict must come last. */
  rule(...parts: NftRulePart[]): this {
    const path = `chain ${this.name} rule ${this.#rules.length + 1}`;
    checkRule(this, parts, path);
    this.#rules.push({ parts, path });
    return this;
  }

  /** Rules as added (for the printer). */
  get rules(): readonly RuleDecl[] {
    return this.#rules;
  }

  /** Prints the whole table this chain belongs to. */
  print(): string {
    return this.table.print();
  }
}

function checkChainSpec(family: NftFamily, name: string, spec: NftBaseChainSpec): NftBaseChainSpec & { priorityValue: number } {
  const path = `chain ${name}`;
  const { type, hook } = spec;
  if (!['filter', 'nat', 'route'].includes(type)) fail('chain-type', `${path}.type`, `${describe(type)} is not filter, nat or route`);
  if (!FAMILY_HOOKS[family].includes(hook)) {
    fail('chain-type', `${path}.hook`, `the ${family} family has no ${describe(hook)} hook (hooks: ${FAMILY_HOOKS[family].join(', ')})`);
  }
  if (type === 'nat' && (!['ip', 'ip6', 'inet'].includes(family) || !['prerouting', 'input', 'output', 'postrouting'].includes(hook))) {
    fail('chain-type', `${path}.type`, `type nat chains exist only in ip/ip6/inet tables on prerouting, input, output and postrouting (not ${family} ${hook})`);
  }
  if (type === 'route' && (!['ip', 'ip6', 'inet'].includes(family) || hook !== 'output')) {
    fail('chain-type', `${path}.type`, `type route chains exist only in ip/ip6/inet tables on the output hook (not ${family} ${hook})`);
  }
  const needsDevice = family === 'netdev' || hook === 'ingress' || hook === 'egress';
  if (needsDevice && spec.device === undefined) fail('missing-option', `${path}.device`, `a ${family} ${hook} chain needs a device`);
  if (!needsDevice && spec.device !== undefined) fail('invalid-value', `${path}.device`, `only netdev and ingress chains take a device`);
  if (spec.device !== undefined) checkIfName(spec.device, `${path}.device`);
  let priorityValue: number;
  if (typeof spec.priority === 'string') {
    const table = family === 'bridge' ? BRIDGE_PRIO : STD_PRIO;
    const val = table[spec.priority];
    if (val === undefined || !prioNameOk(spec.priority, family, hook)) {
      fail('chain-type', `${path}.priority`, `priority \`${spec.priority}\` is not valid for a ${family} ${hook} chain (nft: invalid priority expression value in this context); give a number`);
    }
    priorityValue = val;
  } else {
    priorityValue = checkInt(spec.priority, `${path}.priority`, -2147483648, 2147483647, 'priority');
  }
  if (type === 'nat' && priorityValue <= -200) fail('chain-type', `${path}.priority`, `nat chains need a priority above -200 (conntrack), got ${priorityValue}`);
  if (spec.policy !== undefined && spec.policy !== 'accept' && spec.policy !== 'drop') {
    fail('invalid-value', `${path}.policy`, `${describe(spec.policy)} is not accept or drop (reject is a statement, not a policy)`);
  }
  return { ...spec, priorityValue };
}

function checkRule(chain: NftChainBuilder, parts: readonly NftRulePart[], path: string): void {
  if (parts.length === 0) fail('invalid-value', path, 'a rule needs at least one match or statement');
  const family = chain.table.family;
  const spec = chain.spec;
  let terminalAt = -1;
  let seenStatement = false;
  const l4 = new Set<string>();
  let comments = 0;
  const families = new Map<4 | 6, string>();
  let l4Text: string | null = null;
  parts.forEach((p, i) => {
    if (typeof p !== 'object' || p === null || !('kind' in p)) fail('invalid-value', `${path} part ${i + 1}`, 'expected match.*, stmt.* or verdict.*');
    if (p.kind === 'comment') {
      comments++;
      return;
    }
    if (terminalAt >= 0) {
      fail('statement-order', `${path} part ${i + 1}`, `\`${p.text}\` follows the terminal statement \`${(parts[terminalAt] as NftStatement).text}\` (nft: Statement after terminal statement has no effect)`);
    }
    const fam = p.family ?? (p.kind === 'statement' ? p.nat?.family : undefined);
    if (fam !== undefined) {
      const other = families.get(fam === 4 ? 6 : 4);
      if (other !== undefined) fail('family', `${path} part ${i + 1}`, `\`${p.text}\` is IPv${fam} but \`${other}\` is IPv${fam === 4 ? 6 : 4} (nft: conflicting protocols); write two rules`);
      families.set(fam, p.text);
    }
    if (p.kind === 'match') {
      if (seenStatement) fail('statement-order', `${path} part ${i + 1}`, 'put matches before statements');
      if (fam === 6 && family === 'ip') fail('family', `${path} part ${i + 1}`, `\`${p.text}\` is IPv6 but the table family is ip`);
      if (fam === 4 && family === 'ip6') fail('family', `${path} part ${i + 1}`, `\`${p.text}\` is IPv4 but the table family is ip6`);
      if (p.ct && (family === 'arp' || family === 'netdev')) fail('family', `${path} part ${i + 1}`, `conntrack matches do not work in the ${family} family`);
      if (spec && p.iface === 'out' && (spec.hook === 'prerouting' || spec.hook === 'input' || spec.hook === 'ingress')) {
        fail('interface-direction', `${path} part ${i + 1}`, `\`${p.text}\`: there is no output interface in the ${spec.hook} hook`);
      }
      if (spec && p.iface === 'in' && (spec.hook === 'output' || spec.hook === 'egress')) {
        fail('interface-direction', `${path} part ${i + 1}`, `\`${p.text}\`: there is no input interface in the ${spec.hook} hook`);
      }
      if (p.l4) {
        // nft keeps one transport protocol per rule: `meta l4proto { tcp, udp } tcp dport 22`
        // or `tcp dport 22 udp sport 53` are "conflicting protocols"
        const prev = l4Text;
        const cur = p.l4.join(',');
        if (prev !== null && (prev !== cur || p.l4.length > 1)) {
          fail('needs-protocol', `${path} part ${i + 1}`, `\`${p.text}\` conflicts with the earlier transport protocol match (${prev}) (nft: conflicting protocols); use one protocol per rule`);
        }
        l4Text = cur;
        for (const x of p.l4) l4.add(x);
      }
      return;
    }
    seenStatement = true;
    if (p.terminal) terminalAt = i;
    if (p.nat) checkNat(chain, p, fam, l4, `${path} part ${i + 1}`);
    if (p.reject) {
      if (spec && !['input', 'forward', 'output'].includes(spec.hook)) fail('target-hook', `${path} part ${i + 1}`, `reject works only in input, forward and output chains, not ${spec.hook}`);
      if (p.reject.tcpReset && (l4.size !== 1 || !l4.has('tcp'))) fail('needs-protocol', `${path} part ${i + 1}`, '`reject with tcp reset` needs a tcp-only match (match.tcp.* or match.meta.l4proto(\'tcp\')) before it');
    }
    if (p.l4 && p.l4.length) for (const x of p.l4) l4.add(x);
  });
  if (comments > 1) fail('invalid-value', path, 'a rule has at most one comment');
}

function checkNat(chain: NftChainBuilder, p: NftStatement, fam: 4 | 6 | undefined, l4: ReadonlySet<string>, path: string): void {
  const nat = p.nat!;
  const family = chain.table.family;
  if (!['ip', 'ip6', 'inet'].includes(family)) fail('chain-type', path, `${nat.kind} needs an ip, ip6 or inet table, not ${family}`);
  const spec = chain.spec;
  if (spec) {
    if (spec.type !== 'nat') fail('chain-type', path, `${nat.kind} only works in a \`type nat\` chain; chain ${chain.name} is type ${spec.type}`);
    const hooks = nat.kind === 'snat' ? ['postrouting', 'input'] : nat.kind === 'masquerade' ? ['postrouting'] : ['prerouting', 'output'];
    if (!hooks.includes(spec.hook)) fail('chain-type', path, `${nat.kind} only works in ${hooks.join('/')} chains, not ${spec.hook}`);
  }
  if (fam === 6 && family === 'ip') fail('family', path, `${nat.kind} to an IPv6 address in an ip table`);
  if (fam === 4 && family === 'ip6') fail('family', path, `${nat.kind} to an IPv4 address in an ip6 table`);
  if (nat.hasPort && !['tcp', 'udp', 'sctp', 'dccp', 'udplite'].some((x) => l4.has(x))) {
    fail('needs-protocol', path, `${nat.kind} with a port needs a transport match (match.tcp.*, match.udp.* or match.meta.l4proto) before it`);
  }
}

/** A table under construction. */
export class NftTableBuilder {
  readonly family: NftFamily;
  readonly name: string;
  readonly #chains: NftChainBuilder[] = [];
  readonly #sets: SetDecl[] = [];

  /** Use `nft.table`. */
  constructor(family: NftFamily, name: string) {
    if (!Object.hasOwn(FAMILY_HOOKS, family)) fail('invalid-value', 'nft.table', `${describe(family)} is not an nft family (${Object.keys(FAMILY_HOOKS).join(', ')})`);
    this.family = family;
    this.name = checkName(name, 'nft.table', 'table');
  }

  /** Adds a chain (base chain with `spec`, regular chain without) and returns it. */
  chain(name: string, spec?: NftBaseChainSpec): NftChainBuilder {
    checkName(name, `table ${this.name}.chain`, 'chain');
    this.#checkFree(name, 'chain');
    const c = new NftChainBuilder(this, name, spec);
    this.#chains.push(c);
    return c;
  }

  /** Adds a named set with typed elements; returns the table. */
  set<T extends NftSetType>(name: string, spec: NftSetSpec<T>): this {
    checkName(name, `table ${this.name}.set`, 'set');
    this.#checkFree(name, 'set');
    const flags = checkFlags(spec.flags, `set ${name}.flags`);
    const path = `set ${name}.elements`;
    const elements = (spec.elements ?? []).map((e, i) => elementText(checkSetType(spec.type, `set ${name}.type`), e, `${path}[${i}]`, flags.includes('interval')));
    checkElements(spec.type, elements, path);
    this.#sets.push({ name, kind: 'set', type: spec.type, flags, elements, verdicts: [] });
    return this;
  }

  /** Adds a named map (`dataType: 'verdict'` for a verdict map); returns the table. */
  map<K extends NftSetType, D extends NftMapDataType>(name: string, spec: NftMapSpec<K, D>): this {
    checkName(name, `table ${this.name}.map`, 'map');
    this.#checkFree(name, 'map');
    const flags = checkFlags(spec.flags, `map ${name}.flags`);
    const path = `map ${name}.elements`;
    checkSetType(spec.type, `map ${name}.type`);
    if (spec.dataType !== 'verdict') checkSetType(spec.dataType, `map ${name}.dataType`);
    const verdicts: NftVerdict[] = [];
    const keys: string[] = [];
    const elements = (spec.elements ?? []).map(([k, val], i) => {
      const key = elementText(spec.type, k, `${path}[${i}][0]`, flags.includes('interval'));
      keys.push(key);
      let value: string;
      if (spec.dataType === 'verdict') {
        value = verdictValue(val, `${path}[${i}][1]`);
        verdicts.push(val as NftVerdict);
      } else {
        value = elementText(spec.dataType, val, `${path}[${i}][1]`, false);
      }
      return `${key} : ${value}`;
    });
    checkElements(spec.type, keys, path);
    this.#sets.push({ name, kind: 'map', type: spec.type, dataType: spec.dataType, flags, elements, verdicts });
    return this;
  }

  #checkFree(name: string, what: string): void {
    if (what === 'chain' ? this.#chains.some((c) => c.name === name) : this.#sets.some((x) => x.name === name)) {
      fail('duplicate', `table ${this.name}.${what}`, `a ${what} named \`${name}\` already exists in table ${this.family} ${this.name}`);
    }
  }

  /** Checks cross references (jump targets, set lookups, loops) and prints `nft list ruleset` layout. */
  print(): string {
    this.#checkReferences();
    const parts: string[] = [];
    for (const x of this.#sets) parts.push(printSet(x));
    for (const c of this.#chains) parts.push(printChain(c));
    return `table ${this.family} ${this.name} {\n${parts.join('\n')}}\n`;
  }

  #checkReferences(): void {
    const chains = new Map(this.#chains.map((c) => [c.name, c]));
    const sets = new Map(this.#sets.map((x) => [x.name, x]));
    const edges = new Map<string, string[]>();
    const jumpTo = (from: NftChainBuilder, v: NftStatement, path: string): void => {
      const target = chains.get(v.jump!);
      if (!target) fail('invalid-name', path, `\`${v.text}\`: no chain \`${v.jump}\` in table ${this.family} ${this.name}`);
      if (target.spec) fail('invalid-name', path, `\`${v.text}\`: chain \`${v.jump}\` is a base chain; only regular chains can be jumped to`);
      edges.get(from.name)!.push(target.name);
    };
    for (const c of this.#chains) edges.set(c.name, []);
    for (const c of this.#chains) {
      for (const r of c.rules) {
        for (const p of r.parts) {
          if (p.kind === 'match' && p.setRef) {
            const x = sets.get(p.setRef.name);
            if (!x || x.kind !== 'set') fail('invalid-name', r.path, `\`${p.text}\`: no set \`${p.setRef.name}\` in table ${this.family} ${this.name}`);
            if (x.type !== p.setRef.type) fail('invalid-value', r.path, `\`${p.text}\`: set \`${x.name}\` holds ${x.type}, the match needs ${p.setRef.type}`);
          }
          if (p.kind !== 'statement') continue;
          if (p.jump) jumpTo(c, p, r.path);
          for (const vv of p.vmapVerdicts ?? []) if (vv.jump) jumpTo(c, vv, r.path);
          if (p.vmapRef) {
            const x = sets.get(p.vmapRef);
            if (!x || x.kind !== 'map' || x.dataType !== 'verdict') fail('invalid-name', r.path, `\`${p.text}\`: no verdict map \`${p.vmapRef}\` in table ${this.family} ${this.name}`);
            for (const vv of x.verdicts) if (vv.jump) jumpTo(c, vv, r.path);
          }
        }
      }
    }
    // jump loops pass `nft -c` but fail a real load with "Too many links"
    const state = new Map<string, 1 | 2>();
    const visit = (n: string, trail: string[]): void => {
      if (state.get(n) === 2) return;
      if (state.get(n) === 1) fail('invalid-value', `table ${this.name}`, `jump loop: ${[...trail.slice(trail.indexOf(n)), n].join(' → ')} (nft: Too many links)`);
      state.set(n, 1);
      for (const t of edges.get(n) ?? []) visit(t, [...trail, n]);
      state.set(n, 2);
    };
    for (const c of this.#chains) visit(c.name, []);
    // what regular chains contain must work on every hook that reaches them
    for (const base of this.#chains) {
      if (!base.spec) continue;
      const seen = new Set<string>();
      const stack = [...(edges.get(base.name) ?? [])];
      while (stack.length) {
        const n = stack.pop()!;
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(...(edges.get(n) ?? []));
        checkJumpContext(base, chains.get(n)!, `chain ${n}`);
      }
    }
  }
}

/** Statements in a regular chain are checked against the base chain that jumps to it. */
function checkJumpContext(from: NftChainBuilder, target: NftChainBuilder, path: string): void {
  const base = from.spec;
  if (!base) return;
  for (const r of target.rules) {
    for (const p of r.parts) {
      if (p.kind === 'statement' && p.nat) {
        const ok = base.type === 'nat' && (p.nat.kind === 'snat' ? ['postrouting', 'input'] : p.nat.kind === 'masquerade' ? ['postrouting'] : ['prerouting', 'output']).includes(base.hook);
        if (!ok) fail('chain-type', path, `chain ${target.name} uses ${p.nat.kind}, which does not work when reached from ${base.type} ${base.hook} chain ${from.name}`);
      }
      if (p.kind === 'statement' && p.reject && !['input', 'forward', 'output'].includes(base.hook)) {
        fail('target-hook', path, `chain ${target.name} uses reject, which does not work when reached from the ${base.hook} hook`);
      }
      if (p.kind === 'match' && p.iface === 'out' && ['prerouting', 'input', 'ingress'].includes(base.hook)) {
        fail('interface-direction', path, `chain ${target.name} matches \`${p.text}\` but is reached from the ${base.hook} hook`);
      }
      if (p.kind === 'match' && p.iface === 'in' && ['output', 'egress'].includes(base.hook)) {
        fail('interface-direction', path, `chain ${target.name} matches \`${p.text}\` but is reached from the ${base.hook} hook`);
      }
    }
  }
}

function checkSetType<T extends NftSetType>(type: T, path: string): T {
  if (!['ipv4_addr', 'ipv6_addr', 'inet_service', 'ifname', 'mark', 'inet_proto'].includes(type)) fail('invalid-value', path, `${describe(type)} is not a supported set type`);
  return type;
}

function checkFlags(flags: readonly NftSetFlag[] | undefined, path: string): NftSetFlag[] {
  const order: NftSetFlag[] = ['constant', 'dynamic', 'interval', 'timeout'];
  for (const f of flags ?? []) if (!order.includes(f)) fail('invalid-value', path, `${describe(f)} is not one of ${order.join(', ')}`);
  return order.filter((f) => flags?.includes(f));
}

function printSet(x: SetDecl): string {
  let out = `\t${x.kind} ${x.name} {\n\t\ttype ${x.type}${x.kind === 'map' ? ` : ${x.dataType}` : ''}\n`;
  if (x.flags.length) out += `\t\tflags ${x.flags.join(',')}\n`;
  if (x.elements.length) out += `\t\telements = { ${x.elements.join(', ')} }\n`;
  return `${out}\t}\n`;
}

function printChain(c: NftChainBuilder): string {
  let out = `\tchain ${c.name} {\n`;
  const sp = c.spec;
  if (sp) {
    const family = c.table.family;
    out += `\t\ttype ${sp.type} hook ${sp.hook}${sp.device ? ` device "${sp.device}"` : ''} priority ${printPrio(sp.priorityValue, family, sp.hook)}; policy ${sp.policy ?? 'accept'};\n`;
  }
  for (const r of c.rules) out += `\t\t${printRule(c, r.parts)}\n`;
  return `${out}\t}\n`;
}

function printRule(c: NftChainBuilder, parts: readonly NftRulePart[]): string {
  const words: string[] = [];
  let comment = '';
  for (const p of parts) {
    if (p.kind === 'comment') comment = `comment "${p.text}"`;
    else if (p.kind === 'statement' && p.nat?.family !== undefined && c.table.family === 'inet') {
      // inet tables need the address family spelled out (`snat ip to …`)
      words.push(p.text.replace(/^(snat|dnat) /, `$1 ${p.nat.family === 6 ? 'ip6' : 'ip'} `));
    } else words.push(p.text);
  }
  if (comment) words.push(comment);
  return words.join(' ');
}

/** Several tables printed in order, as one `nft -f` file. */
export function nftRuleset(...tables: NftTableBuilder[]): string {
  const seen = new Set<string>();
  for (const t of tables) {
    const id = `${t.family} ${t.name}`;
    if (seen.has(id)) fail('duplicate', 'nftRuleset', `table ${id} is given twice`);
    seen.add(id);
  }
  return tables.map((t) => t.print()).join('');
}

/** Entry point: `nft.table('inet', 'filter').chain(…).rule(…)`. */
export const nft = {
  table: (family: NftFamily, name: string): NftTableBuilder => new NftTableBuilder(family, name),
  ruleset: nftRuleset,
} as const;
