import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { saveFiles, tableIndex } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-interface-wildcard',
    severity: 'warning',
    summary: 'An interface name uses `*`, which iptables takes literally; the wildcard is `+`',
    fixable: true,
    languages: ['iptables-save'],
  },
  check(ctx) {
    for (const file of saveFiles(ctx.model.files)) {
      for (const t of file.ast.tables) {
        for (const r of tableIndex(t).starInterfaces) {
          const rule = r.command.rule;
          for (const p of [rule?.inInterface, rule?.outInterface]) {
            const v = p?.value;
            if (!v || !v.text.includes('*')) continue;
            const fixedName = v.text.replace(/\*+$/, '+');
            const simple = /^[^*]*\*+$/.test(v.text) && v.range.end - v.range.start === v.text.length;
            ctx.report({
              file: file.file.path,
              range: v.range,
              message:
                `\`${v.text}\` matches only an interface literally named so: iptables has no \`*\` wildcard. ` +
                (simple ? `Write \`${fixedName}\` to match every interface starting with \`${v.text.replace(/\*+$/, '')}\`.` : 'Use a `+` suffix for a prefix wildcard.'),
              ...(simple ? { fix: { title: `Use \`${fixedName}\``, edits: [{ range: v.range, text: fixedName }] } } : {}),
            });
          }
        }
      }
    }
  },
});
