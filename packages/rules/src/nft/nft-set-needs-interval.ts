import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import type { NftExpr } from '@wglint/nft';
import { nftLoads, reporter } from './utils.js';

/** `prefix` / `range` when the element key (or a part of a concatenation) is one. */
function intervalKind(e: NftExpr): 'prefix' | 'range' | null {
  if (e.type === 'NftPrefix') return 'prefix';
  if (e.type === 'NftRange') return 'range';
  if (e.type === 'NftConcat') for (const p of e.parts) if (intervalKind(p)) return intervalKind(p);
  return null;
}

export default defineRule<HostModel>({
  meta: {
    id: 'nft-set-needs-interval',
    severity: 'error',
    summary: 'A named set or map lists prefix or range elements but lacks `flags interval`, which nft refuses',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    for (const load of nftLoads(ctx.model.files)) {
      for (const t of load.model.allTables) {
        for (const s of t.allSets.values()) {
          if (s.flags.includes('interval')) continue;
          for (const { file, element, via } of s.elements) {
            if (via !== 'declaration') continue;
            const kind = intervalKind(element.key);
            if (!kind) continue;
            report({
              file,
              range: element.key.range,
              message:
                `${kind === 'prefix' ? 'A prefix' : 'A range'} element needs \`flags interval\` on ${s.kind} \`${s.name}\`; nft refuses it ` +
                `("You must add 'flags interval' to your ${s.kind} declaration if you want to add ${kind} elements"). Add \`flags interval\` to the ${s.kind}.`,
            });
          }
        }
      }
    }
  },
});
