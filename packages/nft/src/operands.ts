// Typed views of operands for later stages: addresses and prefixes as ip-num values, port
// numbers and ranges, interface names with wildcards, set members, terminal statements.
import { IPv4, IPv4CidrRange, IPv6, IPv6CidrRange } from 'ip-num';
import type { NftExpr, NftStatement } from './ast.js';

/** An IPv4/IPv6 address literal as an ip-num value (null for MACs, symbols, invalid text). */
export function toIpAddress(e: NftExpr): IPv4 | IPv6 | null {
  if (e.type !== 'NftAddress' || e.family === 'ether') return null;
  try {
    return e.family === 'ip' ? IPv4.fromString(e.text) : IPv6.fromString(e.text.replace(/^\[|\]$/g, ''));
  } catch {
    return null;
  }
}

/** A prefix (`10.0.0.0/8`) or a single address (as /32 or /128) as an ip-num CIDR range. */
export function toCidr(e: NftExpr): IPv4CidrRange | IPv6CidrRange | null {
  const addr = e.type === 'NftPrefix' ? e.address : e;
  const ip = toIpAddress(addr);
  if (!ip) return null;
  const v4 = ip instanceof IPv4;
  const len = e.type === 'NftPrefix' ? e.length : v4 ? 32 : 128;
  if (len < 0 || len > (v4 ? 32 : 128)) return null;
  // nft stores `10.0.0.1/24` as `10.0.0.0/24`: clear the host bits first.
  const bits = v4 ? 32n : 128n;
  const mask = len === 0 ? 0n : ((1n << BigInt(len)) - 1n) << (bits - BigInt(len));
  const net = ip.getValue() & mask;
  try {
    return v4
      ? IPv4CidrRange.fromCidr(`${IPv4.fromNumber(net).toString()}/${len}`)
      : IPv6CidrRange.fromCidr(`${IPv6.fromBigInt(net).toString()}/${len}`);
  } catch {
    return null;
  }
}

/** A numeric port or port range (`22`, `1024-65535`); null for names and variables. */
export function toPortRange(e: NftExpr): { low: number; high: number } | null {
  if (e.type === 'NftNumber') return { low: e.value, high: e.value };
  if (e.type === 'NftRange' && e.low.type === 'NftNumber' && e.high.type === 'NftNumber') return { low: e.low.value, high: e.high.value };
  return null;
}

/** An interface name operand (`"wg0"`, `wg0`, `"wg*"`). */
export function toInterfaceName(e: NftExpr): { name: string; wildcard: boolean } | null {
  if (e.type === 'NftString') return { name: e.value, wildcard: false };
  if (e.type === 'NftSymbol') return { name: e.name, wildcard: false };
  if (e.type === 'NftWildcard') return { name: e.prefix, wildcard: true };
  return null;
}

/** Members of an anonymous set or comma list; a single value otherwise. */
export function membersOf(e: NftExpr): readonly NftExpr[] {
  if (e.type === 'NftSetExpr') return e.elements.map((x) => x.key);
  if (e.type === 'NftList') return e.items;
  return [e];
}

/**
 * Whether nft treats the statement as terminal (nothing may follow it in the rule): verdicts
 * other than `continue`, reject, NAT, fwd, queue (src/evaluate.c rule_evaluate).
 */
export function isTerminalStatement(s: NftStatement): boolean {
  if (s.type === 'NftVerdict') return s.verdict !== 'continue';
  if (s.type === 'NftNat') return true;
  if (s.type === 'NftStatement') return s.keyword === 'reject' || s.keyword === 'fwd' || s.keyword === 'queue';
  return false;
}
