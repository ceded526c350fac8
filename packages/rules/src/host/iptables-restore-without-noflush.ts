import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-restore-without-noflush',
    severity: 'warning',
    summary: 'A hook runs iptables-restore without --noflush, replacing every table in its input',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (c.type !== 'iptables-restore' || c.refused) continue;
        const args = c.words.slice(1).map((w) => w.text);
        if (args.some((a) => a === '-n' || a === '--noflush' || /^-[a-zA-Z]*n[a-zA-Z]*$/.test(a) || a === '-t' || a === '--test')) continue;
        ctx.report({
          file: c.file,
          range: c.words[0]!.range,
          message:
            `\`${shown(c, 60)}\` flushes every table that appears in its input before loading it (facts §2.9): rules that other software (Docker, ufw, the host firewall) put in those tables are lost. ` +
            `Use \`${c.program} -n\` (\`--noflush\`).`,
        });
      }
    }
  },
});
