import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { placeOf } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'multiple-full-tunnels',
    severity: 'warning',
    summary: 'Several interfaces use wg-quick’s full tunnel (a /0 AllowedIP with Table = auto)',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const family of ['ipv4', 'ipv6'] as const) {
      const full = ctx.model.interfaces.filter((i) => i.fullTunnel[family]);
      const first = full[0];
      for (const i of full.slice(1)) {
        const at = i.peers.flatMap((p) => p.allowedIps).find((a) => a.cidr.family === family && a.cidr.prefix === 0);
        if (!at || !first) continue;
        ctx.report({
          file: i.file,
          range: at.range,
          message:
            `${i.name} and ${first.name} (${placeOf(ctx.model, first.file, first.headerRange.start)}) both route all ${family === 'ipv4' ? 'IPv4' : 'IPv6'} traffic with wg-quick's fwmark rules: ` +
            `only one can be the default route, and \`wg-quick down\` of either deletes every \`lookup main suppress_prefixlength 0\` rule, breaking the other. ` +
            `Give one of them a dedicated \`Table = N\` with its own ip rules.`,
        });
      }
    }
  },
});
