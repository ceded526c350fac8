import { Validator } from 'ip-num';
import type { IptFamily } from './ast.js';

/** What a value check needs to know. */
export interface ValueContext {
  readonly family: IptFamily;
}

/**
 * Checks an option's argument. Returns undefined when valid, else a short reason
 * ("must be 0-255"), which the parser turns into a full message.
 */
export type ValueCheck = (value: string, ctx: ValueContext) => string | undefined;

/** Parses an unsigned integer as C's strtoul with base 0 (decimal, 0x hex, leading-0 octal). */
export function parseUint(text: string): bigint | undefined {
  if (/^0x[0-9a-f]+$/i.test(text)) return BigInt(text);
  if (/^0[0-7]*$/.test(text)) return BigInt('0o' + (text.slice(1) || '0'));
  if (/^[1-9][0-9]*$/.test(text)) return BigInt(text);
  return undefined;
}

const MAX: Record<number, bigint> = { 8: 0xffn, 16: 0xffffn, 32: 0xffffffffn, 64: 0xffffffffffffffffn };

/** An unsigned integer of `bits` bits within [min, max]. */
export function uint(bits: 8 | 16 | 32 | 64, min = 0, max?: number | bigint): ValueCheck {
  const hi = max === undefined ? MAX[bits]! : BigInt(max);
  const lo = BigInt(min);
  return (v) => {
    const n = parseUint(v);
    if (n === undefined || n < lo || n > hi) return `must be an integer ${lo}-${hi}`;
    return undefined;
  };
}

/** `a`, `a:b`, `:b`, `a:`, `:` with each side an unsigned integer of `bits` bits. Reversed ranges are accepted (reported elsewhere). */
export function uintRange(bits: 8 | 16 | 32 | 64, min = 0, max?: number): ValueCheck {
  const one = uint(bits, min, max);
  return (v, ctx) => {
    const parts = v.split(':');
    if (parts.length > 2) return 'must be a number or a range `min:max`';
    for (const p of parts) {
      if (parts.length === 2 && p === '') continue;
      const r = one(p, ctx);
      if (r) return r;
    }
    return undefined;
  };
}

/** Common service names from /etc/services that iptables resolves (tcp/udp). */
export const SERVICES: Readonly<Record<string, number>> = {
  tcpmux: 1, echo: 7, discard: 9, systat: 11, daytime: 13, netstat: 15, qotd: 17, chargen: 19, 'ftp-data': 20, ftp: 21,
  ssh: 22, telnet: 23, smtp: 25, time: 37, whois: 43, tacacs: 49, domain: 53, gopher: 70, finger: 79, http: 80, www: 80,
  kerberos: 88, 'iso-tsap': 102, pop3: 110, sunrpc: 111, auth: 113, nntp: 119, ntp: 123, epmap: 135, 'netbios-ns': 137,
  'netbios-dgm': 138, 'netbios-ssn': 139, imap2: 143, imap: 143, snmp: 161, 'snmp-trap': 162, bgp: 179, irc: 194,
  ldap: 389, https: 443, 'microsoft-ds': 445, kpasswd: 464, submissions: 465, syslog: 514, printer: 515, talk: 517,
  ntalk: 518, route: 520, ipp: 631, ldaps: 636, rsync: 873, 'ftps-data': 989, ftps: 990, telnets: 992, imaps: 993,
  pop3s: 995, socks: 1080, openvpn: 1194, 'ms-sql-s': 1433, 'ms-sql-m': 1434, l2f: 1701, radius: 1812,
  'radius-acct': 1813, nfs: 2049, mysql: 3306, 'ms-wbt-server': 3389, svn: 3690, sip: 5060, 'sip-tls': 5061,
  xmpp: 5222, postgresql: 5432, amqp: 5672, x11: 6000, bootps: 67, bootpc: 68, tftp: 69, isakmp: 500,
  'ipsec-nat-t': 4500, mdns: 5353, 'http-alt': 8080, webcache: 8080, 'dhcpv6-client': 546, 'dhcpv6-server': 547,
  domain_s: 853, 'domain-s': 853, submission: 587, sieve: 4190, git: 9418, zabbix: 10051, 'zabbix-agent': 10050,
};

