import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { deleteLine, readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-mtu-invalid',
    severity: 'error',
    summary: 'MTU that is not a number from 68 to 65535',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const e of readEntries(file.ast, 'MTU')) {
        if (e.value.kind !== 'mtu' || e.value.error === null) continue;
        const raw = e.rawValue;
        if (e.value.error === 'not-a-number') {
          const auto = /^auto$/i.test(raw);
          ctx.report({
            file: file.path,
            range: e.valueRange,
            message: `MTU \`${raw}\` is not a number: wg-quick passes it to \`ip link set mtu\`, which refuses it, and the interface does not come up. ${auto ? 'Remove the line: without MTU wg-quick picks one automatically.' : 'Write a number such as 1420, or remove the line for automatic MTU.'}`,
            ...(auto ? { fix: { title: 'Remove `MTU = auto` (automatic is the default)', edits: [deleteLine(file.text, e.range)] } } : {}),
          });
        } else {
          ctx.report({
            file: file.path,
            range: e.valueRange,
            message: `MTU ${raw} is ${e.value.error === 'too-small' ? 'below the kernel minimum of 68' : 'above 65535'}: \`ip link set mtu\` fails and the interface does not come up. Use a value such as 1420, or remove the line for automatic MTU.`,
          });
        }
      }
    }
  },
});
