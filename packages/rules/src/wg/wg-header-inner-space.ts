import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { headerRange, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-header-inner-space',
    severity: 'error',
    summary: '`[ Interface ]` with spaces inside the brackets, which wg-quick does not recognise',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const s of file.ast.sections) {
        // `[ Peer ]` works: wg accepts it and wg-quick ends the interface section at any `[` line (facts §1.2)
        if (!s.header.innerSpace || s.kind !== 'Interface' || !s.header.closed) continue;
        const fixed = `[${s.kind}]`;
        const effect = 'wg-quick does not recognise it, so Address, DNS, MTU, Table and the PreUp/PostUp/PreDown/PostDown hooks go to wg, which refuses them';
        ctx.report({
          file: file.path,
          range: headerRange(s),
          message: `\`${s.header.raw}\` has spaces inside the brackets: ${effect}. Write \`${fixed}\`.`,
          fix: { title: `Write \`${fixed}\``, edits: [{ range: headerRange(s), text: fixed }] },
        });
      }
    }
  },
});
