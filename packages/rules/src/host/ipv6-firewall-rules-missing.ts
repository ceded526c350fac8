import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { isUp, shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'ipv6-firewall-rules-missing',
    severity: 'info',
    summary: 'IPv4-only forwarding/NAT hooks on a tunnel that also carries IPv6',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      if (!i.addresses.some((a) => a.cidr.family === 'ipv6')) continue;
      const ups = i.hooks.filter((c) => isUp(c) && !c.refused);
      if (ups.some((c) => (c.type === 'iptables' && c.family === 'ipv6') || c.type === 'nft')) continue;
      const v4 = ups.find((c) => c.type === 'iptables' && c.family === 'ipv4' && (c.ipt.table === 'nat' || c.ipt.chain?.text === 'FORWARD'));
      if (!v4) continue;
      ctx.report({
        file: v4.file,
        range: v4.range,
        message:
          `${i.name} has an IPv6 address, but its hooks set up forwarding/NAT for IPv4 only (\`${shown(v4, 60)}\`): IPv6 traffic of the clients is not forwarded (or not filtered) the same way. ` +
          `Add the ip6tables twin of each rule, or use an nft \`inet\` table for both families.`,
      });
    }
  },
});
