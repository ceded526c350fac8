// Constant values as nft's evaluation step compares them (integers of any width, as bigint).
// Only literals are valued: numbers, IPv4/IPv6/MAC addresses, prefixes and ranges of them.
// Symbols (service names, `ssh`), variables and anything else are unknown (null), so the checks
// built on these helpers stay silent on them.
import { inetPton4, inetPton6 } from '@wglint/core';
import type { NftExpr } from '../ast.js';

/** What a literal is, so only like values are compared. */
export type ValueKind = 'number' | 'ip' | 'ip6' | 'ether';

export interface Valued {
  readonly kind: ValueKind;
  readonly value: bigint;
}

export interface Interval {
  readonly kind: ValueKind;
  readonly low: bigint;
  readonly high: bigint;
}

/** An IPv4 literal (inet_pton) as a number. */
export const ipv4Value = inetPton4;

/** `2001:db8::1`, `::ffff:10.0.0.1`, `[::1]`; null when it is not a plain IPv6 literal. */
export function ipv6Value(text: string): bigint | null {
  return inetPton6(text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text);
}

function etherValue(text: string): bigint | null {
  const parts = text.split(':');
  if (parts.length !== 6) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(p)) return null;
    v = (v << 8n) | BigInt(`0x${p}`);
  }
  return v;
}

const NUMBER = /^(0x[0-9a-fA-F]+|\d+)$/;

/** The value of a number or address literal, or null. */
export function valueOf(e: NftExpr): Valued | null {
  if (e.type === 'NftNumber') {
    if (!NUMBER.test(e.text)) return null;
    return { kind: 'number', value: BigInt(e.text) };
  }
  if (e.type === 'NftAddress') {
    const v = e.family === 'ip' ? ipv4Value(e.text) : e.family === 'ip6' ? ipv6Value(e.text) : etherValue(e.text);
    return v === null ? null : { kind: e.family, value: v };
  }
  return null;
}

const WIDTH: Record<ValueKind, bigint> = { number: 0n, ip: 32n, ip6: 128n, ether: 48n };

/**
 * The interval a set element key covers: a value is [v, v], `a-b` is [a, b], `addr/len` is the
 * network (host bits cleared, as nft stores it) to its last address. Null when not a literal.
 */
export function intervalOf(e: NftExpr): Interval | null {
  switch (e.type) {
    case 'NftRange': {
      const lo = valueOf(e.low);
      const hi = valueOf(e.high);
      if (!lo || !hi || lo.kind !== hi.kind) return null;
      return { kind: lo.kind, low: lo.value, high: hi.value };
    }
    case 'NftPrefix': {
      const a = valueOf(e.address);
      if (!a || a.kind === 'number') return null;
      const w = WIDTH[a.kind];
      const len = BigInt(e.length);
      if (len > w || len < 0n) return null;
      const hostBits = w - len;
      const hostMask = (1n << hostBits) - 1n;
      const low = a.value & ~hostMask;
      return { kind: a.kind, low, high: low | hostMask };
    }
    case 'NftParen':
      return intervalOf(e.expr);
    default: {
      const v = valueOf(e);
      return v ? { kind: v.kind, low: v.value, high: v.value } : null;
    }
  }
}

/** A literal as written (`10.0.0.0/8`, `1000-2000`), or null for anything else. */
export function literalText(e: NftExpr): string | null {
  switch (e.type) {
    case 'NftNumber':
    case 'NftAddress':
      return e.text;
    case 'NftPrefix': {
      const a = literalText(e.address);
      return a === null ? null : `${a}/${e.length}`;
    }
    case 'NftRange': {
      const lo = literalText(e.low);
      const hi = literalText(e.high);
      return lo === null || hi === null ? null : `${lo}-${hi}`;
    }
    default:
      return null;
  }
}
