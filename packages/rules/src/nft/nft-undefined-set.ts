import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { hostDeclarations, nftLoads, reporter } from './utils.js';

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
    const loads = nftLoads(ctx.model.files);
    for (const load of loads) {
      const m = load.model;
      if (m.incomplete || load.hasProblems || !load.standalone) continue;
      const elsewhere = hostDeclarations(loads, load).sets;
      for (const r of m.setReferences) {
        const t = r.table;
        if (r.set || !t || !t.declared || t.open) continue;
        // Declared by another file of the host (e.g. the boot ruleset, for a file a hook loads).
        if (elsewhere.has(`${t.family} ${t.name} ${r.name}`)) continue;
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
