import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { issuesOf } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-port-out-of-range',
    severity: 'error',
    summary: 'A udp/dccp port above 65535, which iptables silently wraps to a different port',
    fixable: false,
    languages: ['iptables-save', 'wg'],
  },
  check(ctx) {
    for (const { file, issue } of issuesOf(ctx.model, ['value-out-of-range'])) {
      ctx.report({ file, range: issue.range, message: `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}. Use the intended port (0-65535).` });
    }
  },
});
