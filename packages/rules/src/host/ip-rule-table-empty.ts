import { defineRule } from '@wglint/core';
import { type HostModel, hostTable } from '@wglint/host';
import { isUp, runsScript, shown } from './utils.js';

const BUILTIN = new Set(['main', 'local', 'default', '0', 'unspec']);

export default defineRule<HostModel>({
  meta: {
    id: 'ip-rule-table-empty',
    severity: 'warning',
    summary: 'An ip rule looks up a routing table that nothing on the host fills',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const model = ctx.model;
    const hooks = model.interfaces.flatMap((i) => i.hooks);
    // Scripts and route commands computed at run time may fill any table.
    if (hooks.some((c) => isUp(c) && (runsScript(c) || (c.type === 'ip-route' && c.dynamic)))) return;
    const filled = new Set<string>(model.routes.map((r) => hostTable(model.routingTables, r.table)));
    for (const i of model.interfaces) if (i.routeTable) filled.add(hostTable(model.routingTables, i.routeTable));
    for (const c of hooks) {
      if (!isUp(c) || c.refused || c.type !== 'ip-rule' || c.rule.op !== 'add' || !c.rule.table) continue;
      const t = c.rule.table;
      if (BUILTIN.has(t) || filled.has(hostTable(model.routingTables, t)) || c.dynamic) continue;
      ctx.report({
        file: c.file,
        range: c.range,
        message:
          `\`${shown(c, 70)}\` sends traffic to table ${t}, but nothing on this host puts routes there (no \`Table = ${t}\` in a WireGuard config, no \`ip route add ... table ${t}\` in a hook): ` +
          `the lookup finds nothing and the packets fall through to the next rule. Set \`Table = ${t}\` on the interface that should carry this traffic, or fix the table number.`,
      });
    }
  },
});
