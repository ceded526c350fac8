import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { type SysctlUse, sysctlUses, useText } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'sysctl-overridden',
    severity: 'info',
    summary: 'A sysctl.d setting that a later file (or a later line) sets to a different value',
    fixable: false,
    languages: ['sysctl'],
  },
  check(ctx) {
    const uses = sysctlUses(ctx.model).filter((u) => u.source === 'file' && !u.entry?.glob);
    const last = new Map<string, SysctlUse>();
    for (const u of uses) last.set(u.key, u);
    for (const u of uses) {
      const winner = last.get(u.key)!;
      if (winner === u || winner.value.trim() === u.value.trim()) continue;
      ctx.report({
        file: u.file,
        range: u.range,
        message:
          `\`${u.key} = ${u.value}\` is overridden by \`${winner.key} = ${winner.value}\` at ${useText(ctx.model, winner)}, which systemd-sysctl applies later ` +
          '(files run in file-name order across /etc, /run and /usr/lib, later settings win). Remove one of them or make them agree.',
      });
    }
  },
});
