import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { hookTexts, hostReferences, nftLoads, reporter } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'nft-unused-set',
    severity: 'info',
    summary: 'A named set or map is never referenced as `@name` by any rule',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    let hooks: string | undefined;
    const hookText = (): string => (hooks ??= hookTexts(ctx.model).join('\n'));
    const used = new Set<string>();
    const candidates = new Map<string, { file: string; range: { start: number; end: number }; kind: string; name: string; table: string }>();
    const loads = nftLoads(ctx.model.files);
    const refs = hostReferences(loads).sets;
    for (const load of loads) {
      const m = load.model;
      for (const t of m.allTables) {
        for (const s of t.allSets.values()) {
          if (!s.node.name) continue;
          const key = `${s.file}\0${s.node.range.start}`;
          const referenced =
            s.references.length > 0 || t.open || m.incomplete || load.hasProblems || !load.standalone || s.removedBy !== null ||
            refs.has(`${t.family} ${t.name} ${s.name}`) ||
            new RegExp(`@${s.name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}(?![A-Za-z0-9_./-])`).test(hookText());
          if (referenced) used.add(key);
          else candidates.set(key, { file: s.file, range: s.node.name.range, kind: s.kind, name: s.name, table: `${t.family} ${t.name}` });
        }
      }
    }
    for (const [key, c] of candidates) {
      if (used.has(key)) continue;
      report({
        file: c.file,
        range: c.range,
        message: `${c.kind} \`${c.name}\` in table ${c.table} is never used as \`@${c.name}\`; reference it from a rule, or remove it.`,
      });
    }
  },
});
