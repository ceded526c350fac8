import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { isUp, shown } from './utils.js';

const BUILTIN = new Set(['INPUT', 'FORWARD', 'OUTPUT']);

export default defineRule<HostModel>({
  meta: {
    id: 'catch-all-verdict-in-hook',
    severity: 'warning',
    summary: 'A hook adds an unconditional DROP/REJECT to a built-in chain, affecting the whole host',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (!isUp(c) || c.refused || c.type !== 'iptables' || !c.facts || (c.ipt.kind !== 'append' && c.ipt.kind !== 'insert')) continue;
        const chain = c.ipt.chain?.text ?? '';
        if (c.ipt.table !== 'filter' || !BUILTIN.has(chain) || !c.facts.matchesAll) continue;
        if (c.facts.target !== 'DROP' && c.facts.target !== 'REJECT') continue;
        ctx.report({
          file: c.file,
          range: c.range,
          message:
            `\`${shown(c, 60)}\` ${c.facts.target === 'DROP' ? 'drops' : 'rejects'} every packet in ${chain} while ${i.name} is up, for every interface and service of the host, not only the tunnel. ` +
            `Match what the tunnel needs (\`-i %i\`/\`-o %i\`), or set the chain's policy in the host firewall instead.`,
        });
      }
    }
  },
});