/** A port: 0-65535 (decimal) or a service name. `allowZero` false for NAT-style ports (1-65535). */
export function portValue(v: string, allowZero = true): string | undefined {
  if (/^[0-9]+$/.test(v)) {
    const n = Number(v);
    if (n > 65535 || (!allowZero && n === 0)) return `port \`${v}' is out of range (${allowZero ? 0 : 1}-65535)`;
    return undefined;
  }
  if (Object.prototype.hasOwnProperty.call(SERVICES, v)) return undefined;
  return `\`${v}' is neither a port number nor a known service name`;
}

/** A port or a port range `a:b` (`:b`, `a:`, `:` allowed). */
export const portRange: ValueCheck = (v) => {
  const parts = v.split(':');
  if (parts.length > 2) return 'must be a port or a range `min:max`';
  for (const p of parts) {
    if (parts.length === 2 && p === '') continue;
    const r = portValue(p);
    if (r) return r;
  }
  return undefined;
};

export const port: ValueCheck = (v) => portValue(v);

/** The numeric value of a port word (number or known service), or undefined. */
export function portNumber(v: string): number | undefined {
  if (/^[0-9]+$/.test(v)) {
    const n = Number(v);
    return n <= 65535 ? n : undefined;
  }
  return Object.prototype.hasOwnProperty.call(SERVICES, v) ? SERVICES[v] : undefined;
}

/** A dotted quad `a.b.c.d`, each part 0-255. */
export function isIPv4(v: string): boolean {
  return dottedParts(v) === 4;
}

/** IPv4 as iptables reads it: dotted quads, also the short forms `10.1` / `1.2.3` it accepts. */
export function isIPv4Loose(v: string): boolean {
  return dottedParts(v) > 0;
}

/** Number of dot-separated decimal parts (each 1-3 digits, ≤ 255), or 0 when `v` is not of that form (max 4). */
function dottedParts(v: string): number {
  let parts = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i <= v.length; i++) {
    const c = i < v.length ? v.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255) return 0;
      parts++;
      if (parts > 4) return 0;
      digits = 0;
      value = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return 0;
      value = value * 10 + (c - 48);
    } else return 0;
  }
  return parts;
}

