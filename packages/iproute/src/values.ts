import type { Word } from '@wglint/core';
import { Validator } from 'ip-num';
import type { IpFwmark, IpNumber, IpPrefix, IpRangeValue, IpTableRef } from './ast.js';

/** `matches(word, full)` of iproute2: `word` is a non-empty prefix of `full`. */
export function matches(word: string, full: string): boolean {
  return word.length > 0 && word.length <= full.length && full.startsWith(word);
}

/**
 * `strtoul(text, 0)` as iproute2's `get_u32`/`get_unsigned` use it: decimal, `0x` hex or
 * leading-`0` octal, the whole text, at most `max`. Undefined when invalid.
 */
export function parseUnsigned(text: string, max = 0xffffffff): number | undefined {
  let v: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) v = parseInt(text.slice(2), 16);
  else if (/^0[0-7]*$/.test(text)) v = text.length > 1 ? parseInt(text.slice(1), 8) : 0;
  else if (/^[1-9][0-9]*$/.test(text)) v = Number(text);
  else return undefined;
  return Number.isFinite(v) && v <= max ? v : undefined;
}

export function numberOf(word: Word, max = 0xffffffff): IpNumber {
  return { word, value: parseUnsigned(word.text, max) };
}

/** `fwmark VALUE[/MASK]` (32-bit each). */
export function fwmarkOf(word: Word): IpFwmark {
  const [v, m, ...rest] = word.text.split('/');
  if (rest.length > 0) return { word, value: undefined, mask: undefined };
  return { word, value: parseUnsigned(v ?? ''), mask: m === undefined ? undefined : parseUnsigned(m) };
}

/** `N` or `N-M` with both ends ≤ max. */
export function rangeOf(word: Word, max: number): IpRangeValue {
  const m = /^([^-]+)(?:-([^-]+))?$/.exec(word.text);
  if (!m) return { word, from: undefined, to: undefined };
  const from = parseUnsigned(m[1]!, max);
  const to = m[2] === undefined ? from : parseUnsigned(m[2], max);
  return { word, from, to };
}

/** Table names iproute2 knows without rt_tables entries (Debian also lists `unspec` = 0). */
export const BUILTIN_TABLES: Readonly<Record<string, number>> = { local: 255, main: 254, default: 253, unspec: 0 };

export function tableOf(word: Word): IpTableRef {
  const n = parseUnsigned(word.text);
  if (n !== undefined) return { word, id: n, kind: 'number' };
  const b = BUILTIN_TABLES[word.text];
  if (b !== undefined) return { word, id: b, kind: 'builtin' };
  // rt_tables names: anything that is not a number (names may not start with a digit there either).
  if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(word.text)) return { word, id: undefined, kind: 'name' };
  return { word, id: undefined, kind: 'invalid' };
}

/** IPv4 as `get_addr_ipv4` reads it: 1 to 4 dotted decimal parts, missing ones zero. */
function ipv4ToNumber(text: string): number | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){0,3}$/.test(text)) return undefined;
  const parts = text.split('.').map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  while (parts.length < 4) parts.push(0);
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

function numberToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function ipv6ToBigInt(text: string): bigint | undefined {
  if (!text.includes(':')) return undefined;
  let t = text;
  // Embedded IPv4 tail (::ffff:1.2.3.4).
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(t);
  if (v4) {
    const n = ipv4ToNumber(v4[2]!);
    if (n === undefined || v4[2]!.split('.').length !== 4) return undefined;
    t = `${v4[1]}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  try {
    if (!Validator.isValidIPv6String(t)[0]) return undefined;
  } catch {
    return undefined;
  }
  const [head, tail] = t.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const tl = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - tl.length).fill('0'), ...tl];
  if (groups.length !== 8) return undefined;
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
}

function bigIntToIpv6(n: bigint): string {
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((n >> BigInt(i * 16)) & 0xffffn).toString(16));
  // Compress the longest run of zero groups.
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/**
 * Parses a prefix as `get_prefix` does (`default`/`all`/`any`, `ADDR`, `ADDR/LEN`, IPv4 `ADDR/MASK`).
 * `family` restricts the accepted family (`-4`/`-6`). Undefined when invalid.
 */
export function parsePrefix(text: string, family?: 4 | 6): IpPrefix | undefined {
  if (text === 'default' || text === 'all' || text === 'any') {
    return { text, family, isDefault: true, address: '', length: 0, explicitLength: false, hostBits: false, network: text };
  }
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const lenText = slash < 0 ? undefined : text.slice(slash + 1);
  const n4 = family === 6 ? undefined : ipv4ToNumber(addr);
  if (n4 !== undefined) {
    let length = 32;
    if (lenText !== undefined) {
      const l = parseUnsigned(lenText, 32);
      if (l !== undefined) length = l;
      else {
        const mask = ipv4ToNumber(lenText);
        if (mask === undefined || lenText.split('.').length !== 4) return undefined;
        const bits = mask.toString(2).padStart(32, '0');
        if (!/^1*0*$/.test(bits)) return undefined;
        length = bits.indexOf('0') < 0 ? 32 : bits.indexOf('0');
      }
    }
    const maskN = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
    const net = (n4 & maskN) >>> 0;
    return {
      text,
      family: 4,
      isDefault: length === 0,
      address: numberToIpv4(n4),
      length,
      explicitLength: lenText !== undefined,
      hostBits: net !== n4,
      network: `${numberToIpv4(net)}/${length}`,
    };
  }
  const n6 = family === 4 ? undefined : ipv6ToBigInt(addr);
  if (n6 === undefined) return undefined;
  let length = 128;
  if (lenText !== undefined) {
    const l = parseUnsigned(lenText, 128);
    if (l === undefined) return undefined;
    length = l;
  }
  const maskN = length === 0 ? 0n : ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - length)) - 1n);
  const net = n6 & maskN;
  return {
    text,
    family: 6,
    isDefault: length === 0,
    address: bigIntToIpv6(n6),
    length,
    explicitLength: lenText !== undefined,
    hostBits: net !== n6,
    network: `${bigIntToIpv6(net)}/${length}`,
  };
}

/** Route/rule types (`rtnl_rtntype_a2n`). */
export const ROUTE_TYPES = new Set(['unicast', 'local', 'broadcast', 'multicast', 'throw', 'unreachable', 'prohibit', 'blackhole', 'nat', 'anycast', 'xresolve']);
/** Route scopes (`rtnl_rtscope_a2n`) plus numbers. */
export const SCOPES = new Set(['global', 'universe', 'nowhere', 'host', 'link', 'site']);
/** Route protocols from `rtnl_rtprot_a2n`'s built-in table plus /etc/iproute2/rt_protos. */
export const PROTOCOLS = new Set([
  'unspec', 'redirect', 'kernel', 'boot', 'static', 'gated', 'ra', 'mrt', 'zebra', 'bird', 'dnrouted', 'xorp', 'ntk', 'dhcp', 'keepalived',
  'babel', 'openr', 'bgp', 'isis', 'ospf', 'rip', 'eigrp',
]);
/** IP protocol names `ipproto` accepts (getprotobyname; common ones). */
export const IP_PROTOCOLS = new Set(['tcp', 'udp', 'icmp', 'ipv6-icmp', 'sctp', 'dccp', 'gre', 'esp', 'ah', 'udplite', 'ipip', 'ipv6', 'igmp', 'ospf', 'pim', 'vrrp', 'l2tp']);
