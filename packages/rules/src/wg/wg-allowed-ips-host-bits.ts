import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { formatIp, networkOf } from '@wglint/wg';
import { readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-allowed-ips-host-bits',
    severity: 'warning',
    summary: 'AllowedIPs prefix with host bits set (wg warns and uses the network)',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const e of readEntries(file.ast, 'AllowedIPs')) {
        if (e.value.kind !== 'cidr-list') continue;
        for (const item of e.value.items) {
          if (!item.hostBits || item.address === null || item.family === null || item.prefix === null) continue;
          const net = `${formatIp(networkOf(item.address, item.family, item.prefix), item.family)}/${item.prefix}`;
          const host = `${formatIp(item.address, item.family)}/${item.family === 4 ? 32 : 128}`;
          // No fix: only the author knows whether one host or the whole network was meant.
          ctx.report({
            file: file.path,
            range: item.range,
            message: `AllowedIPs \`${item.text}\` has host bits set: wg warns ("AllowedIP has nonzero host part") and routes the whole network ${net} to this peer. Write \`${host}\` for the single host, or \`${net}\` for the network.`,
          });
        }
      }
    }
  },
});
