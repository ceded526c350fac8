import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { nftLoads, reporter } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'nft-undefined-variable',
    severity: 'error',
    summary: 'A `$variable` is used where no `define` of it is in scope, which nft refuses',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    for (const load of nftLoads(ctx.model.files)) {
      const m = load.model;
      // An include the model cannot see may define it; a partial AST may have lost the define.
      if (m.incomplete || load.hasProblems || !load.standalone) continue;
      for (const u of m.variableUses) {
        if (u.define || u.chainLocal) continue;
        const elsewhere = m.defines.find((d) => d.name === u.name);
        const hint = !elsewhere
          ? `add \`define ${u.name} = …\` before its first use`
          : elsewhere.scope !== 'top' && (elsewhere.file !== u.file || elsewhere.node.range.start < u.range.start)
            ? elsewhere.chain !== null
              ? `the \`define\` in chain ${elsewhere.chain} of table ${elsewhere.scope} is visible only inside that chain block; move it to the table block (or the top of the file) to share it`
              : `the \`define\` in table ${elsewhere.scope} is visible only inside that table block; move it to the top of the file`
            : `move \`define ${u.name}\` above its first use (nft reads the file in order)`;
        report({
          file: u.file,
          range: u.range,
          message: `\`$${u.name}\` is not defined at this point, so nft refuses the file ("unknown identifier '${u.name}'"); ${hint}.`,
        });
      }
    }
  },
});
