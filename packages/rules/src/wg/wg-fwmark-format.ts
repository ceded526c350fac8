import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-fwmark-format',
    severity: 'error',
    summary: 'FwMark that is not `off`, a decimal, or lowercase-`0x` hex up to 0xffffffff',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const e of readEntries(file.ast, 'FwMark')) {
        if (e.value.kind !== 'fwmark' || e.value.error === null) continue;
        const refused = `wg refuses it ("Fwmark is neither 0/off nor 0-0xffffffff")`;
        if (e.value.error === 'uppercase-hex-prefix') {
          const fixed = `0x${e.rawValue.slice(2)}`;
          ctx.report({
            file: file.path,
            range: e.valueRange,
            message: `FwMark \`${e.rawValue}\` uses \`0X\`: wg reads hex only after a lowercase \`0x\`, so ${refused}. Write \`${fixed}\`.`,
            fix: { title: `Write \`${fixed}\``, edits: [{ range: e.valueRange, text: fixed }] },
          });
        } else {
          ctx.report({
            file: file.path,
            range: e.valueRange,
            message: `FwMark \`${e.rawValue}\` is ${e.value.error === 'out-of-range' ? 'above 0xffffffff' : 'not `off`, a decimal number or `0x` hex'}: ${refused}. Use e.g. \`FwMark = 0xca6c\` or \`FwMark = 51820\`.`,
          });
        }
      }
    }
  },
});
