import { defineRule } from '@wglint/core';
import { type HostModel, hostTable } from '@wglint/host';
import { isUp, runsScript } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'table-without-ip-rule',
    severity: 'warning',
    summary: 'An interface routes into its own Table but no ip rule ever looks that table up',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const model = ctx.model;
    const hooks = model.interfaces.flatMap((i) => i.hooks);
    if (hooks.some((c) => isUp(c) && (runsScript(c) || (c.type === 'ip-rule' && c.dynamic)))) return;
    const looked = new Set(model.ipRules.flatMap((r) => (r.table ? [hostTable(model.routingTables, r.table)] : [])));
    for (const i of model.interfaces) {
      const t = i.table;
      if (!t.range || ['auto', 'off', 'main', '254'].includes(t.value) || (i.routeTable && looked.has(hostTable(model.routingTables, i.routeTable)))) continue;
      if (i.peers.every((p) => p.allowedIps.length === 0)) continue;
      ctx.report({
        file: i.file,
        range: t.range,
        message:
          `With \`Table = ${t.value}\` wg-quick puts ${i.name}'s routes into table ${t.value} and adds no ip rule for it (facts §1.9), and no hook adds one: ` +
          `nothing looks the table up, so no traffic goes into the tunnel. Add \`PostUp = ip rule add <selector> table ${t.value} priority N\` ` +
          `(and the matching \`PostDown = ip rule del ...\`), or drop \`Table\` to let wg-quick route in main.`,
      });
    }
  },
});
