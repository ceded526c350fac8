import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { getEntries, getPeers } from '@wglint/wg';
import { headerRange, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-peer-missing-public-key',
    severity: 'error',
    summary: 'A [Peer] section without PublicKey (wg refuses the whole file)',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const peer of getPeers(file.ast)) {
        if (getEntries(peer, 'PublicKey').length > 0) continue;
        ctx.report({
          file: file.path,
          range: headerRange(peer),
          message: 'This [Peer] has no `PublicKey`: wg refuses the whole configuration ("A peer is missing a public key"). Add `PublicKey = <the peer\'s public key>`, or remove the section.',
        });
      }
    }
  },
});
