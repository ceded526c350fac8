import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { issuesOf } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-match-wrong-hook',
    severity: 'error',
    summary: 'A match is used in a built-in chain the kernel does not allow it in (-m owner in INPUT, ...)',
    fixable: false,
    languages: ['iptables-save', 'wg'],
  },
  check(ctx) {
    for (const { file, issue } of issuesOf(ctx.model, ['match-wrong-hook'])) {
      ctx.report({ file, range: issue.range, message: capitalize(issue.message) + '.' });
    }
  },
});

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
