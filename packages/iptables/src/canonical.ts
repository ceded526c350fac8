import { Validator } from 'ip-num';
import type { IptFamily, IptOption, IptParam, IptRuleSpec } from './ast.js';
import { PROTOCOLS, detach, isIPv4, isIPv6, parseUint, portNumber, protocolNumber, scanPlainIPv4Prefix } from './values.js';

/** Canonical protocol names by number (the first name of `PROTOCOLS` for each number). */
const PROTO_NAME = new Map<number, string>();
for (const [name, num] of Object.entries(PROTOCOLS)) {
  if (name === 'all' || name === 'ip' || name === 'icmpv6') continue;
  if (!PROTO_NAME.has(num)) PROTO_NAME.set(num, name);
}

/** Options whose values are ports or port ranges. */
const PORT_OPTS = new Set(['source-port', 'destination-port', 'ctorigsrcport', 'ctorigdstport', 'ctreplsrcport', 'ctrepldstport', 'vport', 'vportctl', 'on-port']);
const PORT_LIST_OPTS = new Set(['source-ports', 'destination-ports', 'ports']);
const SET_LIKE_OPTS = new Set(['ctstate', 'state', 'ctstatus', 'weekdays', 'monthdays']);

function normPort(v: string): string {
  const n = portNumber(v);
  return n === undefined ? v : String(n);
}

function normPortRange(v: string): string {
  const parts = v.split(':');
  if (parts.length !== 2) return normPort(v);
  const a = parts[0] === '' ? '0' : normPort(parts[0]!);
  const b = parts[1] === '' ? '65535' : normPort(parts[1]!);
  return a === b ? a : `${a}:${b}`;
}

function ipv4ToInt(a: string): number {
  return a.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
}
function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** `10.0.0.1/24` → `10.0.0.0/24`; `10.0.0.1` → `10.0.0.1/32`; masks → prefix lengths; IPv6 compressed. */
export function normalizeAddress(v: string, family: IptFamily): string {
  if (family === 'ipv4') {
    const fast = normalizeIPv4Fast(v);
    if (fast !== undefined) return fast;
  }
  return normalizeAddressSlow(v, family);
}

/**
 * The common IPv4 case of `normalizeAddress` with integer arithmetic: a dotted quad, optionally
 * with a decimal prefix length 0-32. Undefined for anything else (masks, IPv6, odd input), which
 * takes the general path.
 */
function normalizeIPv4Fast(v: string): string | undefined {
  const scanned = scanPlainIPv4Prefix(v);
  if (scanned < 0) return undefined;
  const ip = Math.floor(scanned / 64);
  const len = scanned % 64;
  const net = len === 0 ? 0 : (ip & (0xffffffff << (32 - len))) >>> 0;
  return `${net >>> 24}.${(net >>> 16) & 255}.${(net >>> 8) & 255}.${net & 255}/${len}`;
}

function normalizeAddressSlow(v: string, family: IptFamily): string {
  const slash = v.indexOf('/');
  const addr = slash < 0 ? v : v.slice(0, slash);
  const maskText = slash < 0 ? undefined : v.slice(slash + 1);
  if (family === 'ipv4' && isIPv4(addr)) {
    let len = 32;
    if (maskText !== undefined) {
      if (/^[0-9]+$/.test(maskText)) len = Number(maskText);
      else if (isIPv4(maskText)) {
        const m = ipv4ToInt(maskText);
        len = 32 - Math.log2(2 ** 32 - m);
        if (!Number.isInteger(len)) return `${addr}/${maskText}`;
      }
    }
    // iptables refuses a prefix over 32 (a syntax error elsewhere): keep the text as written
    if (len > 32) return v;
    const mask = len === 0 ? 0 : (2 ** 32 - 2 ** (32 - len));
    const net = Number(BigInt(ipv4ToInt(addr)) & BigInt(mask));
    return `${intToIpv4(net)}/${len}`;
  }
  if (family === 'ipv6' && isIPv6(addr)) {
    let len = 128;
    if (maskText !== undefined && /^[0-9]+$/.test(maskText)) len = Number(maskText);
    if (len > 128) return v;
    try {
      const [ok] = Validator.isValidIPv6String(addr);
      if (!ok) return v;
      const big = ipv6ToBig(addr);
      const mask = len === 0 ? 0n : ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - len)) - 1n);
      return `${bigToIpv6(big & mask)}/${len}`;
    } catch {
      return v;
    }
  }
  return v;
}

