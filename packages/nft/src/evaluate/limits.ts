// Numbers too wide for their header field or key: `ip ttl 256`, `ip dscp 64`, `vlan id 4096`,
// `meta mark set 0x100000000`, `tcp dport set 70000`. nft's evaluation refuses them with "Value N
// exceeds valid range 0-M" (ports: "Service out of range"), in nft 1.0.6 and 1.1.x
// (`expr_evaluate_integer`). Matches on ports, marks and protocol numbers are left to the
// `nft-set-element-type` rule, which already reports them; here they are checked in `set`
// statements only. Each field below was checked against the real nft at its maximum and one above.
import type { SyntaxProblem } from '@wglint/core';
import type { NftExpr, NftStatement } from '../ast.js';

/** Width in bits of the fields checked, by header (`meta`, `ct` for their keys) and field. */
const BITS = new Map<string, ReadonlyMap<string, number>>([
  ['ip', new Map([['ttl', 8], ['dscp', 6], ['length', 16], ['id', 16], ['version', 4], ['hdrlength', 4]])],
  ['ip6', new Map([['hoplimit', 8], ['flowlabel', 20], ['length', 16], ['dscp', 6]])],
  ['tcp', new Map([['window', 16], ['sequence', 32], ['urgptr', 16]])],
  ['udp', new Map([['length', 16]])],
  ['vlan', new Map([['id', 12], ['pcp', 3]])],
  ['ct', new Map([['zone', 16]])],
  ['meta', new Map([['length', 32]])],
]);
/** Checked in `set` statements only (matches are the nft-set-element-type rule's). */
const SET_ONLY_BITS = new Map<string, ReadonlyMap<string, number>>([
  ['meta', new Map([['mark', 32]])],
  ['ct', new Map([['mark', 32]])],
  ['tcp', new Map([['sport', 16], ['dport', 16]])],
  ['udp', new Map([['sport', 16], ['dport', 16]])],
  ['th', new Map([['sport', 16], ['dport', 16]])],
]);
const PORT = /^(tcp|udp|th) [sd]port$/;

/** The header and field of a plain selector (`ip ttl`, `meta mark`, `ct zone`), or null. */
function headerOf(e: NftExpr): string | null {
  if (e.type === 'NftPayload') return e.inner ? null : e.protocol;
  if (e.type === 'NftMeta') return 'meta';
  if (e.type === 'NftCt') return e.direction === null && e.protocol === null ? 'ct' : null;
  return null;
}

function fieldName(e: NftExpr): string {
  return e.type === 'NftPayload' ? e.field : e.type === 'NftMeta' || e.type === 'NftCt' ? e.key : '';
}

function bitsOf(e: NftExpr, table: ReadonlyMap<string, ReadonlyMap<string, number>>): number | undefined {
  const h = headerOf(e);
  return h === null ? undefined : table.get(h)?.get(fieldName(e));
}

const NUMBER = /^(0x[0-9a-fA-F]+|\d+)$/;

function checkNumber(e: NftExpr, field: string, bits: number, out: SyntaxProblem[]): void {
  if (e.type !== 'NftNumber' || !NUMBER.test(e.text)) return;
  const v = BigInt(e.text);
  const max = (1n << BigInt(bits)) - 1n;
  if (v <= max) return;
  const what = PORT.test(field) ? `port ${e.text} is out of range for \`${field}\`` : `value ${e.text} does not fit \`${field}\` (${bits} bits)`;
  const nft = PORT.test(field) ? 'Service out of range' : `Value ${v} exceeds valid range 0-${max}`;
  out.push({ range: e.range, message: `${what}; nft refuses it ("${nft}"); use a value from 0 to ${max}` });
}

/** Numbers in a match's value: plain, in a range, a list or an anonymous set. */
function checkValue(e: NftExpr, field: string, bits: number, out: SyntaxProblem[]): void {
  switch (e.type) {
    case 'NftNumber':
      checkNumber(e, field, bits, out);
      return;
    case 'NftRange':
      checkNumber(e.low, field, bits, out);
      checkNumber(e.high, field, bits, out);
      return;
    case 'NftList':
      for (const i of e.items) checkValue(i, field, bits, out);
      return;
    case 'NftSetExpr':
      for (const el of e.elements) if (el.key.type !== 'NftSetExpr') checkValue(el.key, field, bits, out);
      return;
    default:
      return;
  }
}

export function checkLimitsInStatement(st: NftStatement, out: SyntaxProblem[]): void {
  if (st.type === 'NftMatch') {
    const bits = bitsOf(st.left, BITS);
    if (bits !== undefined) checkValue(st.right, `${headerOf(st.left)} ${fieldName(st.left)}`, bits, out);
  } else if (st.type === 'NftMangle') {
    const bits = bitsOf(st.target, BITS) ?? bitsOf(st.target, SET_ONLY_BITS);
    if (bits !== undefined) checkNumber(st.value, `${headerOf(st.target)} ${fieldName(st.target)}`, bits, out);
  }
}
