import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-mtu-below-ipv6-minimum',
    severity: 'error',
    summary: 'MTU below 1280 on an interface with an IPv6 Address',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      const v6 = readEntries(file.ast, 'Address').some((e) => e.value.kind === 'cidr-list' && e.value.items.some((i) => i.family === 6));
      if (!v6) continue;
      for (const e of readEntries(file.ast, 'MTU')) {
        if (e.value.kind !== 'mtu' || e.value.error !== null || e.value.mtu === null || e.value.mtu >= 1280) continue;
        ctx.report({
          file: file.path,
          range: e.valueRange,
          message: `MTU ${e.value.mtu} is below 1280, the IPv6 minimum: the kernel disables IPv6 on the interface and removes its IPv6 Address. Use an MTU of at least 1280, or drop the IPv6 Address.`,
        });
      }
    }
  },
});
