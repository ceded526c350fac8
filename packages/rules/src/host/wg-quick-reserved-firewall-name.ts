import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { isUp, shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-quick-reserved-firewall-name',
    severity: 'warning',
    summary: "A hook creates firewall state under a name wg-quick deletes on down (`wg-quick-IFACE` tables, `wg-quick(8) rule for` comments)",
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const names = ctx.model.interfaces.map((i) => i.name);
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (!isUp(c) || c.refused) continue;
        let what: string | undefined;
        if (c.type === 'nft' && c.nft.table && /^wg-quick-/.test(c.nft.table) && names.includes(c.nft.table.slice('wg-quick-'.length))) {
          what = `the nft table \`${c.nft.table}\``;
        } else if (c.type === 'iptables' && /wg-quick\(8\) rule for /.test(c.words.map((w) => w.text).join(' '))) {
          what = 'an iptables rule commented `wg-quick(8) rule for ...`';
        }
        if (!what) continue;
        ctx.report({
          file: c.file,
          range: c.range,
          message:
            `\`${shown(c, 60)}\` creates ${what}: wg-quick uses that name for its own full-tunnel firewall and deletes everything under it on \`down\` (facts §1.10), ` +
            `so this state vanishes or collides with wg-quick's. Use a name of your own (e.g. \`${i.name}-fw\`).`,
        });
      }
    }
  },
});
