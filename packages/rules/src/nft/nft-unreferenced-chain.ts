import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { hookTexts, hostReferences, nftLoads, reporter } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'nft-unreferenced-chain',
    severity: 'info',
    summary: 'A regular chain (no hook) is never the target of a `jump` or `goto`, so its rules never run',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    let hooks: string | undefined;
    const hookText = (): string => (hooks ??= hookTexts(ctx.model).join('\n'));
    const used = new Set<string>();
    const candidates = new Map<string, { file: string; range: { start: number; end: number }; name: string; table: string }>();
    const loads = nftLoads(ctx.model.files);
    const refs = hostReferences(loads).chains;
    for (const load of loads) {
      const m = load.model;
      for (const t of m.tables) {
        // A `jump $var` the model could not resolve may reach any chain.
        const dynamic = [...t.allChains.values()].some((c) => c.jumps.some((e) => e.targetName.startsWith('$')));
        for (const c of t.chains.values()) {
          if (c.base || !c.declared || c.declarations.length === 0) continue;
          const decl = c.declarations[0]!;
          const key = `${decl.file}\0${decl.node.range.start}`;
          const esc = c.name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
          const referenced =
            c.jumpedFrom.length > 0 || t.open || dynamic || m.incomplete || load.hasProblems || !load.standalone ||
            refs.has(`${t.family} ${t.name} ${c.name}`) ||
            new RegExp(`\\b(jump|goto)\\s+${esc}(?![A-Za-z0-9_./-])`).test(hookText());
          if (referenced) used.add(key);
          else candidates.set(key, { file: c.nameLocation.file, range: c.nameLocation.range, name: c.name, table: `${t.family} ${t.name}` });
        }
      }
    }
    for (const [key, c] of candidates) {
      if (used.has(key)) continue;
      report({
        file: c.file,
        range: c.range,
        message:
          `Chain \`${c.name}\` in table ${c.table} has no hook and nothing jumps to it, so its rules never run; ` +
          `add \`jump ${c.name}\` where it should apply, make it a base chain (\`type filter hook … priority …;\`), or remove it.`,
      });
    }
  },
});
