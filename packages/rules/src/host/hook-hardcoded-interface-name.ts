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
      // `--add-interface=wg0` (firewall-cmd) names it too; another `=` before it does not (`table=wg0`)
      const token = new RegExp(`(^|[^A-Za-z0-9_=+-]|-interface=)${esc}($|[^A-Za-z0-9_=+-])`);
      for (const c of i.hooks) {
        const w = c.words.slice(1).find((x) => !fileSlice(c, x).includes('%i') && token.test(fileSlice(c, x)));
        if (!w) continue;
        const text = fileSlice(c, w);
        // `/etc/wireguard/wg0.key`, `/etc/wireguard/wg0.up.sh`: a file named after the interface, not the interface itself
        const file = text.includes('/') && new RegExp(`${esc}\\.[^/]*$`).test(text);
        ctx.report({
          file: c.file,
          range: w.range,
          message: file
            ? `This ${c.hook} names a file after \`${i.name}\` (\`${text}\`): if the config is copied to another interface name, that interface still uses ${i.name}'s file. Write \`%i\` in the path, which wg-quick replaces with the interface name.`
            : `This ${c.hook} spells out \`${i.name}\`: if the file is copied to another interface name it silently acts on ${i.name}. Write \`%i\`, which wg-quick replaces with the interface name.`,
        });
      }
    }
  },
});

function fileSlice(c: { range: { start: number }; sourceText: string }, w: { range: { start: number; end: number } }): string {
  return c.sourceText.slice(w.range.start - c.range.start, w.range.end - c.range.start);
}
