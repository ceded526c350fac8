import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { headerRange, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-header-inner-space',
    severity: 'error',
    summary: 'Section header with spaces inside the brackets (`[ Interface ]`)',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const s of file.ast.sections) {
        if (!s.header.innerSpace || s.kind === 'unknown' || !s.header.closed) continue;
        const fixed = `[${s.kind}]`;
        const effect = s.kind === 'Interface'
          ? 'wg-quick does not recognise it, so Address, DNS, MTU, Table and the PreUp/PostUp/PreDown/PostDown hooks go to wg, which refuses them'
          : 'wg accepts it, but wg-quick does not see a section change, which is fragile';
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
