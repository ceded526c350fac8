import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-saveconfig-value',
    severity: 'error',
    summary: 'SaveConfig that is not `true` or `false`',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const e of readEntries(file.ast, 'SaveConfig')) {
        if (e.value.kind === 'bool' && e.value.bool !== null) continue;
        ctx.report({
          file: file.path,
          range: e.value.kind === 'empty' ? e.range : e.valueRange,
          message: `SaveConfig \`${e.rawValue}\` is neither \`true\` nor \`false\`: wg-quick stops with "\`${e.rawValue}' is neither true nor false" and the interface does not come up. Write \`SaveConfig = false\` (or \`true\`).`,
        });
      }
    }
  },
});
