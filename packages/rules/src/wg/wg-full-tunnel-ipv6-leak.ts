import { defineRule } from '@wglint/core';
import type { HostModel, WgInterface } from '@wglint/host';
import { sysctlValue } from '@wglint/host';
import { getEntries, getPeers } from '@wglint/wg';
import { wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-full-tunnel-ipv6-leak',
    severity: 'info',
    summary: 'A full tunnel for IPv4 (0.0.0.0/0) that leaves IPv6 outside the tunnel',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const model = ctx.model;
    if (ipv6Off(model)) return;
    for (const file of wgFiles(model)) {
      const iface = model.interfaces.find((i) => i.file === file.path);
      if (!iface || !iface.fullTunnel.ipv4 || iface.fullTunnel.ipv6 || handlesIpv6(iface)) continue;
      for (const peer of getPeers(file.ast)) {
        const all = getEntries(peer, 'AllowedIPs').flatMap((e) => (e.value.kind === 'cidr-list' ? e.value.items : []));
        // `::/1, 8000::/1` (or any short IPv6 prefix) sends IPv6 through the tunnel by routes instead of rules
        if (all.some((x) => !x.error && x.family === 6 && x.prefix !== null && x.prefix <= 1)) return;
        const v4 = all.find((x) => !x.error && x.sign !== '-' && x.family === 4 && x.prefix === 0);
        if (!v4) continue;
        ctx.report({
          file: file.path,
          range: v4.range,
          message:
            `${iface.name} sends all IPv4 through the tunnel (\`0.0.0.0/0\`) but not IPv6: on a network with IPv6 (most home and mobile networks), ` +
            `this machine's IPv6 traffic leaves outside the tunnel, from its real address. Add \`::/0\` to AllowedIPs: wg-quick then routes IPv6 into the tunnel too, ` +
            `where the server carries it or, without IPv6, drops it instead of letting it leak. Leave it as it is if IPv6 is off on this machine.`,
        });
        return;
      }
    }
  },
});

/** `net.ipv6.conf.all.disable_ipv6 = 1` at boot or from a hook: there is no IPv6 to leak. */
function ipv6Off(model: HostModel): boolean {
  return ['boot', 'up'].some((phase) => sysctlValue(model, phase as 'boot' | 'up', 'net.ipv6.conf.all.disable_ipv6')?.value.trim() === '1');
}

/** Hooks that deal with IPv6 themselves (an ip6tables or nft kill switch): this rule cannot judge them. */
function handlesIpv6(i: WgInterface): boolean {
  return i.hooks.some((c) => (c.type === 'iptables' && c.family === 'ipv6') || c.type === 'nft' || c.program === 'nft' || /disable_ipv6/.test(c.sourceText));
}
