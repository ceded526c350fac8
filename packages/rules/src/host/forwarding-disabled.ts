import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { gatewayHooks, ipv4Forwarding, shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'forwarding-disabled',
    severity: 'warning',
    summary: 'NAT or FORWARD rules for a WireGuard interface while IPv4 forwarding stays off',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const model = ctx.model;
    // Only when the host's sysctl configuration is part of the input: otherwise it is unknown.
    if (!model.files.some((f) => f.language === 'sysctl') || ipv4Forwarding(model)) return;
    for (const i of model.interfaces) {
      const c = gatewayHooks(i)[0];
      if (!c) continue;
      ctx.report({
        file: c.file,
        range: c.range,
        message:
          `\`${shown(c, 70)}\` only matters when the host forwards packets, but net.ipv4.ip_forward is not enabled in the host's sysctl files or hooks: ` +
          `${i.name}'s clients cannot reach anything beyond this host. Add \`net.ipv4.ip_forward = 1\` to /etc/sysctl.d/.`,
      });
    }
  },
});
