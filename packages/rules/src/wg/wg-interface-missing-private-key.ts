import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { getInterfaceSections } from '@wglint/wg';
import { headerRange, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-interface-missing-private-key',
    severity: 'error',
    summary: '[Interface] without PrivateKey',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      const sections = getInterfaceSections(file.ast);
      if (sections.length === 0) continue;
      const entries = sections.flatMap((s) => s.entries);
      if (entries.some((e) => e.canonicalKey === 'PrivateKey')) continue;
      // `PostUp = wg set %i private-key /etc/wireguard/wg0.key` loads the key from a file instead.
      if (entries.some((e) => e.value.kind === 'hook' && /\bprivate-key\b/.test(e.value.command))) continue;
      ctx.report({
        file: file.path,
        range: headerRange(sections[0]!),
        message: '[Interface] has no `PrivateKey`: the interface comes up without a key and no handshake can succeed. Add `PrivateKey = <output of wg genkey>` (or load it with `PostUp = wg set %i private-key <file>`).',
      });
    }
  },
});