export function isIPv6(v: string): boolean {
  if (!v.includes(':')) return false;
  if (!/^[0-9a-fA-F:.]+$/.test(v)) return false;
  try {
    return Validator.isValidIPv6String(v)[0];
  } catch {
    return false;
  }
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?$/;

/** An address (or host name, which iptables resolves) of the family. */
export function hostValue(v: string, ctx: ValueContext): string | undefined {
  if (ctx.family === 'ipv4') {
    if (isIPv4Loose(v) && v.includes('.')) return undefined;
    if (v.includes(':')) return `\`${v}' is not an IPv4 address (an IPv6 address belongs in ip6tables)`;
    if (/^[0-9.]+$/.test(v)) return `\`${v}' is not a valid IPv4 address`;
    return HOSTNAME.test(v) ? undefined : `\`${v}' is not a valid address or host name`;
  }
  if (isIPv6(v)) return undefined;
  if (isIPv4(v)) return `\`${v}' is an IPv4 address; ip6tables needs an IPv6 address`;
  if (v.includes(':')) return `\`${v}' is not a valid IPv6 address`;
  return HOSTNAME.test(v) && !/^[0-9.]+$/.test(v) ? undefined : `\`${v}' is not a valid address or host name`;
}

/** `addr[/prefix]` or `addr/mask`. */
export function hostMaskValue(v: string, ctx: ValueContext): string | undefined {
  const slash = v.indexOf('/');
  const addr = slash < 0 ? v : v.slice(0, slash);
  const r = hostValue(addr, ctx);
  if (r) return r;
  if (slash < 0) return undefined;
  const mask = v.slice(slash + 1);
  const bits = ctx.family === 'ipv4' ? 32 : 128;
  if (/^[0-9]+$/.test(mask)) return Number(mask) <= bits ? undefined : `invalid prefix length \`${mask}' (0-${bits})`;
  if (ctx.family === 'ipv4' ? isIPv4(mask) : isIPv6(mask)) return undefined;
  return `invalid mask \`${mask}'`;
}

/**
 * A dotted quad with an optional decimal prefix length 0-32 (`10.0.0.1`, `10.0.0.0/8`: always valid
 * for IPv4), scanned without allocating (a hot path on large dumps): `address * 64 + length`
 * (length 32 without a prefix), or -1 for anything else (masks, IPv6, odd input).
 */
export function scanPlainIPv4Prefix(v: string): number {
  const n = v.length;
  let ip = 0;
  let parts = 0;
  let digits = 0;
  let value = 0;
  let i = 0;
  for (; i <= n; i++) {
    const c = i < n ? v.charCodeAt(i) : 47;
    if (c === 46 || c === 47) {
      if (digits === 0 || value > 255) return -1;
      ip = ip * 256 + value;
      parts++;
      digits = 0;
      value = 0;
      if (c === 47) break;
      if (parts === 4) return -1;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return -1;
      value = value * 10 + (c - 48);
    } else return -1;
  }
  if (parts !== 4) return -1;
  if (i >= n) return ip * 64 + 32;
  if (i + 1 >= n) return -1;
  let len = 0;
  for (let k = i + 1; k < n; k++) {
    const c = v.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    len = len * 10 + (c - 48);
    if (len > 32) return -1;
  }
  return ip * 64 + len;
}

/** Comma-separated addresses with optional masks (`-s`, `-d`). */
export const addressList: ValueCheck = (v, ctx) => {
  if (ctx.family === 'ipv4' && scanPlainIPv4Prefix(v) >= 0) return undefined;
  if (v === '') return 'an address is required';
  for (const item of v.split(',')) {
    if (item === '') return 'empty element in address list';
    const r = hostMaskValue(item, ctx);
    if (r) return r;
  }
  return undefined;
};

export const host: ValueCheck = (v, ctx) => hostValue(v, ctx);
export const hostMask: ValueCheck = (v, ctx) => hostMaskValue(v, ctx);

/**
 * Whether `v[from, to)` is an unsigned integer `parseUint` reads as below 2^32 without needing
 * BigInt: `0`, 1-9 decimal digits without a leading zero, or `0x` with 1-8 hex digits. False
 * means "not sure" (the caller then checks the slow way), never "invalid".
 */
function isSmallUint32(v: string, from: number, to: number): boolean {
  const len = to - from;
  if (len <= 0) return false;
  const c0 = v.charCodeAt(from);
  if (c0 === 48 /* 0 */) {
    if (len === 1) return true;
    const x = v.charCodeAt(from + 1);
    if ((x !== 120 && x !== 88) /* x X */ || len < 3 || len > 10) return false;
    for (let k = from + 2; k < to; k++) {
      const c = v.charCodeAt(k);
      if (c >= 48 && c <= 57) continue;
      const lower = c | 0x20; // A-F to a-f (and a-f unchanged)
      if (lower < 97 || lower > 102) return false;
    }
    return true;
  }
  if (c0 < 49 || c0 > 57 || len > 9) return false;
  for (let k = from + 1; k < to; k++) {
    const c = v.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const U32 = uint(32);
const CTX_ANY: ValueContext = Object.freeze({ family: 'ipv4' as const });

/** `v[/m]`, both 32-bit unsigned. */
export const markMask32: ValueCheck = (v) => {
  // Fast path for the usual `0x10` / `0x10/0xffffffff`: valid without splitting or BigInt.
  const slash = v.indexOf('/');
  if (slash < 0 ? isSmallUint32(v, 0, v.length) : isSmallUint32(v, 0, slash) && isSmallUint32(v, slash + 1, v.length) && v.indexOf('/', slash + 1) < 0) {
    return undefined;
  }
  const [a, b, ...rest] = v.split('/');
  if (rest.length) return 'must be `value[/mask]`';
  return U32(a ?? '', CTX_ANY) ?? (b === undefined ? undefined : U32(b, CTX_ANY));
};

/** IP protocol names iptables resolves (from /etc/protocols) plus `all`. */
export const PROTOCOLS: Readonly<Record<string, number>> = {
  all: 0, ip: 0, icmp: 1, igmp: 2, ggp: 3, ipencap: 4, st: 5, tcp: 6, egp: 8, igp: 9, pup: 12, udp: 17, hmp: 20,
  'xns-idp': 22, rdp: 27, 'iso-tp4': 29, dccp: 33, xtp: 36, ddp: 37, 'idpr-cmtp': 38, ipv6: 41, 'ipv6-route': 43,
  'ipv6-frag': 44, idrp: 45, rsvp: 46, gre: 47, esp: 50, ah: 51, skip: 57, 'ipv6-icmp': 58, icmpv6: 58, 'ipv6-nonxt': 59,
  'ipv6-opts': 60, rspf: 73, vmtp: 81, eigrp: 88, ospf: 89, 'ax.25': 93, ipip: 94, etherip: 97, encap: 98, pim: 103,
  ipcomp: 108, vrrp: 112, l2tp: 115, isis: 124, sctp: 132, fc: 133, 'mobility-header': 135, udplite: 136,
  'mpls-in-ip': 137, manet: 138, hip: 139, shim6: 140, wesp: 141, rohc: 142, ethernet: 143, mptcp: 262,
};

/**
 * A copy of `s` that shares no memory with the text it was cut from. Long-lived caches keep their
 * strings through this: a slice of a document (V8 keeps slices of 13 or more characters as views
 * into the whole text) would otherwise keep the whole document alive. Short strings are copies already.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
function detachOrNull(s: string | undefined): string | null {
  return s === undefined ? null : detach(s);
}

/** Results of `protocol` and `protocolNumber` by word (few distinct words in practice; bounded). */
const protocolChecks = new Map<string, string | null>();
const protocolNumbers = new Map<string, number | null>();
const MEMO_MAX = 4096;

/** A protocol name or number 0-255 (case-insensitive names). */
export const protocol: ValueCheck = (v) => {
  const hit = protocolChecks.get(v);
  if (hit !== undefined) return hit ?? undefined;
  let r: string | undefined;
  if (/^[0-9]+$/.test(v)) r = Number(v) <= 255 ? undefined : `protocol number \`${v}' is out of range (0-255)`;
  else r = Object.prototype.hasOwnProperty.call(PROTOCOLS, v.toLowerCase()) ? undefined : `unknown protocol \`${v}'`;
  if (protocolChecks.size < MEMO_MAX) protocolChecks.set(detach(v), detachOrNull(r));
  return r;
};

/** Protocol number of a name or number, or undefined. */
export function protocolNumber(v: string): number | undefined {
  const hit = protocolNumbers.get(v);
  if (hit !== undefined) return hit ?? undefined;
  let r: number | undefined;
  if (/^[0-9]+$/.test(v)) r = Number(v) <= 255 ? Number(v) : undefined;
  else r = PROTOCOLS[v.toLowerCase()];
  if (protocolNumbers.size < MEMO_MAX) protocolNumbers.set(detach(v), r ?? null);
  return r;
}

/** `xx:xx:xx:xx:xx:xx`. */
export const etherMac: ValueCheck = (v) => (/^[0-9a-f]{1,2}(:[0-9a-f]{1,2}){5}$/i.test(v) ? undefined : 'invalid MAC address (expected 6 hex bytes `aa:bb:cc:dd:ee:ff`)');

/** A prefix length for the family. */
export const plen: ValueCheck = (v, ctx) => {
  const max = ctx.family === 'ipv4' ? 32 : 128;
  return /^[0-9]+$/.test(v) && Number(v) <= max ? undefined : `must be a prefix length 0-${max}`;
};

export const double01: ValueCheck = (v) => {
  if (!/^[0-9]*\.?[0-9]+(e-?[0-9]+)?$/i.test(v)) return 'must be a number 0-1';
  const n = Number(v);
  return n >= 0 && n <= 1 ? undefined : 'must be a number 0-1';
};

const LOG_LEVELS = ['emerg', 'alert', 'crit', 'error', 'err', 'warning', 'warn', 'notice', 'info', 'debug', 'panic'];
export const syslogLevel: ValueCheck = (v) =>
  (/^[0-7]$/.test(v) || LOG_LEVELS.includes(v.toLowerCase()) ? undefined : `log level \`${v}' unknown (use 0-7 or emerg, alert, crit, error, warning, notice, info, debug)`);

const TOS_NAMES = ['minimize-delay', 'maximize-throughput', 'maximize-reliability', 'minimize-cost', 'normal-service'];
/** `value[/mask]` or a symbolic TOS name, value ≤ max. */
export function tosMask(max: number): ValueCheck {
  return (v) => {
    if (TOS_NAMES.includes(v.toLowerCase())) return undefined;
    const [a, b, ...rest] = v.split('/');
    if (rest.length) return 'must be `value[/mask]` or a TOS name';
    const n = parseUint(a ?? '');
    if (n === undefined) return `symbolic name \`${v}' is unknown`;
    if (n > BigInt(max)) return `must be 0-${max}`;
    if (b !== undefined) {
      const m = parseUint(b);
      if (m === undefined || m > 0xffn) return 'mask must be 0-255';
    }
    return undefined;
  };
}

/** One of the words, case-sensitive unless `ci`. */
export function oneOf(words: readonly string[], ci = false): ValueCheck {
  return (v) => {
    const x = ci ? v.toLowerCase() : v;
    return words.includes(x) ? undefined : `\`${v}' is not one of ${words.join(', ')}`;
  };
}

/** A comma list whose items are all in `words` (case-sensitive unless `ci`). */
export function listOf(words: readonly string[], ci = false): ValueCheck {
  return (v) => {
    for (const item of v.split(',')) {
      const x = ci ? item.toLowerCase() : item;
      if (!words.includes(x)) return `\`${item}' is not one of ${words.join(', ')}`;
    }
    return undefined;
  };
}

/** Any string, with optional length bounds. */
export function str(minLen = 0, maxLen = Infinity): ValueCheck {
  return (v) => {
    if (v.length < minLen) return minLen === 1 ? 'must not be empty' : `must be at least ${minLen} characters`;
    if (v.length > maxLen) return `must be at most ${maxLen} characters`;
    return undefined;
  };
}

export const anyString: ValueCheck = () => undefined;

/** An interface name: under 16 bytes, `+` suffix is a wildcard. */
export function interfaceName(v: string): string | undefined {
  if (v.length === 0) return 'an interface name is required';
  // At most 3 UTF-8 bytes per UTF-16 unit: 5 units always fit; ASCII is a byte per unit.
  if (v.length <= 5) return undefined;
  let ascii = true;
  for (let i = 0; i < v.length; i++) {
    if (v.charCodeAt(i) >= 128) {
      ascii = false;
      break;
    }
  }
  if (ascii ? v.length > 15 : Buffer.byteLength(v) > 15) return `interface name \`${v}' must be shorter than IFNAMSIZ (15)`;
  return undefined;
}

/** Whether a range value `a:b` is reversed (a > b), which never matches. */
export function isReversedRange(v: string): boolean {
  const parts = v.split(':');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return false;
  const a = /^[0-9]+$/.test(parts[0]!) || /^0x/i.test(parts[0]!) ? parseUint(parts[0]!) : BigInt(portNumber(parts[0]!) ?? -1);
  const b = /^[0-9]+$/.test(parts[1]!) || /^0x/i.test(parts[1]!) ? parseUint(parts[1]!) : BigInt(portNumber(parts[1]!) ?? -1);
  return a !== undefined && b !== undefined && a >= 0n && b >= 0n && a > b;
}
