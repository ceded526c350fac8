import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { parseReservedPorts } from '@wglint/sysctl';
import { sysctlUses } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'sysctl-reserved-ports-invalid',
    severity: 'error',
    summary: 'An ip_local_reserved_ports list the kernel refuses, so no port is reserved',
    fixable: false,
    languages: ['sysctl', 'wg'],
  },
  check(ctx) {
    for (const u of sysctlUses(ctx.model)) {
      if (u.key !== 'net.ipv4.ip_local_reserved_ports') continue;
      const { errors } = parseReservedPorts(u.value);
      const first = errors[0];
      if (!first) continue;
      // Point at the bad item when the value is written as-is in a file line.
      const exact = u.source === 'file' && u.valueRange.end - u.valueRange.start === u.value.length;
      const range = exact
        ? { start: u.valueRange.start + first.offset, end: u.valueRange.start + first.offset + Math.max(first.item.length, 1) }
        : u.valueRange;
      ctx.report({
        file: u.file,
        range,
        message:
          `Invalid net.ipv4.ip_local_reserved_ports: ${first.message}. The kernel refuses the whole list (Invalid argument), so none of these ports is reserved; ` +
          'write ports and FROM-TO ranges separated by commas only, e.g. `51820,51821-51830`.',
      });
    }
  },
});
