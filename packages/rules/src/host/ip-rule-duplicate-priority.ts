import { defineRule } from '@wglint/core';
import type { HookCommand, HostModel } from '@wglint/host';
import { isUp, placeOf, shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'ip-rule-duplicate-priority',
    severity: 'info',
    summary: 'Two different ip rules on one host share a priority',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const first = new Map<string, HookCommand & { type: 'ip-rule' }>();
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (!isUp(c) || c.refused || c.type !== 'ip-rule' || c.rule.op !== 'add' || c.rule.priority === undefined) continue;
        const key = `${c.rule.family} ${c.rule.priority}`;
        const prev = first.get(key);
        if (!prev) {
          first.set(key, c);
          continue;
        }
        if (prev.rule.selectorKey === c.rule.selectorKey) continue;
        ctx.report({
          file: c.file,
          range: c.range,
          message:
            `\`${shown(c, 60)}\` has priority ${c.rule.priority}, like \`${shown(prev, 60)}\` (${placeOf(ctx.model, prev.file, prev.range.start)}): ` +
            `rules with equal priority are tried in the order they were added, which depends on which interface came up first. Give each rule its own priority.`,
        });
      }
    }
  },
});
