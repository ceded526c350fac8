import { Validator } from 'ip-num';
import type { IptFamily, IptOption, IptParam, IptRuleSpec } from './ast.js';
import { PROTOCOLS, isIPv4, isIPv6, parseUint, portNumber, protocolNumber } from './values.js';

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
    const mask = len === 0 ? 0 : (2 ** 32 - 2 ** (32 - len));
    const net = Number(BigInt(ipv4ToInt(addr)) & BigInt(mask));
    return `${intToIpv4(net)}/${len}`;
  }
  if (family === 'ipv6' && isIPv6(addr)) {
    let len = 128;
    if (maskText !== undefined && /^[0-9]+$/.test(maskText)) len = Number(maskText);
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
      .map((o) => (o[1] === '--log-level' ? ['', '--log-level', LOG_LEVEL[o[2]!.toLowerCase()] ?? o[2]!] : o))
      .filter((o) => !(o[1] === '--log-level' && o[2] === '4'));
  }
  if (t.name === 'MARK' || t.name === 'CONNMARK') {
    opts = opts.map((o) => {
      if (o[1] !== '--set-mark' && o[1] !== '--set-xmark') return o;
      const [v, m] = o[2]!.split('/');
      const value = parseUint(v ?? '0') ?? 0n;
      const mask = m === undefined ? 0xffffffffn : (parseUint(m) ?? 0xffffffffn);
      const xmask = o[1] === '--set-mark' ? (mask | value) : mask;
      return ['', '--set-xmark', `0x${value.toString(16)}/0x${xmask.toString(16)}`];
    });
  }
  return [t.goto ? '-g' : '-j', t.name, ...opts.flat()];
}

function canonParam(p: IptParam | undefined, family: IptFamily, value?: string): string[] {
  if (!p) return [];
  const flag = `-${p.flag}`;
  let v = value ?? p.value?.text ?? '';
  if (p.flag === 'p') {
    const n = protocolNumber(v);
    v = n === undefined ? v.toLowerCase() : n === 0 ? 'all' : (PROTO_NAME.get(n) ?? String(n));
  } else if (p.flag === 's' || p.flag === 'd') {
    v = normalizeAddress(v, family);
  }
  if (p.flag === 'p' && v === 'all' && !p.negated) return [];
  return [p.negated ? '!' : '', flag, ...(p.flag === 'f' ? [] : [v])];
}

/**
 * The conditions of a rule spec as canonical strings, one per parameter or match (comment matches
 * excluded: they match everything). A rule whose conditions are a subset of another's matches at
 * least everything the other matches.
 */
export function conditionTokens(rule: IptRuleSpec, family: IptFamily, source?: string, destination?: string): string[] {
  const out: string[] = [];
  for (const [p, v] of [
    [rule.source, source],
    [rule.destination, destination],
    [rule.inInterface, undefined],
    [rule.outInterface, undefined],
    [rule.protocol, undefined],
    [rule.fragment, undefined],
  ] as const) {
    const t = canonParam(p, family, v).filter((x) => x !== '').join(' ');
    if (t) out.push(t);
  }
  for (const m of rule.matches) {
    if (m.name === 'comment') continue;
    out.push(['-m', m.name, ...canonOptions(m.options).flat()].filter((x) => x !== '').join(' '));
  }
  return out;
}

/**
 * The rule spec as iptables stores it, as one string: what `-D`/`-C` compare (facts §2.6).
 * Addresses and ports are normalised, options within a match are sorted (the kernel compares
 * match data, not option order), match order is kept, `-p tcp --dport` equals `-p tcp -m tcp --dport`.
 * `source`/`destination` override the (possibly comma-listed) -s/-d value for one expanded rule.
 */
export function canonicalRuleKey(rule: IptRuleSpec, family: IptFamily, source?: string, destination?: string): string {
  const parts: string[] = [
    ...canonParam(rule.source, family, source),
    ...canonParam(rule.destination, family, destination),
    ...canonParam(rule.inInterface, family),
    ...canonParam(rule.outInterface, family),
    ...canonParam(rule.protocol, family),
    ...canonParam(rule.fragment, family),
  ];
  for (const m of rule.matches) parts.push('-m', m.name, ...canonOptions(m.options).flat());
  parts.push(...canonTarget(rule, family));
  return parts.filter((p) => p !== '').join(' ');
}

/** `-s a,b -d c` expands into one rule per (source, destination) pair, as iptables does. */
export function expandAddresses(rule: IptRuleSpec): Array<{ source?: string; destination?: string }> {
  const srcs = rule.source?.value ? rule.source.value.text.split(',') : [undefined];
  const dsts = rule.destination?.value ? rule.destination.value.text.split(',') : [undefined];
  const out: Array<{ source?: string; destination?: string }> = [];
  for (const s of srcs) for (const d of dsts) out.push({ ...(s !== undefined ? { source: s } : {}), ...(d !== undefined ? { destination: d } : {}) });
  return out;
}
