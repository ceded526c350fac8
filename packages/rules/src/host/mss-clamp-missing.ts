import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { gatewayHooks, shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'mss-clamp-missing',
    severity: 'info',
    summary: 'A WireGuard gateway forwards TCP without MSS clamping',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const model = ctx.model;
    const clamped =
      [...model.iptables.up.chains.values()].some((c) => c.rules.some((r) => r.facts.target === 'TCPMSS')) ||
      model.nft.rules.some((r) => r.clampsMss) ||
      model.interfaces.some((i) => i.hooks.some((c) => /TCPMSS|maxseg/.test(c.sourceText)));
    if (clamped) return;
    for (const i of model.interfaces) {
      const gw = gatewayHooks(i).find((c) => c.type === 'iptables' && (c.facts?.target === 'MASQUERADE' || c.facts?.target === 'SNAT'));
      if (!gw) continue;
      ctx.report({
        file: gw.file,
        range: gw.range,
        message:
          `${i.name} forwards clients to other networks (\`${shown(gw, 60)}\`), and nothing on the host clamps the TCP MSS: the tunnel's MTU is smaller than the uplink's, ` +
          `so TCP connections whose path drops ICMP "fragmentation needed" stall. Add \`PostUp = iptables -t mangle -A FORWARD -o %i -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu\` (and its -D in PostDown).`,
      });
    }
  },
});
