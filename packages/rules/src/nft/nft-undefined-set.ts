import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { nftLoads, reporter } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'nft-undefined-set',
    severity: 'error',
    summary: 'A rule uses `@name` but no set or map of that name is declared in its table',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    for (const load of nftLoads(ctx.model.files)) {
      const m = load.model;
      if (m.incomplete || load.hasProblems || !load.standalone) continue;
      for (const r of m.setReferences) {
        const t = r.table;
        if (r.set || !t || !t.declared || t.open) continue;
        const other = m.allTables.find((x) => x !== t && x.allSets.has(r.name));
        const where = `${t.family} ${t.name}`;
        report({
          file: r.file,
          range: r.range,
          message:
            `\`@${r.name}\` is not declared in table ${where}, so nft refuses the rule ("No such file or directory"); ` +
            (other
              ? `sets belong to one table: declare \`set ${r.name}\` in table ${where} too (it exists in table ${other.family} ${other.name}).`
              : `declare it in that table (\`set ${r.name} { type …; }\`) or fix the name.`),
        });
      }
    }
  },
});