function ipv6ToBig(a: string): bigint {
  let text = a;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4ToInt(v4[1]!);
    text = text.slice(0, -v4[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const groups = tail !== undefined ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n);
}

function bigToIpv6(n: bigint): string {
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((n >> BigInt(i * 16)) & 0xffffn).toString(16));
  // Longest run of zeros (length ≥ 2) becomes `::`.
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

function normNumber(v: string): string {
  const n = parseUint(v);
  return n === undefined ? v : n.toString();
}

function normOptionValue(name: string, args: readonly string[]): string[] {
  if (PORT_OPTS.has(name)) return args.map(normPortRange);
  if (PORT_LIST_OPTS.has(name)) return args.map((a) => a.split(',').map(normPortRange).join(','));
  if (SET_LIKE_OPTS.has(name)) return args.map((a) => a.split(',').sort().join(','));
  if (name === 'tcp-flags') return args.map((a) => a.toUpperCase().split(',').sort().join(','));
  return args.map((a) => (/^(0x[0-9a-f]+|[0-9]+)$/i.test(a) ? normNumber(a) : a));
}

function canonOptions(options: readonly IptOption[]): string[][] {
  const list = options.map((o) => {
    let name = o.name;
    let args = o.args.map((a) => a.text);
    if (name === 'syn') {
      name = 'tcp-flags';
      args = ['FIN,SYN,RST,ACK', 'SYN'];
    }
    return [o.negated ? '!' : '', `--${name}`, ...normOptionValue(name, args)];
  });
  return list.sort((a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
}

const REJECT_ALIASES: Readonly<Record<string, string>> = {
  'net-unreach': 'icmp-net-unreachable', 'host-unreach': 'icmp-host-unreachable', 'port-unreach': 'icmp-port-unreachable',
  'proto-unreach': 'icmp-proto-unreachable', 'net-prohib': 'icmp-net-prohibited', 'host-prohib': 'icmp-host-prohibited',
  'admin-prohib': 'icmp-admin-prohibited', 'tcp-rst': 'tcp-reset', 'no-route': 'icmp6-no-route', 'adm-prohibited': 'icmp6-adm-prohibited',
  'addr-unreach': 'icmp6-addr-unreachable', 'policy-fail': 'icmp6-policy-fail', 'reject-route': 'icmp6-reject-route',
};
const LOG_LEVEL: Readonly<Record<string, string>> = { emerg: '0', panic: '0', alert: '1', crit: '2', err: '3', error: '3', warning: '4', warn: '4', notice: '5', info: '6', debug: '7' };

function canonTarget(rule: IptRuleSpec, family: IptFamily): string[] {
  const t = rule.target;
  if (!t) return [];
  let opts = canonOptions(t.options);
  if (t.name === 'REJECT') {
    const w = opts.find((o) => o[1] === '--reject-with');
    const v = w?.[2] ?? (family === 'ipv4' ? 'icmp-port-unreachable' : 'icmp6-port-unreachable');
    const port = family === 'ipv6' && v === 'port-unreach' ? 'icmp6-port-unreachable' : (REJECT_ALIASES[v] ?? v);
    opts = [['', '--reject-with', port]];
  }
  if (t.name === 'LOG') {
    opts = opts
      // a value may be missing in a rule with syntax errors: keep such an option as written
      .map((o) => (o[1] === '--log-level' && o[2] !== undefined ? ['', '--log-level', LOG_LEVEL[o[2].toLowerCase()] ?? o[2]] : o))
      .filter((o) => !(o[1] === '--log-level' && o[2] === '4'));
  }
  if (t.name === 'MARK' || t.name === 'CONNMARK') {
    opts = opts.map((o) => {
      if ((o[1] !== '--set-mark' && o[1] !== '--set-xmark') || o[2] === undefined) return o;
      const [v, m] = o[2].split('/');
      const value = parseUint(v ?? '0') ?? 0n;
      const mask = m === undefined ? 0xffffffffn : (parseUint(m) ?? 0xffffffffn);
      const xmask = o[1] === '--set-mark' ? (mask | value) : mask;
      return ['', '--set-xmark', `0x${value.toString(16)}/0x${xmask.toString(16)}`];
    });
  }
  return [t.goto ? '-g' : '-j', t.name, ...opts.flat()];
}

// ---------------------------------------------------------------------------------------------
// Condition strings, built directly (no intermediate arrays): each is the non-empty pieces of
// `[!] -x value` / `-m NAME [!] --opt args...` joined by single spaces, exactly as the array form
// `pieces.filter((x) => x !== '').join(' ')` would give.

/** `-p` values: canonical name (`6` → `tcp`, `TCP` → `tcp`, `0` → `all`); few distinct values, so memoised. */
const protoCanon = new Map<string, string>();
function canonProtocol(v: string): string {
  let r = protoCanon.get(v);
  if (r === undefined) {
    const n = protocolNumber(v);
    r = n === undefined ? v.toLowerCase() : n === 0 ? 'all' : (PROTO_NAME.get(n) ?? String(n));
    if (protoCanon.size < 4096) protoCanon.set(detach(v), (r = detach(r)));
  }
  return r;
}

/** The condition string of a parameter, or '' when it matches everything (`-p all`) or is absent. */
function paramToken(p: IptParam | undefined, family: IptFamily, value?: string): string {
  if (!p) return '';
  const flag = p.flag;
  let v = value ?? p.value?.text ?? '';
  if (flag === 'p') {
    v = canonProtocol(v);
    if (v === 'all' && !p.negated) return '';
  } else if (flag === 's' || flag === 'd') {
    v = normalizeAddress(v, family);
    // iptables stores `-s 0.0.0.0/0` as no source at all (`iptables -S` omits it)
    if (!p.negated && (v === '0.0.0.0/0' || v === '::/0')) return '';
  }
  const head = p.negated ? `! -${flag}` : `-${flag}`;
  return flag === 'f' || v === '' ? head : `${head} ${v}`;
}

const K_DEFAULT = 0;
const K_PORT = 1;
const K_PORT_LIST = 2;
const K_SET_LIKE = 3;
const K_TCP_FLAGS = 4;
const K_ICMP = 5;
const K_ICMP6 = 6;

/**
 * ICMP type names as the kernel stores them (`type` or `type/code`), as `iptables -S` prints them
 * (checked with iptables 1.8.9); other names (`any`) stay as written.
 */
const ICMP_NUMBERS: ReadonlyMap<string, string> = new Map([
  ['echo-reply', '0'], ['pong', '0'], ['destination-unreachable', '3'], ['network-unreachable', '3/0'], ['host-unreachable', '3/1'],
  ['protocol-unreachable', '3/2'], ['port-unreachable', '3/3'], ['fragmentation-needed', '3/4'], ['source-quench', '4'],
  ['redirect', '5'], ['echo-request', '8'], ['ping', '8'], ['router-advertisement', '9'], ['router-solicitation', '10'],
  ['time-exceeded', '11'], ['ttl-exceeded', '11'], ['parameter-problem', '12'], ['timestamp-request', '13'], ['timestamp-reply', '14'],
  ['address-mask-request', '17'], ['address-mask-reply', '18'],
]);
const ICMP6_NUMBERS: ReadonlyMap<string, string> = new Map([
  ['destination-unreachable', '1'], ['no-route', '1/0'], ['communication-prohibited', '1/1'], ['address-unreachable', '1/3'],
  ['port-unreachable', '1/4'], ['packet-too-big', '2'], ['time-exceeded', '3'], ['ttl-exceeded', '3'], ['parameter-problem', '4'],
  ['echo-request', '128'], ['ping', '128'], ['echo-reply', '129'], ['pong', '129'], ['router-solicitation', '133'],
  ['router-advertisement', '134'], ['neighbour-solicitation', '135'], ['neighbor-solicitation', '135'],
  ['neighbour-advertisement', '136'], ['neighbor-advertisement', '136'], ['redirect', '137'],
]);
/** How `normOptionValue` treats each option name, looked up once per name. */
const optionKinds = new Map<string, number>();
function optionKind(name: string): number {
  let k = optionKinds.get(name);
  if (k === undefined) {
    k = PORT_OPTS.has(name)
      ? K_PORT
      : PORT_LIST_OPTS.has(name)
        ? K_PORT_LIST
        : SET_LIKE_OPTS.has(name)
          ? K_SET_LIKE
          : name === 'tcp-flags'
            ? K_TCP_FLAGS
            : name === 'icmp-type'
              ? K_ICMP
              : name === 'icmpv6-type'
                ? K_ICMP6
                : K_DEFAULT;
    if (optionKinds.size < 4096) optionKinds.set(name, k);
  }
  return k;
}

/** True for `0` and decimal digits without a leading zero: values every normaliser keeps as they are. */
function isPlainDecimal(a: string): boolean {
  const n = a.length;
  if (n === 0) return false;
  const c0 = a.charCodeAt(0);
  if (c0 < 48 || c0 > 57 || (c0 === 48 && n > 1)) return false;
  for (let i = 1; i < n; i++) {
    const c = a.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `normOptionValue` for one argument, with shortcuts for values it keeps unchanged. */
function normArg(kind: number, a: string): string {
  switch (kind) {
    case K_PORT:
      // A port number (any size: too large ones are kept as written) is unchanged.
      return isPlainDecimal(a) ? a : normPortRange(a);
    case K_PORT_LIST: {
      let plain = true;
      let start = true;
      for (let i = 0; i < a.length; i++) {
        const c = a.charCodeAt(i);
        if (c === 44) {
          start = true;
          continue;
        }
        if (c < 48 || c > 57 || (start && c === 48 && i + 1 < a.length && a.charCodeAt(i + 1) !== 44)) {
          plain = false;
          break;
        }
        start = false;
      }
      return plain ? a : a.split(',').map(normPortRange).join(',');
    }
    case K_SET_LIKE:
      return a.indexOf(',') < 0 ? a : a.split(',').sort().join(',');
    case K_TCP_FLAGS:
      return a.toUpperCase().split(',').sort().join(',');
    case K_ICMP:
      return ICMP_NUMBERS.get(a.toLowerCase()) ?? a;
    case K_ICMP6:
      return ICMP6_NUMBERS.get(a.toLowerCase()) ?? a;
    default: {
      // `/^(0x[0-9a-f]+|[0-9]+)$/i` → strtoul value in decimal; anything else as written.
      const c0 = a.charCodeAt(0);
      if (!(c0 >= 48 && c0 <= 57)) return a;
      if (c0 !== 48 || a.length === 1) {
        for (let i = 1; i < a.length; i++) {
          const c = a.charCodeAt(i);
          if (c < 48 || c > 57) return a;
        }
        return a;
      }
      if (!/^(0x[0-9a-f]+|[0-9]+)$/i.test(a)) return a;
      if (a.length <= 15 && (a.charCodeAt(1) | 32) === 120) return String(parseInt(a.slice(2), 16));
      return normNumber(a);
    }
  }
}

const SYN_ARGS = ['FIN,SYN,RST,ACK', 'SYN'].map((a) => normArg(K_TCP_FLAGS, a)).join(' ');

/** One option as its condition string: `[! ]--name args...` (empty args dropped). */
function optionString(o: IptOption, name: string): string {
  let s = o.negated ? `! --${name}` : `--${name}`;
  if (o.name === 'syn') return `${s} ${SYN_ARGS}`;
  const args = o.args;
  if (args.length === 0) return s;
  const kind = optionKind(name);
  for (let k = 0; k < args.length; k++) {
    const v = normArg(kind, args[k]!.text);
    if (v !== '') s += ` ${v}`;
  }
  return s;
}

/** The options of a match or target, sorted by name (stably, as `canonOptions`), as one string. */
function optionsString(options: readonly IptOption[]): string {
  const n = options.length;
  if (n === 0) return '';
  if (n === 1) {
    const o = options[0]!;
    return optionString(o, o.name === 'syn' ? 'tcp-flags' : o.name);
  }
  const list: Array<{ name: string; text: string }> = [];
  let sorted = true;
  for (let k = 0; k < n; k++) {
    const o = options[k]!;
    const name = o.name === 'syn' ? 'tcp-flags' : o.name;
    if (k > 0 && name < list[k - 1]!.name) sorted = false;
    list.push({ name, text: optionString(o, name) });
  }
  if (!sorted) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let s = list[0]!.text;
  for (let k = 1; k < n; k++) s += ` ${list[k]!.text}`;
  return s;
}

/** `-m NAME options...` as one condition string. */
function matchToken(m: IptRuleSpec['matches'][number]): string {
  const head = m.name === '' ? '-m' : `-m ${m.name}`;
  const opts = optionsString(m.options);
  return opts === '' ? head : `${head} ${opts}`;
}

/**
 * The conditions of a rule spec as canonical strings, one per parameter or match (comment matches
 * excluded: they match everything). A rule whose conditions are a subset of another's matches at
 * least everything the other matches.
 */
export function conditionTokens(rule: IptRuleSpec, family: IptFamily, source?: string, destination?: string): string[] {
  const out: string[] = [];
  let t = paramToken(rule.source, family, source);
  if (t !== '') out.push(t);
  t = paramToken(rule.destination, family, destination);
  if (t !== '') out.push(t);
  t = paramToken(rule.inInterface, family);
  if (t !== '') out.push(t);
  t = paramToken(rule.outInterface, family);
  if (t !== '') out.push(t);
  t = paramToken(rule.protocol, family);
  if (t !== '') out.push(t);
  t = paramToken(rule.fragment, family);
  if (t !== '') out.push(t);
  const matches = rule.matches;
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    if (m.name !== 'comment') out.push(matchToken(m));
  }
  return out;
}

/**
 * Condition strings numbered during one analysis: equal strings get equal ids. Parameters (by
 * flag and value) and single-option matches (by module, option and argument) are looked up by
 * what they are built from, so their strings are built once. Scope it to one call (it is not bounded).
 */
export class TokenIds {
  readonly family: IptFamily;
  /** Id → condition string. */
  readonly strings: string[] = [];
  readonly ids = new Map<string, number>();
  /** By flag (`psdiof` order) and negation: value → id (-1: no condition); created on first use. */
  readonly params: Array<Map<string, number> | undefined> = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
  readonly matches = new Map<string, Map<string, Map<string, number>>>();
  constructor(family: IptFamily) {
    this.family = family;
  }
  /** The id of a condition string. */
  idOf(t: string): number {
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(t, id);
      this.strings.push(t);
    }
    return id;
  }
}

const FLAG_SLOT: Readonly<Record<IptParam['flag'], number>> = { p: 0, s: 2, d: 4, i: 6, o: 8, f: 10 };

function paramId(p: IptParam | undefined, cache: TokenIds, value: string | undefined): number {
  if (!p) return -1;
  const v = value ?? p.value?.text ?? '';
  const slot = FLAG_SLOT[p.flag] + (p.negated ? 1 : 0);
  const map = (cache.params[slot] ??= new Map());
  let id = map.get(v);
  if (id === undefined) {
    const t = paramToken(p, cache.family, value);
    map.set(v, (id = t === '' ? -1 : cache.idOf(t)));
  }
  return id;
}

function matchId(m: IptRuleSpec['matches'][number], cache: TokenIds): number {
  const opts = m.options;
  if (opts.length !== 1 || opts[0]!.args.length !== 1) return cache.idOf(matchToken(m));
  const o = opts[0]!;
  let byOption = cache.matches.get(m.name);
  if (!byOption) cache.matches.set(m.name, (byOption = new Map()));
  const optKey = o.negated ? `!${o.name}` : o.name;
  let byArg = byOption.get(optKey);
  if (!byArg) byOption.set(optKey, (byArg = new Map()));
  const arg = o.args[0]!.text;
  let id = byArg.get(arg);
  if (id === undefined) byArg.set(arg, (id = cache.idOf(matchToken(m))));
  return id;
}

/** The ids (in `cache`) of `conditionTokens(rule, ...)`, in the same order. */
export function conditionTokenIds(rule: IptRuleSpec, cache: TokenIds, source?: string, destination?: string): number[] {
  const out: number[] = [];
  let id = paramId(rule.source, cache, source);
  if (id >= 0) out.push(id);
  id = paramId(rule.destination, cache, destination);
  if (id >= 0) out.push(id);
  id = paramId(rule.inInterface, cache, undefined);
  if (id >= 0) out.push(id);
  id = paramId(rule.outInterface, cache, undefined);
  if (id >= 0) out.push(id);
  id = paramId(rule.protocol, cache, undefined);
  if (id >= 0) out.push(id);
  id = paramId(rule.fragment, cache, undefined);
  if (id >= 0) out.push(id);
  const matches = rule.matches;
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    if (m.name !== 'comment') out.push(matchId(m, cache));
  }
  return out;
}

/**
 * True when `conditionTokens(rule, ...)` is empty: the rule matches every packet. Computes the
 * address strings (as `conditionTokens` does) but builds no list.
 */
export function hasNoConditions(rule: IptRuleSpec, family: IptFamily, source?: string, destination?: string): boolean {
  const s = paramToken(rule.source, family, source) === '';
  const d = paramToken(rule.destination, family, destination) === '';
  if (!s || !d || rule.inInterface || rule.outInterface || rule.fragment) return false;
  if (paramToken(rule.protocol, family) !== '') return false;
  for (const m of rule.matches) if (m.name !== 'comment') return false;
  return true;
}

/**
 * The rule spec as iptables stores it, as one string: what `-D`/`-C` compare (facts §2.6).
 * Addresses and ports are normalised, options within a match are sorted (the kernel compares
 * match data, not option order), match order is kept, `-p tcp --dport` equals `-p tcp -m tcp --dport`.
 * `source`/`destination` override the (possibly comma-listed) -s/-d value for one expanded rule.
 */
export function canonicalRuleKey(rule: IptRuleSpec, family: IptFamily, source?: string, destination?: string): string {
  let key = '';
  const add = (piece: string): void => {
    if (piece !== '') key = key === '' ? piece : `${key} ${piece}`;
  };
  add(paramToken(rule.source, family, source));
  add(paramToken(rule.destination, family, destination));
  add(paramToken(rule.inInterface, family));
  add(paramToken(rule.outInterface, family));
  add(paramToken(rule.protocol, family));
  add(paramToken(rule.fragment, family));
  for (const m of rule.matches) add(matchToken(m));
  for (const piece of canonTarget(rule, family)) add(piece);
  return key;
}

/** `-s a,b -d c` expands into one rule per (source, destination) pair, as iptables does. */
export function expandAddresses(rule: IptRuleSpec): Array<{ source?: string; destination?: string }> {
  const srcs = rule.source?.value ? rule.source.value.text.split(',') : [undefined];
  const dsts = rule.destination?.value ? rule.destination.value.text.split(',') : [undefined];
  const out: Array<{ source?: string; destination?: string }> = [];
  for (const s of srcs) for (const d of dsts) out.push({ ...(s !== undefined ? { source: s } : {}), ...(d !== undefined ? { destination: d } : {}) });
  return out;
}
