import { defineRule } from '@wglint/core';
import type { HostModel, IptRuleFact } from '@wglint/host';
import { cidrContains, parseCidr } from '@wglint/host';

export default defineRule<HostModel>({
  meta: {
    id: 'dnat-target-without-peer',
    severity: 'warning',
    summary: "A DNAT target lies in a WireGuard interface's subnet but no peer's AllowedIPs holds it",
    fixable: false,
    languages: ['wg', 'iptables-save'],
  },
  check(ctx) {
    const model = ctx.model;
    if (model.interfaces.length === 0) return; // reports name an interface whose subnet holds the target
    const seen = new Set<IptRuleFact>();
    for (const chain of model.iptables.up.chains.values()) {
      if (chain.table !== 'nat') continue;
      for (const r of chain.rules) {
        if (r.facts.target !== 'DNAT' || seen.has(r) || r.origin.kind === 'default' || r.origin.kind === 'wg-quick') continue;
        seen.add(r);
        const raw = r.facts.targetOptions['to-destination'] ?? '';
        const addr = raw.replace(/^\[([^\]]+)\](:.*)?$/, '$1').replace(/^([0-9.]+)(:[0-9-]+)?$/, '$1').replace(/-.*$/, '');
        const dest = parseCidr(addr);
        if (!dest) continue;
        for (const i of model.interfaces) {
          const inSubnet = i.addresses.some((a) => a.cidr.prefix < (a.cidr.family === 'ipv4' ? 32 : 128) && cidrContains(a.cidr, dest));
          if (!inSubnet || i.addresses.some((a) => cidrContains(a.host, dest))) continue;
          if (i.peers.some((p) => p.allowedIps.some((a) => cidrContains(a.cidr, dest)))) continue;
          ctx.report({
            file: r.origin.file,
            range: r.origin.range,
            message:
              `This DNAT sends connections to ${addr}, which is routed into ${i.name} (its Address covers it), but no [Peer] of ${i.name} has ${addr} in AllowedIPs: ` +
              `WireGuard has no peer to encrypt the packets for and drops them. Add ${addr}/32 to the AllowedIPs of the peer that hosts the service.`,
          });
        }
      }
    }
  },
});
