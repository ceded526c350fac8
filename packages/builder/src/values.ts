import { IPv4CidrRange, IPv6, IPv6CidrRange, Validator } from 'ip-num';
import { fail } from './errors.js';

/** IP family of an address literal: 4, 6, or null when it is not one. */
export function ipFamily(text: string): 4 | 6 | null {
  if (Validator.isValidIPv4String(text)[0]) return 4;
  if (Validator.isValidIPv6String(text)[0]) return 6;
  return null;
}

/** A parsed `addr[/len]`. */
export interface Cidr {
  readonly family: 4 | 6;
  /** The address as the tools print it (IPv6 compressed per RFC 5952, lowercase). */
  readonly address: string;
  /** `address` or `address/prefix` in that form. */
  readonly canonical: string;
  /** Prefix length; null when not written. */
  readonly prefix: number | null;
  /** True when bits below the prefix are set (`10.0.0.1/24`). */
  readonly hostBits: boolean;
}

/** Parses `addr` or `addr/len` (IPv4 or IPv6), or returns null. */
export function parseCidrText(text: string): Cidr | null {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const family = ipFamily(address);
  if (family === null) return null;
  const canon = family === 6 && !address.includes('.') && !address.includes('%') ? compressV6(IPv6.fromString(address).toString()) : address;
  if (slash < 0) return { family, address: canon, canonical: canon, prefix: null, hostBits: false };
  const lenText = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(lenText)) return null;
  const prefix = Number(lenText);
  if (prefix > (family === 4 ? 32 : 128)) return null;
  const exact = family === 4 ? Validator.isValidIPv4CidrRange(text)[0] : Validator.isValidIPv6CidrRange(text)[0];
  return { family, address: canon, canonical: `${canon}/${prefix}`, prefix, hostBits: !exact };
}

/**
 * Checks an address or network. `hostBits: 'refuse'` is for networks (AllowedIPs, nft/iptables
 * matches, where the tools silently drop the host part); interface addresses keep them.
 */
export function checkCidr(text: string, path: string, opts: { hostBits: 'allow' | 'refuse'; family?: 4 | 6 }): Cidr {
  if (typeof text !== 'string') fail('invalid-cidr', path, 'expected a string such as `10.0.0.0/24`');
  const c = parseCidrText(text);
  if (!c) fail('invalid-cidr', path, `\`${text}\` is not an IPv4/IPv6 address or prefix; write e.g. \`10.0.0.0/24\` or \`fd00::/64\``);
  if (opts.family !== undefined && c.family !== opts.family) {
    fail('family', path, `\`${text}\` is an IPv${c.family} value where an IPv${opts.family} one is needed`);
  }
  if (opts.hostBits === 'refuse' && c.hostBits) {
    fail('invalid-cidr', path, `\`${text}\` has bits set below the prefix length; the tools silently use the network: write \`${networkText(c)}\``);
  }
  return c;
}

function networkText(c: Cidr): string {
  const text = `${c.address}/${c.prefix}`;
  if (c.family === 4) return `${IPv4CidrRange.fromCidr(text).getFirst().toString()}/${c.prefix}`;
  // ip-num prints IPv6 uncompressed; compress the longest zero run for the message
  const full = IPv6CidrRange.fromCidr(text).getFirst().toString();
  return `${compressV6(full)}/${c.prefix}`;
}

function compressV6(full: string): string {
  const parts = full.split(':').map((p) => p.replace(/^0+(?=.)/, ''));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < parts.length; ) {
    if (parts[i] !== '0') { i++; continue; }
    let j = i;
    while (j < parts.length && parts[j] === '0') j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  if (best < 0) return parts.join(':');
  return `${parts.slice(0, best).join(':')}::${parts.slice(best + bestLen).join(':')}`;
}

/** Checks an integer in [min, max]. */
export function checkInt(value: unknown, path: string, min: number, max: number, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(what === 'port' ? 'invalid-port' : 'invalid-number', path, `expected ${what === 'port' ? 'a port' : `an integer (${what})`} from ${min} to ${max}, got ${describe(value)}`);
  }
  return value;
}

/** Checks a port number (0-65535 unless `min` says otherwise). */
export function checkPort(value: unknown, path: string, min = 0): number {
  return checkInt(value, path, min, 65535, 'port');
}

/** A short, non-secret description of a value for messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `a ${value.length}-character string` : `\`${value}\``;
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** Interface names as the kernel accepts them (IFNAMSIZ 16 incl. NUL; no `/`, `:` or whitespace). */
export function checkIfName(name: unknown, path: string, allowWildcard = false): string {
  if (typeof name !== 'string' || name === '' || name.length > 15 || name === '.' || name === '..' || /[\s/:"]/.test(name)) {
    fail('invalid-name', path, `${describe(name)} is not an interface name (1-15 characters, no whitespace, \`/\`, \`:\` or quotes)`);
  }
  if (!allowWildcard && /[*+]/.test(name)) fail('invalid-name', path, `\`${name}\` contains a wildcard character`);
  return name;
}
