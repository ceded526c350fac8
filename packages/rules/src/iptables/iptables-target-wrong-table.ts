import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { issuesOf } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-target-wrong-table',
    severity: 'error',
    summary: 'A target is used in a table the kernel does not allow it in (MASQUERADE outside nat, REJECT outside filter, ...)',
    fixable: false,
    languages: ['iptables-save', 'wg'],
  },
  check(ctx) {
    for (const { file, issue } of issuesOf(ctx.model, ['target-wrong-table'])) {
      ctx.report({ file, range: issue.range, message: capitalize(issue.message) + '.' });
    }
  },
});

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
