import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { parseUnsigned } from '@wglint/iproute';

export default defineRule<HostModel>({
  meta: {
    id: 'ip-table-name-unknown',
    severity: 'warning',
    summary: 'A routing table named in `Table =` or an `ip rule`/`ip route` hook that is neither a number nor a name the host defines',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const known = ctx.model.routingTables;
    const isKnown = (table: string): boolean => parseUnsigned(table) !== undefined || known.names.has(table);
    const where = known.files.length > 0 ? `${known.files.join(', ')} ${known.files.length === 1 ? 'does' : 'do'} not list it` : 'unless /etc/iproute2/rt_tables (or rt_tables.d/*.conf) lists it';
    for (const i of ctx.model.interfaces) {
      // `Table = NAME`: wg-quick adds each AllowedIPs route with `ip route add ... table NAME`.
      const t = i.table;
      const lower = t.value.toLowerCase();
      if (t.range && lower !== 'off' && lower !== 'auto' && !isKnown(t.value) && i.peers.some((p) => p.allowedIps.length > 0)) {
        ctx.report({
          file: i.file,
          range: t.range,
          message:
            `\`Table = ${t.value}\` names a routing table that is not defined on this host (${where}): \`wg-quick up\` adds the AllowedIPs routes with ` +
            `\`ip route add ... table ${t.value}\`, which fails with "Error: argument "${t.value}" is wrong: "table" value is invalid". ` +
            (known.files.length > 0 ? `Add a line \`ID ${t.value}\` (an unused number from 1 to 252) to etc/iproute2/rt_tables, or use the table number.` : 'Use the table number, or make sure the name is defined on every host that uses this config.'),
        });
      }
      for (const c of i.hooks) {
        const table = c.type === 'ip-rule' ? c.rule.table : c.type === 'ip-route' ? c.route.table : undefined;
        if (table === undefined || c.dynamic || c.refused) continue;
        if (isKnown(table) || table === 'all') continue;
        const w = [...c.words].reverse().find((x) => x.text === table);
        const what = c.type === 'ip-rule' ? 'ip rule' : 'ip route';
        const err = c.type === 'ip-rule' ? `Error: argument "${table}" is wrong: invalid table ID` : `Error: argument "${table}" is wrong: "table" value is invalid`;
        ctx.report({
          file: c.file,
          range: w?.range ?? c.range,
          message:
            known.files.length > 0
              ? `Routing table \`${table}\` is not defined on this host: ${known.files.join(', ')} ${known.files.length === 1 ? 'does' : 'do'} not list it, so \`${what}\` fails with "${err}". ` +
                `Add a line \`ID ${table}\` (an unused number from 1 to 252) to etc/iproute2/rt_tables, or use the table number.`
              : `Routing table \`${table}\` is a name: \`${what}\` only accepts it when /etc/iproute2/rt_tables (or rt_tables.d/*.conf) lists it, otherwise it fails with "${err}". ` +
                'Use the table number, or make sure the name is defined on this host.',
        });
      }
    }
  },
});
