import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { nftLoads, reporter } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'nft-policy-on-regular-chain',
    severity: 'error',
    summary: 'A `policy` on a chain without a hook, which the kernel refuses',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    for (const load of nftLoads(ctx.model.files)) {
      for (const t of load.model.allTables) {
        for (const c of t.allChains.values()) {
          if (c.base) continue;
          for (const d of c.declarations) {
            if (!d.node.policy) continue;
            report({
              file: d.file,
              range: d.node.policy.range,
              message:
                `Chain \`${c.name}\` has no hook, so it cannot have a policy; nft refuses it ("Operation not supported"). ` +
                `End the chain with ${d.node.policy.text.startsWith('$') ? 'a verdict' : `a \`${d.node.policy.text}\``} rule instead, or make it a base chain with \`type filter hook … priority …;\`.`,
            });
          }
        }
      }
    }
  },
});
