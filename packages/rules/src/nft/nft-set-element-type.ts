import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import type { NftExpr } from '@wglint/nft';
import { allRulesOf, nftLoads, nftFiles, reporter } from './utils.js';

type Problem = { range: { start: number; end: number }; message: string };

const PORT_FIELDS = new Set(['sport', 'dport']);
const PORT_PROTOS = new Set(['tcp', 'udp', 'udplite', 'sctp', 'dccp', 'th']);

/** The nft data type a selector expression has, for the types this rule checks. */
function typeOfSelector(e: NftExpr): string | null {
  if (e.type === 'NftPayload' && !e.inner) {
    if (e.protocol === 'ip' && (e.field === 'saddr' || e.field === 'daddr')) return 'ipv4_addr';
    if (e.protocol === 'ip6' && (e.field === 'saddr' || e.field === 'daddr')) return 'ipv6_addr';
    if (PORT_PROTOS.has(e.protocol) && PORT_FIELDS.has(e.field)) return 'inet_service';
    if (e.protocol === 'ip' && e.field === 'protocol') return 'inet_proto';
    if (e.protocol === 'ip6' && e.field === 'nexthdr') return 'inet_proto';
  }
  if (e.type === 'NftMeta' && e.key === 'l4proto') return 'inet_proto';
  if ((e.type === 'NftMeta' || e.type === 'NftCt') && e.key === 'mark') return 'mark';
  return null;
}

const TYPE_NAME: Record<string, string> = {
  ipv4_addr: 'an IPv4 address',
  ipv6_addr: 'an IPv6 address',
  inet_service: 'a port (0-65535)',
  inet_proto: 'an IP protocol (0-255)',
  mark: 'a 32-bit mark',
};

function bad(v: NftExpr, t: string, what: string, hint: string): Problem {
  return { range: v.range, message: `${what} where ${TYPE_NAME[t]} is expected; ${hint}.` };
}

/** What is wrong with value `v` for type `t`, or null. */
function check(v: NftExpr, t: string): Problem | null {
  switch (v.type) {
    case 'NftPrefix':
      return check(v.address, t);
    case 'NftRange':
      return check(v.low, t) ?? check(v.high, t);
    case 'NftParen':
      return check(v.expr, t);
    case 'NftAddress':
      if (t === 'ipv4_addr' && v.family === 'ip6') return bad(v, t, `\`${v.text}\` is an IPv6 address`, 'nft refuses it ("Address family for hostname not supported"); put IPv6 addresses in an `ipv6_addr` set or match them with `ip6 saddr/daddr`');
      if (t === 'ipv6_addr' && v.family === 'ip') return bad(v, t, `\`${v.text}\` is an IPv4 address`, 'nft refuses it ("Address family for hostname not supported"); put IPv4 addresses in an `ipv4_addr` set or match them with `ip saddr/daddr`');
      return null;
    case 'NftNumber':
      if (t === 'inet_service' && v.value > 65535) return bad(v, t, `Port ${v.text} is out of range`, 'nft refuses it ("Service out of range"); use a port from 0 to 65535');
      if (t === 'inet_proto' && v.value > 255) return bad(v, t, `Protocol ${v.text} is out of range`, 'nft refuses it ("Protocol out of range"); use a number from 0 to 255 or a name such as `udp`');
      if (t === 'mark' && v.value > 0xffffffff) return bad(v, t, `Mark ${v.text} is out of range`, 'nft refuses it ("exceeds valid range 0-4294967295"); use a 32-bit value');
      return null;
    default:
      return null;
  }
}

/** Checks `v` against a type list (a concatenation has one type per part). */
function checkTyped(v: NftExpr, types: readonly (string | null)[]): Problem | null {
  if (types.length > 1) {
    if (v.type !== 'NftConcat' || v.parts.length !== types.length) return null;
    for (let i = 0; i < types.length; i++) {
      const t = types[i];
      const p = t ? check(v.parts[i]!, t) : null;
      if (p) return p;
    }
    return null;
  }
  const t = types[0];
  return t ? check(v, t) : null;
}

export default defineRule<HostModel>({
  meta: {
    id: 'nft-set-element-type',
    severity: 'error',
    summary: 'A set element or matched value does not fit the type (IPv6 address in an ipv4_addr set, port above 65535, …)',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    // Named sets and maps (declaration and `add element`).
    for (const load of nftLoads(ctx.model.files)) {
      for (const t of load.model.allTables) {
        for (const s of t.allSets.values()) {
          const keyTypes: (string | null)[] = s.keyType.length ? [...s.keyType] : s.node.typeofKey.length ? typeofTypes(s.node.typeofKey) : [];
          const dataTypes: string[] = s.kind === 'map' && s.dataType.length === 1 ? [...s.dataType] : [];
          if (keyTypes.length === 0 && dataTypes.length === 0) continue;
          for (const { file, element } of s.elements) {
            const p = (keyTypes.length ? checkTyped(element.key, keyTypes) : null) ?? (element.value && dataTypes.length ? checkTyped(element.value, dataTypes) : null);
            if (p) report({ file, range: p.range, message: `${p.message.replace(/\.$/, '')} (${s.kind} \`${s.name}\` has type ${[...s.keyType, ...(dataTypes.length ? [': ' + dataTypes[0]] : [])].join(' . ') || 'typeof …'}).` });
          }
        }
      }
    }
    // Values matched directly in rules: `ip saddr ::1`, `tcp dport { 22, 70000 }`.
    for (const f of nftFiles(ctx.model.files)) {
      for (const r of allRulesOf(f.ast)) {
        for (const s of r.statements) {
          if (s.type !== 'NftMatch') continue;
          let types: (string | null)[];
          if (s.left.type === 'NftConcat') {
            types = s.left.parts.map(typeOfSelector);
            if (types.every((x) => x === null)) continue;
          } else {
            // The common case, without the arrays: one selector.
            const t = typeOfSelector(s.left);
            if (t === null) continue;
            types = [t];
          }
          // The values of `values(s.right)`, in order, without the array.
          const right = s.right;
          if (right.type === 'NftSetExpr') {
            for (const x of right.elements) {
              const p = checkTyped(x.key, types);
              if (p) report({ file: f.file.path, range: p.range, message: p.message });
            }
          } else if (right.type === 'NftList') {
            for (const x of right.items) {
              const p = checkTyped(x, types);
              if (p) report({ file: f.file.path, range: p.range, message: p.message });
            }
          } else {
            const p = checkTyped(right, types);
            if (p) report({ file: f.file.path, range: p.range, message: p.message });
          }
        }
      }
    }
  },
});

function typeofTypes(exprs: readonly NftExpr[]): (string | null)[] {
  if (exprs.length === 1 && exprs[0]!.type === 'NftConcat') return exprs[0]!.parts.map(typeOfSelector);
  return exprs.map(typeOfSelector);
}

