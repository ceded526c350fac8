import { defineRule } from '@wglint/core';
import type { HostModel, NftRuleFact, WgInterface } from '@wglint/host';
import { cidrContains, parseCidr } from '@wglint/host';
import { gatewayHooks, placeOf, shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'mss-clamp-missing',
    severity: 'info',
    summary: 'A WireGuard gateway forwards TCP without MSS clamping',
    fixable: false,
    languages: ['wg', 'nft'],
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
      const nft = gw ? undefined : model.nft.rules.find((r) => natsClients(r, i));
      const where = gw ? { file: gw.file, range: gw.range, shown: shown(gw, 60) } : nft ? { file: nft.location.file, range: nft.location.range, shown: `nft ${nft.verdict} at ${placeOf(model, nft.location.file, nft.location.range.start)}` } : undefined;
      if (!where) continue;
      ctx.report({
        file: where.file,
        range: where.range,
        message:
          `${i.name} forwards clients to other networks (\`${where.shown}\`), and nothing on the host clamps the TCP MSS: the tunnel's MTU is smaller than the uplink's, ` +
          `so TCP connections whose path drops ICMP "fragmentation needed" stall. ` +
          (gw
            ? `Add \`PostUp = iptables -t mangle -A FORWARD -o %i -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu\` (and its -D in PostDown).`
            : `Add \`tcp flags syn tcp option maxseg size set rt mtu\` to a forward chain (\`type filter hook forward priority mangle\`).`),
      });
    }
  },
});

/**
 * An nft masquerade or snat of the tunnel's clients: from the interface (`iifname "wg0"`) or from
 * its subnet (`ip saddr 10.8.0.0/24`). A masquerade of everything says nothing about the tunnel.
 */
function natsClients(r: NftRuleFact, i: WgInterface): boolean {
  if (r.verdict !== 'masquerade' && r.verdict !== 'snat') return false;
  return r.matches.some((m) => {
    if (m.negated) return false;
    if (m.key === 'meta iifname') return m.values.includes(i.name);
    if (m.key !== 'ip saddr' && m.key !== 'ip6 saddr') return false;
    return m.values.some((v) => {
      const c = parseCidr(v);
      return c !== undefined && i.addresses.some((a) => cidrContains(c, a.cidr) || cidrContains(a.cidr, c));
    });
  });
}
