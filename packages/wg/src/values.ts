import type { TextRange } from '@wglint/core';
import type {
  WgCidrItem,
  WgCidrListValue,
  WgDnsListValue,
  WgEndpointValue,
  WgFwMarkValue,
  WgKeepaliveValue,
  WgKeyError,
  WgMtuValue,
  WgPortValue,
  WgTableValue,
  WgValue,
} from './ast.js';
import { bitWidth, hasHostBits, parseIp } from './ip.js';
import { isWgSpace, type WgKnownKey } from './keys.js';

/**
 * Reads a value the way its consumer does: wg keys after wg deletes all whitespace, wg-quick
 * keys after its trim. `raw` is the trimmed value text, starting at offset `start` in the file.
 */
export function parseValue(key: WgKnownKey | null, raw: string, start: number): WgValue {
  if (raw === '') return { kind: 'empty' };
  switch (key) {
    case 'PrivateKey':
    case 'PublicKey':
    case 'PresharedKey':
      return { kind: 'key', error: keyError(squeeze(raw, start).text) };
    case 'ListenPort':
      return parsePort(squeeze(raw, start).text);
    case 'FwMark':
      return parseFwMark(squeeze(raw, start).text);
    case 'PersistentKeepalive':
      return parseKeepalive(squeeze(raw, start).text);
    case 'Endpoint':
      return parseEndpoint(raw, start);
    case 'AllowedIPs':
      return parseAllowedIps(raw, start);
    case 'Address':
      return { kind: 'cidr-list', items: splitWords(raw, start).map((w) => parseCidr(w.text, w.range, false)) };
    case 'DNS':
      return parseDns(raw, start);
    case 'MTU':
      return parseMtu(raw);
    case 'Table':
      return parseTable(raw);
    case 'SaveConfig':
      return { kind: 'bool', bool: /^true$/i.test(raw) ? true : /^false$/i.test(raw) ? false : null };
    case 'PreUp':
    case 'PostUp':
    case 'PreDown':
    case 'PostDown': {
      const hash = raw.indexOf('#');
      return { kind: 'hook', command: raw, legacyCommand: hash < 0 ? raw : trimWs(raw.slice(0, hash)) };
    }
    default:
      return { kind: 'text' };
  }
}

const BASE64 = /^[A-Za-z0-9+/]*$/;
const CANONICAL_LAST = 'AEIMQUYcgkosw048';

/** Why wg's `key_from_base64` refuses `text`, or null when it accepts it (src/encoding.c). */
export function keyError(text: string): WgKeyError | null {
  if (text.length !== 44) return 'length';
  if (text[43] !== '=') return 'padding';
  if (!BASE64.test(text.slice(0, 43))) return 'characters';
  // The 43rd character carries 2 unused low bits that must be zero.
  if (!CANONICAL_LAST.includes(text[42]!)) return 'noncanonical';
  return null;
}

/**
 * A port as getaddrinfo reads it (strtoul with a sign): `+5` is 5 and `-0` is 0, a negative number
 * is refused ('negative'), other non-digits are a service name (undefined).
 */
function numericPort(text: string): number | 'negative' | undefined {
  const m = /^([+-]?)(\d+)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[2]);
  return m[1] === '-' && n !== 0 ? 'negative' : n;
}

function parsePort(text: string): WgPortValue {
  const n = numericPort(text);
  if (n === undefined) return { kind: 'port', port: null, service: text, error: null };
  if (n === 'negative') return { kind: 'port', port: null, service: null, error: 'negative' };
  return { kind: 'port', port: n, service: null, error: n > 65535 ? 'out-of-range' : null };
}

function parseFwMark(text: string): WgFwMarkValue {
  if (text.toLowerCase() === 'off') return { kind: 'fwmark', off: true, mark: 0, error: null };
  const bad = (error: WgFwMarkValue['error']): WgFwMarkValue => ({ kind: 'fwmark', off: false, mark: null, error });
  if (!/^\d/.test(text)) return bad('format');
  // wg switches to base 16 only on a lowercase `0x`; with `0X` strtoul stops at the `X`.
  if (/^0X[0-9a-fA-F]+$/.test(text)) return bad('uppercase-hex-prefix');
  const hex = text.length > 2 && text.startsWith('0x');
  if (!(hex ? /^0x[0-9a-fA-F]+$/ : /^\d+$/).test(text)) return bad('format');
  const mark = hex ? parseInt(text.slice(2), 16) : Number(text);
  if (mark > 0xffffffff) return bad('out-of-range');
  return { kind: 'fwmark', off: mark === 0, mark, error: null };
}

function parseKeepalive(text: string): WgKeepaliveValue {
  if (text.toLowerCase() === 'off') return { kind: 'keepalive', off: true, seconds: 0, error: null };
  if (!/^\d+$/.test(text)) return { kind: 'keepalive', off: false, seconds: null, error: 'format' };
  const seconds = Number(text);
  if (seconds > 65535) return { kind: 'keepalive', off: false, seconds: null, error: 'out-of-range' };
  return { kind: 'keepalive', off: seconds === 0, seconds, error: null };
}

function parseMtu(text: string): WgMtuValue {
  if (!/^\d+$/.test(text)) return { kind: 'mtu', mtu: null, error: 'not-a-number' };
  const mtu = Number(text);
  // 68 is the kernel's IPv4 minimum; 65535 the largest MTU any Ethernet-like device takes.
  return { kind: 'mtu', mtu, error: mtu < 68 ? 'too-small' : mtu > 65535 ? 'too-large' : null };
}

