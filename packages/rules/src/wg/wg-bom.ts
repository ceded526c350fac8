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
    const message = 'The file starts with a UTF-8 byte order mark: neither wg-quick nor wg recognise the first `[Interface]` behind it ("Line unrecognized"). Save the file as UTF-8 without BOM.';
    for (const file of wgFiles(ctx.model)) {
      if (file.ast.bom) {
        ctx.report({ file: file.path, range: file.ast.bom, message, fix: { title: 'Remove the byte order mark', edits: [{ range: file.ast.bom, text: '' }] } });
      } else if (file.bom) {
        // read from disk: the reader took the BOM out of the text (and keeps it on write), so no edit can remove it
        ctx.report({ file: file.path, range: { start: 0, end: 0 }, message: `${message} For example: \`sed -i '1s/^\\xEF\\xBB\\xBF//' ${file.path}\`.` });
      }
    }
  },
});
