import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { getEntries, getPeers } from '@wglint/wg';
import { wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-peer-multiple-public-keys',
    severity: 'error',
    summary: 'A [Peer] section with more than one PublicKey (usually a missing [Peer] header)',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const peer of getPeers(file.ast)) {
        const keys = getEntries(peer, 'PublicKey');
        for (const extra of keys.slice(1)) {
          ctx.report({
            file: file.path,
            range: extra.keyRange,
            message: `Second \`PublicKey\` in one [Peer] section (first at line ${file.lineOf(keys[0]!.range.start)}): wg keeps only the last one, so the two peers merge into one with all their AllowedIPs. If this line starts another peer, put a \`[Peer]\` header above it.`,
          });
        }
      }
    }
  },
});
