import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import type { NftOptionStatement, NftRule } from '@wglint/nft';
import { isMatchStatement } from '@wglint/nft';
import { lineOf, nftLoads, reporter, textOf } from './utils.js';

const ENDING_VERDICTS: ReadonlySet<string> = new Set(['accept', 'drop', 'return', 'goto']);

/**
 * The protocol a `reject with …` answers with: `tcp` (reset), `icmp`, `icmpv6` or `icmpx`; null for a
 * plain `reject`.
 */
function rejectKind(s: NftOptionStatement): string | null {
  const v = s.options.find((o) => o.key === 'with')?.value;
  if (!v) return null;
  const first = v.type === 'NftList' ? v.items[0] : v;
  const name = first && first.type === 'NftSymbol' ? first.name : '';
  return /^tcp\b/.test(name) ? 'tcp' : name === 'icmp' || name === 'icmpv6' || name === 'icmpx' ? name : null;
}

/**
 * Whether a reject statement takes every packet of a chain in a `family` table. nft gives a typed
 * reject an implicit match (`nft --debug=netlink`): `with tcp reset` only TCP (`meta l4proto tcp`);
 * outside its own family, `with icmp …` only IPv4 and `with icmpv6 …` only IPv6 (`meta nfproto`).
 */
function rejectsAll(s: NftOptionStatement, family: string): boolean {
  const kind = rejectKind(s);
  if (kind === 'tcp') return false;
  if (kind === 'icmp') return family === 'ip';
  if (kind === 'icmpv6') return family === 'ip6';
  return true;
}

/** The verdict that ends a rule matching every packet of a chain in a `family` table, or null. */
function catchAllVerdict(r: NftRule, family: string): string | null {
  if (r.statements.length === 0 || r.statements.some(isMatchStatement)) return null;
  const last = r.statements[r.statements.length - 1]!;
  if (last.type === 'NftVerdict' && ENDING_VERDICTS.has(last.verdict)) return last.verdict;
  if (last.type === 'NftStatement' && last.keyword === 'reject' && rejectsAll(last, family)) return 'reject';
  return null;
}

export default defineRule<HostModel>({
  meta: {
    id: 'nft-unreachable-rule',
    severity: 'warning',
    summary: 'A rule comes after a rule that ends the chain for every packet (no match, then accept/drop/reject/goto/return)',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    const files = ctx.model.files;
    for (const load of nftLoads(files)) {
      for (const t of load.model.tables) {
        for (const c of t.chains.values()) {
          // `add/insert rule … position N` puts a rule where the model cannot follow.
          if (c.rules.some((r) => r.node.position !== null)) continue;
          const i = c.rules.findIndex((r) => catchAllVerdict(r.node, t.family) !== null);
          if (i < 0) continue;
          const by = c.rules[i]!;
          const shown = textOf(files, by.file, by.node.range);
          const line = lineOf(files, by.file, by.node.range.start);
          for (const r of c.rules.slice(i + 1)) {
            report({
              file: r.file,
              range: r.node.range,
              message:
                `This rule never runs: \`${shown}\`${by.file === r.file ? ` (line ${line})` : ` (${by.file}:${line})`} already ends chain \`${c.name}\` for every packet. ` +
                'Move this rule above it, or remove it.',
            });
          }
        }
      }
    }
  },
});
