import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { getPeers, stripWgSpaces } from '@wglint/wg';
import { peerLabel, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-duplicate-peer',
    severity: 'error',
    summary: 'Two [Peer] sections with the same PublicKey',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      const seen = new Map<string, ReturnType<typeof getPeers>[number]>();
      for (const peer of getPeers(file.ast)) {
        const pk = peer.entries.filter((e) => e.canonicalKey === 'PublicKey').pop();
        if (!pk || pk.value.kind !== 'key' || pk.value.error !== null) continue;
        const key = stripWgSpaces(pk.rawValue);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, peer);
          continue;
        }
        ctx.report({
          file: file.path,
          range: pk.valueRange,
          message: `This PublicKey is already used by ${peerLabel(file, first)}: both sections configure one peer, and this section's AllowedIPs replace the first one's (Endpoint and keepalive are overwritten too). Merge the two [Peer] sections, or fix the key.`,
        });
      }
    }
  },
});
