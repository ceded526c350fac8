import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { bareValue, confKey, sysctlUses } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'rp-filter-value-invalid',
    severity: 'error',
    summary: 'An rp_filter value other than 0 (off), 1 (strict) or 2 (loose)',
    fixable: false,
    languages: ['sysctl', 'wg'],
  },
  check(ctx) {
    for (const u of sysctlUses(ctx.model)) {
      const k = confKey(u.key);
      if (!k || k.family !== 4 || k.name !== 'rp_filter') continue;
      if (/^[012]$/.test(bareValue(u.value))) continue;
      ctx.report({
        file: u.file,
        range: u.valueRange,
        message:
          `\`${u.key}\` is \`${u.value}\`, but rp_filter only means 0 (no check), 1 (strict) or 2 (loose). ` +
          'The kernel stores other numbers without complaint and the behaviour is undefined; use 2 for loose reverse-path filtering.',
      });
    }
  },
});
