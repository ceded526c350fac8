import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
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
      chain.rules.forEach((r, k) => {
        if (r.facts.target !== 'ACCEPT' || !r.facts.modules.some((m) => m === 'limit' || m === 'hashlimit')) return;
        if (r.origin.kind === 'default' || r.origin.kind === 'wg-quick') return;
        if (chain.rules.slice(k + 1).some((x) => isDropping(x.facts) && iptCovers(x.facts, r.facts))) return;
        // Jumps after it may drop; stay quiet.
        if (chain.rules.slice(k + 1).some((x) => x.command.rule?.target?.kind === 'chain')) return;
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
