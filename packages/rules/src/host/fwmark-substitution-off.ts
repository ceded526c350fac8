import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'fwmark-substitution-off',
    severity: 'error',
    summary: '`$(wg show %i fwmark)` on an interface that has no fwmark expands to `off`',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      if (i.effectiveFwMark !== undefined) continue;
      const pattern = new RegExp(`\\$\\(\\s*wg\\s+show\\s+${i.name.replace(/[.+]/g, '\\$&')}\\s+fwmark\\s*\\)`);
      for (const c of i.hooks) {
        const w = c.words.find((x) => pattern.test(x.text));
        if (!w) continue;
        ctx.report({
          file: c.file,
          range: w.range,
          message:
            `${i.name} has no fwmark (no \`FwMark\`, and no /0 AllowedIP under Table = auto), so \`$(wg show ${i.name} fwmark)\` prints \`off\` and \`${shown(c, 50)}\` fails ` +
            `(iptables: "bad integer value"), aborting the hook. Set \`FwMark = 51820\` in [Interface], or write the mark as a number.`,
        });
      }
    }
  },
});
