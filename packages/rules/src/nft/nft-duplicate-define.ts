import { defineRule, type Fix } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import type { NftDefineSymbol } from '@wglint/nft';
import { lineOf, nftLoads, reporter } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'nft-duplicate-define',
    severity: 'error',
    summary: 'A `define` repeats a variable that is already defined in scope, which nft refuses ("redefinition of symbol")',
    fixable: true,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    const files = ctx.model.files;
    for (const load of nftLoads(files)) {
      const m = load.model;
      // A lost line (syntax problems) or an include the model cannot see may hold an `undefine`.
      if (m.incomplete || load.hasProblems) continue;
      for (const d of m.defines) {
        const first = d.redefinitionOf;
        if (!first) continue;
        const keyword = d.node.range;
        const text = load.files.get(d.file)?.file.text;
        // `redefine` keeps what the file means (the later value from here on) and nft accepts it
        const fix: Fix | undefined =
          text?.startsWith('define', keyword.start)
            ? { title: `Use \`redefine ${d.name}\``, edits: [{ range: { start: keyword.start, end: keyword.start + 6 }, text: 'redefine' }] }
            : undefined;
        const where = first.file === d.file ? `line ${lineOf(files, first.file, first.node.range.start)}` : `${first.file}:${lineOf(files, first.file, first.node.range.start)}`;
        report({
          file: d.file,
          range: d.node.name.range,
          message:
            `\`${d.name}\` is already defined (${where}${scopeText(first)}) and visible here, so nft refuses the file ("redefinition of symbol '${d.name}'"). ` +
            `Write \`redefine ${d.name} = …\` to change its value from this line on, or rename one of them.`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});

/** Where a define binds, for the message: nothing for the file level. */
function scopeText(d: NftDefineSymbol): string {
  if (d.chain !== null) return `, in chain ${d.chain} of table ${d.scope}`;
  return d.scope === 'top' ? '' : `, in table ${d.scope}`;
}
