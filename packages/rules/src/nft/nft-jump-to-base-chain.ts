import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { nftLoads, reporter } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'nft-jump-to-base-chain',
    severity: 'error',
    summary: 'A `jump`/`goto` targets a base chain (one with a hook), which the kernel refuses',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    for (const load of nftLoads(ctx.model.files)) {
      for (const e of load.model.jumps) {
        if (!e.to?.base) continue;
        report({
          file: e.file,
          range: e.range,
          message:
            `\`${e.kind} ${e.targetName}\` targets a base chain (hook ${e.to.hook}); the kernel refuses it ("Operation not supported"). ` +
            `Move the shared rules into a regular chain (no \`type … hook …\`) and jump to that from both places.`,
        });
      }
    }
  },
});
