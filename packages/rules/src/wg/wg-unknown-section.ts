import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { headerRange, shownKey, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-unknown-section',
    severity: 'error',
    summary: 'Section header other than [Interface] or [Peer]',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const s of file.ast.sections) {
        if (s.kind !== 'unknown') continue;
        const name = s.header.name.replace(/\s+/g, '').toLowerCase();
        const hint = name.startsWith('peer') ? ' Did you mean `[Peer]`?' : name.startsWith('interface') ? ' Did you mean `[Interface]`?' : '';
        ctx.report({
          file: file.path,
          range: headerRange(s),
          message: `Unknown section \`${shownKey(s.header.raw)}\`: wg knows only [Interface] and [Peer] and refuses the line ("Line unrecognized"), and wg-quick stops reading [Interface] keys here.${hint}`,
        });
      }
    }
  },
});
