import { inetPton4, inetPton6 } from '@wglint/core';

/** An address as `inet_pton` reads it: family, its value as a number, and the bit width. */
export interface ParsedIp {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/**
 * Parses an IP address the way wg's `parse_ip` does (v6 iff it contains `:`), with glibc's
 * inet_pton rules (`inetPton4`/`inetPton6` in @wglint/core).
 */
export function parseIp(text: string): ParsedIp | null {
  if (text.includes(':')) {
    const value = inetPton6(text);
    return value === null ? null : { family: 6, value };
  }
  const value = inetPton4(text);
  return value === null ? null : { family: 4, value };
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
