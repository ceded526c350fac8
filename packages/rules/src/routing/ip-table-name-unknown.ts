import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { BUILTIN_TABLES, parseUnsigned } from '@wglint/iproute';

export default defineRule<HostModel>({
  meta: {
    id: 'ip-table-name-unknown',
    severity: 'warning',
    summary: 'A routing table named in `ip rule`/`ip route` that is neither a number nor a built-in name',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        const table = c.type === 'ip-rule' ? c.rule.table : c.type === 'ip-route' ? c.route.table : undefined;
        if (table === undefined || c.dynamic || c.refused) continue;
        if (parseUnsigned(table) !== undefined || BUILTIN_TABLES[table] !== undefined || table === 'all') continue;
        const w = [...c.words].reverse().find((x) => x.text === table);
        const what = c.type === 'ip-rule' ? 'ip rule' : 'ip route';
        const err = c.type === 'ip-rule' ? `Error: argument "${table}" is wrong: invalid table ID` : `Error: argument "${table}" is wrong: "table" value is invalid`;
        ctx.report({
          file: c.file,
          range: w?.range ?? c.range,
          message:
            `Routing table \`${table}\` is a name: \`${what}\` only accepts it when /etc/iproute2/rt_tables (or rt_tables.d/*.conf) lists it, otherwise it fails with "${err}". ` +
            'Use the table number, or make sure the name is defined on this host.',
        });
      }
    }
  },
});
