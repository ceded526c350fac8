import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { nftLoads, reporter } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'nft-unused-define',
    severity: 'info',
    summary: 'A `define` is never used',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    // A define file included by several loads counts as used when any load uses it.
    const used = new Set<string>();
    const candidates = new Map<string, { file: string; range: { start: number; end: number }; name: string; kind: string }>();
    for (const load of nftLoads(ctx.model.files)) {
      const m = load.model;
      for (const d of m.defines) {
        const key = `${d.file}\0${d.node.range.start}`;
        if (d.uses.length > 0 || m.incomplete || load.hasProblems || !load.standalone) used.add(key);
        else candidates.set(key, { file: d.file, range: d.node.name.range, name: d.name, kind: d.node.kind });
      }
    }
    for (const [key, c] of candidates) {
      if (used.has(key)) continue;
      report({
        file: c.file,
        range: c.range,
        message: `\`${c.kind} ${c.name}\` is never used as \`$${c.name}\`; remove it, or use it where the value is written out.`,
      });
    }
  },
});
