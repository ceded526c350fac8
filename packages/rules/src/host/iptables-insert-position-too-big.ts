import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { hasDump } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-insert-position-too-big',
    severity: 'error',
    summary: '`iptables -I CHAIN N` with N past the end of the chain, which iptables refuses',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const { hook, length } of ctx.model.iptables.badInserts) {
      if (hook.type !== 'iptables' || !hook.ipt.ruleNumber || !hasDump(ctx.model, hook.family)) continue;
      const chain = hook.ipt.chain?.text ?? '';
      ctx.report({
        file: hook.file,
        range: hook.ipt.ruleNumber.word.range,
        message:
          `${chain} has ${length} rule${length === 1 ? '' : 's'} when this ${hook.hook} runs (the dump plus earlier hooks), so \`-I ${chain} ${hook.ipt.ruleNumber.value}\` fails with ` +
          `"Index of insertion too big" and \`wg-quick up\` aborts. Use a position from 1 to ${length + 1}.`,
      });
    }
  },
});
