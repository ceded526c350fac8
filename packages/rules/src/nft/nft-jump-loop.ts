import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { findJumpCycles } from '@wglint/nft';
import { nftLoads, reporter } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'nft-jump-loop',
    severity: 'error',
    summary: 'Chains jump to each other in a cycle reachable from a base chain, which the kernel refuses on load',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    for (const load of nftLoads(ctx.model.files)) {
      for (const { edge, cycle } of findJumpCycles(load.model)) {
        report({
          file: edge.file,
          range: edge.range,
          message:
            `Jump loop ${cycle.map((c) => c.name).join(' → ')}: the kernel refuses the ruleset on load ("Too many links"; \`nft -c\` does not catch it). ` +
            'Break the cycle, e.g. end the inner chain with `return` instead of jumping back.',
        });
      }
    }
  },
});
