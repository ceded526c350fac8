import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { gatewayHooks, ipv4Forwarding, ipv6Forwarding, shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'forwarding-disabled',
    severity: 'warning',
    summary: 'NAT or FORWARD rules for a WireGuard interface while forwarding for their IP family stays off',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const model = ctx.model;
    // Only when the host's sysctl configuration is part of the input: otherwise it is unknown.
    if (!model.files.some((f) => f.language === 'sysctl')) return;
    const off = { ipv4: !ipv4Forwarding(model), ipv6: !ipv6Forwarding(model) };
    if (!off.ipv4 && !off.ipv6) return;
    for (const i of model.interfaces) {
      // ip6tables FORWARD rules need IPv6 forwarding, iptables ones IPv4 forwarding; a family the
      // tunnel does not carry (no address or AllowedIPs of it) has no clients to strand
      const c = gatewayHooks(i).find((h) => h.type === 'iptables' && off[h.family] && i.families.includes(h.family));
      if (!c || c.type !== 'iptables') continue;
      const key = c.family === 'ipv6' ? 'net.ipv6.conf.all.forwarding' : 'net.ipv4.ip_forward';
      ctx.report({
        file: c.file,
        range: c.range,
        message:
          `\`${shown(c, 70)}\` only matters when the host forwards packets, but ${key} is not enabled in the host's sysctl files or hooks: ` +
          `${i.name}'s clients cannot reach anything beyond this host${c.family === 'ipv6' ? ' over IPv6' : ''}. Add \`${key} = 1\` to /etc/sysctl.d/.`,
      });
    }
  },
});
