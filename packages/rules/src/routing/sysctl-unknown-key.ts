import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { checkSysctlKey } from '@wglint/sysctl';
import { sysctlUses } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'sysctl-unknown-key',
    severity: 'warning',
    summary: 'A sysctl key that does not exist, usually a misspelling of a well-known one',
    fixable: false,
    languages: ['sysctl', 'wg'],
  },
  check(ctx) {
    for (const u of sysctlUses(ctx.model)) {
      const c = checkSysctlKey(u.key);
      if (c.status !== 'unknown') continue;
      const exact = u.source === 'file';
      ctx.report({
        file: u.file,
        range: u.keyRange,
        message: c.suggestion
          ? `Unknown sysctl key \`${u.key}\`; did you mean \`${c.suggestion}\`? The kernel has no such setting, so this line changes nothing.`
          : `Unknown sysctl key \`${u.key}\`: the kernel has no such setting (${u.key.split('.').slice(0, 3).join('.')}), so this changes nothing.`,
        ...(c.suggestion && exact && u.entry && u.entry.rawKey === u.key
          ? { suggestions: [{ title: `Replace with \`${c.suggestion}\``, edits: [{ range: u.keyRange, text: c.suggestion }] }] }
          : {}),
      });
    }
  },
});
