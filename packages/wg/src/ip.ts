/** An address as `inet_pton` reads it: family, its value as a number, and the bit width. */
export interface ParsedIp {
  readonly family: 4 | 6;
  readonly value: bigint;
}

// inet_pton(AF_INET) wants exactly four decimal octets and rejects leading zeros ("010").
const IPV4 = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/**
 * Parses an IP address the way wg's `parse_ip` does (v6 iff it contains `:`), with glibc's
 * inet_pton rules. Hand-written rather than ip-num so that linting a wg0.conf does not load ip-num
 * (docs/performance.md, start-up).
 */
export function parseIp(text: string): ParsedIp | null {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === null ? null : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === null ? null : { family: 4, value };
}

function parseIpv4(text: string): bigint | null {
  if (!IPV4.test(text)) return null;
  let value = 0;
  for (const octet of text.split('.')) {
    const n = Number(octet);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return BigInt(value);
}

/** inet_pton(AF_INET6): 8 hex groups, one `::` for one or more zero groups, a dotted quad last. */
function parseIpv6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string, last: boolean): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const words = part.split(':');
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (last && i === words.length - 1 && w.includes('.')) {
        const v4 = parseIpv4(w);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (HEX_GROUP.test(w)) out.push(parseInt(w, 16));
      else return null;
    }
    return out;
  };
  const head = groupsOf(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1]!, true) : [];
  if (head === null || tail === null) return null;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const groups = [...head, ...new Array<number>(8 - count).fill(0), ...tail];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
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
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
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
