import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-table-keyword-case',
    severity: 'error',
    summary: '`Table = Off`/`Auto`: wg-quick compares these keywords case-sensitively',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const e of readEntries(file.ast, 'Table')) {
        if (e.value.kind !== 'table' || e.value.mode !== 'name') continue;
        const lower = e.rawValue.toLowerCase();
        if (lower !== 'off' && lower !== 'auto') continue;
        ctx.report({
          file: file.path,
          range: e.valueRange,
          message: `\`Table = ${e.rawValue}\` is taken as a routing table named "${e.rawValue}" (wg-quick matches \`off\`/\`auto\` only in lowercase), and \`ip route add … table ${e.rawValue}\` fails. Write \`${lower}\`.`,
          fix: { title: `Write \`${lower}\``, edits: [{ range: e.valueRange, text: lower }] },
        });
      }
    }
  },
});
