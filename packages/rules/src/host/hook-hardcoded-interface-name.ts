import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';

export default defineRule<HostModel>({
  meta: {
    id: 'hook-hardcoded-interface-name',
    severity: 'info',
    summary: 'A hook spells out its own interface name instead of %i',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      const esc = i.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const token = new RegExp(`(^|[^A-Za-z0-9_=+-])${esc}($|[^A-Za-z0-9_=+-])`);
      for (const c of i.hooks) {
        const w = c.words.slice(1).find((x) => !fileSlice(c, x).includes('%i') && token.test(fileSlice(c, x)));
        if (!w) continue;
        ctx.report({
          file: c.file,
          range: w.range,
          message: `This ${c.hook} spells out \`${i.name}\`: if the file is copied to another interface name it silently acts on ${i.name}. Write \`%i\`, which wg-quick replaces with the interface name.`,
        });
      }
    }
  },
});

function fileSlice(c: { range: { start: number }; sourceText: string }, w: { range: { start: number; end: number } }): string {
  return c.sourceText.slice(w.range.start - c.range.start, w.range.end - c.range.start);
}
