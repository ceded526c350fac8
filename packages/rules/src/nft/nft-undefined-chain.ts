import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { hostDeclarations, nftLoads, reporter } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'nft-undefined-chain',
    severity: 'error',
    summary: 'A `jump`/`goto` targets a chain that is not declared in the same table',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    const loads = nftLoads(ctx.model.files);
    for (const load of loads) {
      const m = load.model;
      if (m.incomplete || load.hasProblems || !load.standalone) continue;
      const elsewhere = hostDeclarations(loads, load).chains;
      for (const e of m.jumps) {
        const t = e.from.table;
        if (e.to || e.targetName.startsWith('$') || !t.declared || t.open) continue;
        // Declared by another file of the host (e.g. the boot ruleset, for a file a hook loads).
        if (elsewhere.has(`${t.family} ${t.name} ${e.targetName}`)) continue;
        const other = m.allTables.find((x) => x !== t && x.allChains.has(e.targetName));
        const where = `${t.family} ${t.name}`;
        report({
          file: e.file,
          range: e.range,
          message:
            `\`${e.kind} ${e.targetName}\`: there is no chain \`${e.targetName}\` in table ${where}, so nft refuses the rule ("No such file or directory"); ` +
            (other
              ? `a jump cannot leave its table (\`${e.targetName}\` is in table ${other.family} ${other.name}): declare the chain in table ${where}.`
              : `declare \`chain ${e.targetName} { … }\` in that table or fix the name.`),
        });
      }
    }
  },
});
