import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import type { NftRule } from '@wglint/nft';
import { isMatchStatement } from '@wglint/nft';
import { lineOf, nftLoads, reporter, textOf } from './utils.js';

const ENDING_VERDICTS: ReadonlySet<string> = new Set(['accept', 'drop', 'return', 'goto']);

/** The verdict that ends a rule matching every packet, or null. */
function catchAllVerdict(r: NftRule): string | null {
  if (r.statements.length === 0 || r.statements.some(isMatchStatement)) return null;
  const last = r.statements[r.statements.length - 1]!;
  if (last.type === 'NftVerdict' && ENDING_VERDICTS.has(last.verdict)) return last.verdict;
  if (last.type === 'NftStatement' && last.keyword === 'reject') return 'reject';
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
          const i = c.rules.findIndex((r) => catchAllVerdict(r.node) !== null);
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
