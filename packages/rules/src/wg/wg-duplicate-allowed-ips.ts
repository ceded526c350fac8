import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { type WgSection, formatIp, getEntries, getPeers, networkOf, stripWgSpaces } from '@wglint/wg';
import { peerLabel, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-duplicate-allowed-ips',
    severity: 'error',
    summary: 'The same AllowedIPs prefix on two peers (the kernel moves it to the later one)',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      // Prefix (network after wg clears host bits) → the first peer routing it.
      const owners = new Map<string, { peer: WgSection; key: string }>();
      for (const peer of getPeers(file.ast)) {
        const pk = getEntries(peer, 'PublicKey').pop();
        const peerKey = pk ? stripWgSpaces(pk.rawValue) : `#${peer.range.start}`;
        const mine = new Set<string>();
        for (const e of getEntries(peer, 'AllowedIPs')) {
          if (e.value.kind !== 'cidr-list') continue;
          for (const item of e.value.items) {
            if (item.error || item.sign === '-' || item.address === null || item.family === null || item.prefix === null) continue;
            const prefix = `${formatIp(networkOf(item.address, item.family, item.prefix), item.family)}/${item.prefix}`;
            const owner = owners.get(prefix);
            // Same peer twice (wg-duplicate-peer) or the same prefix twice in one peer: harmless here.
            if (owner && owner.key !== peerKey && !mine.has(prefix)) {
              ctx.report({
                file: file.path,
                range: item.range,
                message: `AllowedIPs ${prefix} is also given to ${peerLabel(file, owner.peer)}: the kernel keeps one peer per prefix and moves it to this later peer, so the earlier one silently loses it. Give each peer its own prefix (nested prefixes are fine: the longest match wins).`,
              });
            }
            mine.add(prefix);
            if (!owner) owners.set(prefix, { peer, key: peerKey });
          }
        }
      }
    }
  },
});
