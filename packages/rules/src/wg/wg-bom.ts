import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-bom',
    severity: 'error',
    summary: 'File starts with a UTF-8 byte order mark',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      if (!file.ast.bom) continue;
      ctx.report({
        file: file.path,
        range: file.ast.bom,
        message: 'The file starts with a UTF-8 byte order mark: neither wg-quick nor wg recognise the first `[Interface]` behind it ("Line unrecognized"). Save the file as UTF-8 without BOM.',
        fix: { title: 'Remove the byte order mark', edits: [{ range: file.ast.bom, text: '' }] },
      });
    }
  },
});
