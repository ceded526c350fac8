import { defineRule } from '@wglint/core';
import type { HookCommand, HostModel } from '@wglint/host';
import { chainKey } from '@wglint/host';
import { isDown, isUp, runsScript, shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-delete-without-add',
    severity: 'warning',
    summary: 'A PreDown/PostDown `iptables -D` deletes a rule that nothing adds, so it fails',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const model = ctx.model;
    const all = model.interfaces.flatMap((i) => i.hooks);
    if (all.some((c) => isUp(c) && (runsScript(c) || c.type === 'iptables-restore'))) return;
    const adds = all.filter((c): c is HookCommand & { type: 'iptables' } => isUp(c) && !c.refused && c.type === 'iptables' && (c.ipt.kind === 'append' || c.ipt.kind === 'insert' || c.ipt.kind === 'replace'));
    for (const d of all) {
      if (!isDown(d) || d.refused || d.dynamic || d.type !== 'iptables' || d.ipt.kind !== 'delete' || d.ipt.ruleNumber || !d.facts) continue;
      const chain = d.ipt.chain?.text;
      // The dump's rules of that chain (a rule's family, table and chain are those of its chain).
      const bootChain = chain === undefined ? undefined : model.iptables.boot.chains.get(chainKey(d.family, d.ipt.table, chain));
      const added = (k: string): boolean =>
        adds.some((a) => a.family === d.family && a.ipt.table === d.ipt.table && a.ipt.chain?.text === chain && a.facts !== undefined && a.facts.ruleKeys.includes(k)) ||
        (bootChain?.rules.some((r) => r.facts.ruleKeys.includes(k)) ?? false);
      if (d.facts.ruleKeys.every(added)) continue;
      const near = adds.find((a) => a.family === d.family && a.ipt.chain?.text === chain && (a.ipt.table !== d.ipt.table || a.facts?.target === d.facts?.target));
      const hint = near
        ? near.ipt.table !== d.ipt.table
          ? ` The add \`${shown(near, 60)}\` is in the ${near.ipt.table} table; this delete is in ${d.ipt.table}${d.ipt.tableWord ? '' : ' (no -t)'}.`
          : ` It differs from the add \`${shown(near, 60)}\`: -D must repeat the rule exactly, matches in the same order.`
        : '';
      ctx.report({
        file: d.file,
        range: d.range,
        message:
          `\`${shown(d, 70)}\` deletes a rule that no PreUp/PostUp adds and the dump does not contain: iptables fails with "Bad rule (does a matching rule exist in that chain?)", ` +
          `and wg-quick stops running the remaining ${d.hook} commands${d.hook === 'PreDown' ? ' and leaves the interface up' : ''}.${hint}`,
      });
    }
  },
});
