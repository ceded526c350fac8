import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { BUILTIN_TABLES } from '@wglint/iproute';

export default defineRule<HostModel>({
  meta: {
    id: 'route-add-default-exists',
    severity: 'warning',
    summary: 'An `ip route add default` into the main table in an up hook, where a default route usually exists already',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (c.type !== 'ip-route' || c.route.op !== 'add' || c.dynamic) continue;
        if (c.hook !== 'PreUp' && c.hook !== 'PostUp') continue;
        const d = c.route.destination;
        if (d !== 'default' && d !== '0.0.0.0/0' && d !== '::/0' && d !== '0/0') continue;
        const t = c.route.table;
        if (t !== 'main' && t !== String(BUILTIN_TABLES.main) && t !== '') continue;
        if (c.conditional || c.tolerated || c.refused) continue;
        ctx.report({
          file: c.file,
          range: c.range,
          message:
            'This adds a second default route to the main table; on a host that already has one (almost every host) the kernel answers "RTNETLINK answers: File exists" and wg-quick aborts. ' +
            'Put the route in its own table with an `ip rule` (or let wg-quick do it with AllowedIPs = 0.0.0.0/0), or use `ip route replace` if replacing the default route is really intended.',
        });
      }
    }
  },
});
