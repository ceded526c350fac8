import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { type WgCidrItem, getEntries, getPeers, networkOf, parseIp } from '@wglint/wg';
import { readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-endpoint-routed-into-tunnel',
    severity: 'warning',
    summary: 'Peer Endpoint inside a non-/0 AllowedIPs prefix with Table auto (handshakes routed into the tunnel)',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      const table = readEntries(file.ast, 'Table').pop();
      // Only Table auto puts AllowedIPs routes into the main table; /0 gets wg-quick's fwmark rules.
      if (table && !(table.value.kind === 'table' && table.value.mode === 'auto') && table.value.kind !== 'empty') continue;
      const routed: { item: WgCidrItem; line: number }[] = [];
      for (const peer of getPeers(file.ast)) {
        for (const e of getEntries(peer, 'AllowedIPs')) {
          if (e.value.kind !== 'cidr-list') continue;
          for (const item of e.value.items) {
            if (!item.error && item.sign !== '-' && item.prefix !== null && item.prefix > 0) routed.push({ item, line: file.lineOf(item.range.start) });
          }
        }
      }
      // Index the routed prefixes by (family, prefix length) → network → first item, so each
      // endpoint costs one lookup per distinct prefix length instead of a scan of every prefix.
      const byPrefix = new Map<string, { family: 4 | 6; prefix: number; nets: Map<bigint, number> }>();
      routed.forEach(({ item }, index) => {
        // Items without a family can never match an endpoint (whose family is 4 or 6).
        if (item.family === null || item.address === null || item.address === undefined) return;
        const family = item.family;
        const prefix = item.prefix!;
        const k = `${family}/${prefix}`;
        let group = byPrefix.get(k);
        if (!group) byPrefix.set(k, (group = { family, prefix, nets: new Map() }));
        const net = networkOf(item.address, family, prefix);
        if (!group.nets.has(net)) group.nets.set(net, index);
      });
      const hooks = readEntries(file.ast, 'PreUp').concat(readEntries(file.ast, 'PostUp')).map((e) => e.rawValue);
      for (const peer of getPeers(file.ast)) {
        const ep = getEntries(peer, 'Endpoint').pop();
        if (!ep || ep.value.kind !== 'endpoint' || ep.value.error || ep.value.host === null) continue;
        const host = ep.value.host;
        const ip = parseIp(host);
        if (!ip) continue;
        // A hook that routes the endpoint itself (`ip route add 203.0.113.5 via ...`) avoids the loop.
        if (hooks.some((h) => h.includes(host))) continue;
        let first = -1;
        for (const group of byPrefix.values()) {
          if (group.family !== ip.family) continue;
          const at = group.nets.get(networkOf(ip.value, ip.family, group.prefix));
          if (at !== undefined && (first < 0 || at < first)) first = at;
        }
        if (first < 0) continue;
        const cover = routed[first]!;
        ctx.report({
          file: file.path,
          range: ep.value.hostRange ?? ep.valueRange,
          message: `Endpoint ${host} lies inside AllowedIPs ${cover.item.text} (line ${cover.line}): with Table auto wg-quick routes that prefix into the tunnel, so the encrypted packets to the endpoint would be sent into the tunnel itself and the handshake never completes. Use \`0.0.0.0/0\`/\`::/0\` (wg-quick then keeps the endpoint out with fwmark rules), leave the endpoint out of AllowedIPs, or add a route for it via the uplink (\`PreUp = ip route add ${host} via <gateway>\`).`,
        });
      }
    }
  },
});
