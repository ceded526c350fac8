import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { isBuiltinChain } from '@wglint/iptables';
import { issuesOf, saveFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-bad-policy',
    severity: 'error',
    summary: 'A chain line gives a policy iptables-restore refuses, or a policy to a user chain',
    fixable: false,
    languages: ['iptables-save', 'wg'],
  },
  check(ctx) {
    // `-P` commands (hooks, or command lines inside a dump).
    for (const { file, issue } of issuesOf(ctx.model, ['policy'])) {
      ctx.report({ file, range: issue.range, message: `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.` });
    }
    for (const file of saveFiles(ctx.model.files)) {
      for (const t of file.ast.tables) {
        for (const c of t.chains) {
          const p = c.policy;
          if (p === '' || (t.name === 'nat' && p === 'DROP')) continue;
          const builtin = isBuiltinChain(t.name, c.name);
          if (builtin) {
            if (p === 'ACCEPT' || p === 'DROP' || p === '-') continue;
            ctx.report({
              file: file.file.path,
              range: c.policyRange,
              message:
                `Bad policy name \`${p}\` for ${c.name}: a built-in chain's policy is ACCEPT or DROP (uppercase)` +
                (p === 'REJECT' ? '. For REJECT, use policy DROP and end the chain with an explicit `-j REJECT` rule.' : '.'),
            });
          } else if (p !== '-') {
            ctx.report({
              file: file.file.path,
              range: c.policyRange,
              message:
                `\`${c.name}\` is not a built-in chain of the ${t.name} table, so it cannot have policy ${p}: ` +
                `iptables-legacy refuses the line and iptables-nft silently creates a user chain \`${c.name}\` that nothing uses. ` +
                `Write \`:${c.name} - [0:0]\` for a user chain, or remove the line.`,
            });
          }
        }
      }
    }
  },
});