function parseTable(text: string): WgTableValue {
  // wg-quick compares `off`/`auto` case-sensitively after its case-insensitive key match.
  if (text === 'off' || text === 'auto') return { kind: 'table', mode: text, table: null };
  if (/^\d+$/.test(text)) return { kind: 'table', mode: 'number', table: Number(text) };
  return { kind: 'table', mode: 'name', table: null };
}

function parseEndpoint(raw: string, start: number): WgEndpointValue {
  const { text, at } = squeeze(raw, start);
  const span = (from: number, to: number): TextRange => ({ start: at(from), end: at(to - 1) + 1 });
  const base = { kind: 'endpoint', host: null, hostRange: null, hostKind: null, port: null, portRange: null, portNumber: null } as const;
  let hostFrom: number;
  let hostTo: number;
  let portFrom: number;
  const bracketed = text.startsWith('[');
  if (bracketed) {
    const close = text.indexOf(']');
    if (close < 0) return { ...base, bracketed, error: 'unmatched-bracket' };
    [hostFrom, hostTo, portFrom] = [1, close, close + 2];
    if (text[close + 1] !== ':' || close + 2 >= text.length) return { ...base, ...host(text, hostFrom, hostTo, span), bracketed, error: 'missing-port' };
  } else {
    const colon = text.lastIndexOf(':');
    if (colon < 0 || colon + 1 >= text.length) return { ...base, bracketed, error: 'missing-port' };
    [hostFrom, hostTo, portFrom] = [0, colon, colon + 1];
  }
  const port = text.slice(portFrom);
  const h = host(text, hostFrom, hostTo, span);
  const n = numericPort(port);
  return {
    ...base,
    ...h,
    port,
    portRange: span(portFrom, text.length),
    portNumber: typeof n === 'number' ? n : null,
    bracketed,
    error: !bracketed && h.host.includes(':') ? 'unbracketed-ipv6' : n === 'negative' ? 'negative-port' : null,
  };
}

function host(text: string, from: number, to: number, span: (a: number, b: number) => TextRange) {
  const h = text.slice(from, to);
  // `[fe80::1%eth0]`: getaddrinfo takes a zone id after a link-local IPv6 address.
  const zoned = /^([^%]+)%[A-Za-z0-9_.-]+$/.exec(h);
  const ip = parseIp(h) ?? (zoned && parseIp(zoned[1]!)?.family === 6 ? parseIp(zoned[1]!) : null);
  const hostKind: WgEndpointValue['hostKind'] = ip ? (ip.family === 4 ? 'ipv4' : 'ipv6') : 'hostname';
  return { host: h, hostRange: to > from ? span(from, to) : null, hostKind };
}

function parseAllowedIps(raw: string, start: number): WgCidrListValue {
  const items: WgCidrItem[] = [];
  let from = 0;
  for (const part of raw.split(',')) {
    const lead = part.length - part.trimStart().length;
    const trimmed = trimWs(part);
    const range = { start: start + from + lead, end: start + from + lead + trimmed.length };
    items.push(parseCidr(squeeze(trimmed, range.start).text, range, true));
    from += part.length + 1;
  }
  return { kind: 'cidr-list', items };
}

/** One `[+|-]ip[/cidr]` item as wg's `parse_allowedips` (or `ip address add`) reads it. */
export function parseCidr(text: string, range: TextRange, allowSign: boolean): WgCidrItem {
  const sign = allowSign && (text[0] === '+' || text[0] === '-') ? (text[0] as '+' | '-') : null;
  const body = sign ? text.slice(1) : text;
  const base = { text, range, sign, family: null, address: null, prefix: null, explicitPrefix: false, hostBits: false } as const;
  if (body === '') return { ...base, error: 'empty' };
  const slash = body.indexOf('/');
  const ip = parseIp(slash < 0 ? body : body.slice(0, slash));
  if (!ip) return { ...base, error: 'address' };
  const width = bitWidth(ip.family);
  let prefix = width;
  if (slash >= 0) {
    const mask = body.slice(slash + 1);
    if (!/^\d+$/.test(mask) || Number(mask) > width) return { ...base, family: ip.family, address: ip.value, error: 'prefix' };
    prefix = Number(mask);
  }
  return {
    ...base,
    family: ip.family,
    address: ip.value,
    prefix,
    explicitPrefix: slash >= 0,
    hostBits: hasHostBits(ip.value, ip.family, prefix),
    error: null,
  };
}

function parseDns(raw: string, start: number): WgDnsListValue {
  return {
    kind: 'dns-list',
    items: splitWords(raw, start).map((w) => ({
      ...w,
      // wg-quick: `^[0-9.]+$` or anything with a `:` is a nameserver, the rest search domains.
      role: /^[0-9.]+$/.test(w.text) || w.text.includes(':') ? 'nameserver' : 'search',
      family: parseIp(w.text)?.family ?? null,
    })),
  };
}

/** wg-quick's `${value//,/ }` word splitting: items separated by commas or blanks. */
function splitWords(raw: string, start: number): { text: string; range: TextRange }[] {
  const out: { text: string; range: TextRange }[] = [];
  for (const m of raw.matchAll(/[^,\s]+/g)) out.push({ text: m[0], range: { start: start + m.index, end: start + m.index + m[0].length } });
  return out;
}

/** `s` with every wg whitespace byte removed, and a map from its offsets back to the file. */
export function squeeze(s: string, start: number): { text: string; at: (i: number) => number } {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (isWgSpace(s[i]!)) continue;
    text += s[i];
    offsets.push(start + i);
  }
  return { text, at: (i) => offsets[Math.min(i, offsets.length - 1)] ?? start };
}

/** Trims the whitespace bash's `[[:space:]]` class covers. */
export function trimWs(s: string): string {
  return s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}
