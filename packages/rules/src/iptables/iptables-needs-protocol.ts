import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { issuesOf } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-needs-protocol',
    severity: 'error',
    summary: 'A match or target needs a -p protocol that the rule does not give (TCPMSS without -p tcp, ...)',
    fixable: false,
    languages: ['iptables-save', 'wg'],
  },
  check(ctx) {
    for (const { file, issue } of issuesOf(ctx.model, ['needs-protocol'])) {
      ctx.report({ file, range: issue.range, message: capitalize(issue.message) + '.' });
    }
  },
});

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
