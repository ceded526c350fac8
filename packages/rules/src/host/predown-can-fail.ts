import { defineRule } from '@wglint/core';
import type { HookCommand, HostModel } from '@wglint/host';
import { shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'predown-can-fail',
    severity: 'warning',
    summary: 'A PreDown delete that fails when its target is gone keeps the interface up',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (c.hook !== 'PreDown' || c.refused || c.tolerated || !isDelete(c)) continue;
        ctx.report({
          file: c.file,
          range: c.range,
          message:
            `\`${shown(c, 70)}\` fails when what it deletes is already gone (a manual flush, a failed \`up\`), and a failing PreDown makes \`wg-quick down\` stop ` +
            `before deleting ${i.name}: the tunnel cannot be taken down. Run it in PostDown, or append \`|| true\`.`,
        });
      }
    }
  },
});

function isDelete(c: HookCommand): boolean {
  if (c.type === 'iptables') return c.ipt.kind === 'delete' || c.ipt.kind === 'delete-chain';
  if (c.type === 'ip-rule') return c.rule.op === 'del';
  if (c.type === 'ip-route') return c.route.op === 'del';
  if (c.type === 'nft') return c.nft.verb === 'delete';
  return false;
}
