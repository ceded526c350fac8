import { IPv4, IPv6 } from 'ip-num';

/** An address as `inet_pton` reads it: family, its value as a number, and the bit width. */
export interface ParsedIp {
  readonly family: 4 | 6;
  readonly value: bigint;
}

// inet_pton(AF_INET) wants exactly four decimal octets and rejects leading zeros ("010").
const IPV4 = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;
// inet_pton(AF_INET6) takes hex groups, `::` and a trailing dotted quad; no zone id (`%eth0`).
const IPV6_CHARS = /^[0-9A-Fa-f:.]+$/;

/** Parses an IP address the way wg's `parse_ip` does (v6 iff it contains `:`). */
export function parseIp(text: string): ParsedIp | null {
  try {
    if (text.includes(':')) {
      if (!IPV6_CHARS.test(text)) return null;
      if (text.includes('.') && !IPV4.test(text.slice(text.lastIndexOf(':') + 1))) return null;
      return { family: 6, value: IPv6.fromString(text).getValue() };
    }
    if (!IPV4.test(text)) return null;
    return { family: 4, value: IPv4.fromString(text).getValue() };
  } catch {
    return null;
  }
}

export function bitWidth(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

/** True when `value` has bits set below a /`prefix` mask. */
export function hasHostBits(value: bigint, family: 4 | 6, prefix: number): boolean {
  const hostBits = BigInt(bitWidth(family) - prefix);
  return (value & ((1n << hostBits) - 1n)) !== 0n;
}

/** The network address of `value`/`prefix` (host bits cleared). */
export function networkOf(value: bigint, family: 4 | 6, prefix: number): bigint {
  const hostBits = BigInt(bitWidth(family) - prefix);
  return (value >> hostBits) << hostBits;
}

/** Formats a numeric address back to text (compressed v6). */
export function formatIp(value: bigint, family: 4 | 6): string {
  if (family === 4) return IPv4.fromNumber(value).toString();
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((value >> BigInt(i * 16)) & 0xffffn).toString(16));
  // RFC 5952: compress the longest run (>= 2) of zero groups, the first one on ties.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}
