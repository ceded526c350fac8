import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { parsePortRange } from '@wglint/sysctl';
import { sysctlUses } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'sysctl-port-range-invalid',
    severity: 'error',
    summary: 'An ip_local_port_range the kernel refuses: not two numbers, inverted, or out of bounds',
    fixable: false,
    languages: ['sysctl', 'wg'],
  },
  check(ctx) {
    for (const u of sysctlUses(ctx.model)) {
      if (u.key !== 'net.ipv4.ip_local_port_range') continue;
      const r = parsePortRange(u.value);
      const problem = r.error ?? r.warning;
      if (!problem) continue;
      ctx.report({
        file: u.file,
        range: u.valueRange,
        message: r.error
          ? `Invalid net.ipv4.ip_local_port_range \`${u.value}\`: ${r.error}. The write fails and the previous range stays; write \`LOW HIGH\` with LOW ≤ HIGH, e.g. \`32768 60999\`.`
          : `Suspicious net.ipv4.ip_local_port_range \`${u.value}\`: ${r.warning}. Write \`LOW HIGH\`, e.g. \`32768 60999\`.`,
      });
    }
  },
});
