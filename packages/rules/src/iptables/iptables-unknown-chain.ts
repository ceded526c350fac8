import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { chainsCreatedByLoader } from '@wglint/host';
import { BUILTIN_CHAINS } from '@wglint/iptables';
import { hookChainMistakes } from './unknown-chain-in-hooks.js';
import { issuesOf, saveFiles, tableIndex, userChains } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-unknown-chain',
    severity: 'error',
    summary: 'A rule adds to or jumps to a chain that does not exist in its table',
    fixable: false,
    languages: ['iptables-save', 'wg'],
  },
  check(ctx) {
    for (const { file, issue } of issuesOf(ctx.model, ['unknown-chain'])) {
      ctx.report({ file, range: issue.range, message: `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.` });
    }
    for (const m of hookChainMistakes(ctx.model)) ctx.report(m);
    for (const file of saveFiles(ctx.model.files)) {
      for (const t of file.ast.tables) {
        const chains = userChains(t);
        const builtins = BUILTIN_CHAINS[t.name] ?? [];
        const loaderChains = chainsCreatedByLoader(file.file.path, t.name);
        for (const r of tableIndex(t).jumps) {
          const target = r.command.rule?.target;
          if (!target || target.kind !== 'chain' || chains.has(target.name) || loaderChains.has(target.name)) continue;
          const builtin = builtins.includes(target.name);
          const upper = [...chains, ...builtins].find((c) => c.toLowerCase() === target.name.toLowerCase() && c !== target.name);
          ctx.report({
            file: file.file.path,
            range: target.nameWord.range,
            message: builtin
              ? `\`${target.flagWord.text} ${target.name}\` jumps to a built-in chain, which iptables refuses; jump to a user chain instead.`
              : upper
                ? `No chain or target \`${target.name}\` in the ${t.name} table; names are case-sensitive: did you mean \`${upper}\`?`
                : `No chain or target \`${target.name}\` in the ${t.name} table: iptables-restore fails with "Chain '${target.name}' does not exist". Declare it with \`:${target.name} - [0:0]\` or fix the name.`,
          });
        }
      }
    }
  },
});
