import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-endpoint-unbracketed-ipv6',
    severity: 'warning',
    summary: 'IPv6 Endpoint without brackets (works only because wg splits at the last colon)',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const e of readEntries(file.ast, 'Endpoint')) {
        const v = e.value;
        if (v.kind !== 'endpoint' || v.error !== 'unbracketed-ipv6' || v.hostKind !== 'ipv6') continue;
        // Brackets make explicit exactly the split wg already does, so the fix keeps the meaning.
        const fixed = `[${v.host}]:${v.port}`;
        ctx.report({
          file: file.path,
          range: e.valueRange,
          message: `Endpoint \`${e.rawValue}\` is an IPv6 address without brackets: wg reads host \`${v.host}\` and port \`${v.port}\` only because it splits at the last \`:\`, and a missing port would silently change the address. Write \`${fixed}\`.`,
          fix: { title: `Write \`${fixed}\``, edits: [{ range: e.valueRange, text: fixed }] },
        });
      }
    }
  },
});
