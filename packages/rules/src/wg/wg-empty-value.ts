import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { WG_QUICK_KEYS } from '@wglint/wg';
import { placedEntries, sectionOfKey, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-empty-value',
    severity: 'error',
    summary: 'A key wg reads has nothing after `=` (wg: "Line unrecognized")',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const { entry, kind } of placedEntries(file.ast)) {
        const key = entry.canonicalKey;
        // wg-quick's own keys accept an empty value (it just adds nothing); misplaced keys are
        // wg-unknown-key's.
        if (key === null || WG_QUICK_KEYS.has(key) || sectionOfKey(key) !== kind || entry.value.kind !== 'empty') continue;
        ctx.report({
          file: file.path,
          range: entry.range,
          message: `\`${key}\` has no value: wg refuses \`${key} =\` ("Line unrecognized") and the interface does not come up. Give it a value, or remove the line.`,
        });
      }
    }
  },
});
