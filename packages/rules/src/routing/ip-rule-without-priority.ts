import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';

export default defineRule<HostModel>({
  meta: {
    id: 'ip-rule-without-priority',
    severity: 'warning',
    summary: 'An `ip rule add` in a hook without an explicit priority',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (c.type !== 'ip-rule' || c.rule.op !== 'add' || c.rule.priority !== undefined || c.dynamic || c.refused) continue;
        ctx.report({
          file: c.file,
          range: c.range,
          message:
            'This `ip rule add` has no `priority`: the kernel picks one just below the second rule in the list, so where the rule lands depends on which rules exist, ' +
            'and every `wg-quick up` after a failed start adds a duplicate instead of failing with "File exists". ' +
            'Add `priority N` (for example `priority 1000`) and delete it with the same `ip rule del ... priority N` in PostDown.',
        });
      }
    }
  },
});
