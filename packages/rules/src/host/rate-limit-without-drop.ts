import { defineRule } from '@wglint/core';
import type { HostModel, IptRuleFact } from '@wglint/host';
import { iptCovers, isDropping } from '@wglint/host';
import { originText } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'rate-limit-without-drop',
    severity: 'warning',
    summary: 'A rate-limited ACCEPT with nothing dropping the excess: the limit has no effect',
    fixable: false,
    languages: ['iptables-save', 'wg'],
  },
  check(ctx) {
    const model = ctx.model;
    for (const chain of model.iptables.up.chains.values()) {
      if (chain.table !== 'filter' || chain.policy !== 'ACCEPT') continue;
      const rules = chain.rules;
      // What follows each rule, indexed once per chain (only when the chain has a limited ACCEPT):
      // the last jump, the last catch-all drop, and the drops that may cover something.
      let after: { lastJump: number; lastCatchAll: number; drops: number[] } | undefined;
      rules.forEach((r, k) => {
        if (r.facts.target !== 'ACCEPT' || !r.facts.modules.some((m) => m === 'limit' || m === 'hashlimit')) return;
        if (r.origin.kind === 'default' || r.origin.kind === 'wg-quick') return;
        after ??= indexChain(rules);
        // Jumps after it may drop; stay quiet.
        if (after.lastJump > k || after.lastCatchAll > k) return;
        const drops = after.drops;
        let lo = 0;
        let hi = drops.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (drops[mid]! <= k) lo = mid + 1;
          else hi = mid;
        }
        for (let j = lo; j < drops.length; j++) if (iptCovers(rules[drops[j]!]!.facts, r.facts)) return;
        ctx.report({
          file: r.origin.file,
          range: r.origin.range,
          message:
            `This rate-limited ACCEPT in ${chain.chain} is not followed by a rule that drops the packets over the limit, and the policy is ACCEPT (${originText(model, chain.policyOrigin)}): ` +
            `packets over the limit fall through and are accepted anyway. Add a DROP for the same traffic right after it (e.g. \`-A ${chain.chain} ${r.facts.protocol ? `-p ${r.facts.protocol.name} ` : ''}${r.facts.dports ? `--dport ${r.facts.dports.ranges.map((p) => (p.from === p.to ? p.from : `${p.from}:${p.to}`)).join(',')} ` : ''}-j DROP\`).`,
        });
      });
    }
  },
});

/** Positions of the last jump to a user chain, of the last catch-all DROP/REJECT, and of every other DROP/REJECT that may cover a rule. */
function indexChain(rules: readonly IptRuleFact[]): { lastJump: number; lastCatchAll: number; drops: number[] } {
  let lastJump = -1;
  let lastCatchAll = -1;
  const drops: number[] = [];
  rules.forEach((x, j) => {
    if (x.command.rule?.target?.kind === 'chain') lastJump = j;
    if (!isDropping(x.facts)) return;
    if (x.facts.matchesAll) lastCatchAll = j;
    else if (!x.facts.hasOtherMatches) drops.push(j);
  });
  return { lastJump, lastCatchAll, drops };
}
