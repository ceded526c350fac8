import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'hook-global-flush',
    severity: 'warning',
    summary: 'A hook flushes a whole iptables table or the whole nft ruleset',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (c.refused) continue;
        let what: string | undefined;
        if (c.type === 'iptables' && (c.ipt.kind === 'flush' || c.ipt.kind === 'delete-chain') && !c.ipt.chain) what = `every chain of the ${c.ipt.table} table`;
        else if (c.type === 'nft' && c.nft.verb === 'flush' && c.nft.object === 'ruleset') what = 'the whole nftables ruleset (iptables-nft, Docker, firewalld and wg-quick tables included)';
        if (!what) continue;
        ctx.report({
          file: c.file,
          range: c.range,
          message:
            `\`${shown(c, 60)}\` (${c.hook}) wipes ${what}, not only ${i.name}'s rules: the host firewall and other software's rules disappear whenever the tunnel goes up or down. ` +
            `Keep the tunnel's rules in a chain or table of their own and flush/delete only that.`,
        });
      }
    }
  },
});
