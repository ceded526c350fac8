import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { saveFiles, tableIndex } from './utils.js';

const LIMITING = new Set(['limit', 'hashlimit']);

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-log-without-limit',
    severity: 'warning',
    summary: 'A LOG or NFLOG rule has no -m limit/hashlimit, so a flood of packets floods the log',
    fixable: false,
    languages: ['iptables-save'],
  },
  check(ctx) {
    for (const file of saveFiles(ctx.model.files)) {
      for (const t of file.ast.tables) {
        for (const r of tableIndex(t).logs) {
          if (r.summary.shape?.matches.some((m) => LIMITING.has(m.name))) continue;
          const rule = r.command.rule;
          const target = rule?.target;
          if (!rule || !target || (target.name !== 'LOG' && target.name !== 'NFLOG')) continue;
          if (rule.matches.some((m) => LIMITING.has(m.name))) continue;
          ctx.report({
            file: file.file.path,
            range: target.nameWord.range,
            message:
              `This ${target.name} rule logs every matching packet: a scan or flood fills the disk and the kernel log. ` +
              `Add a rate limit before the target, e.g. \`-m limit --limit 5/min --limit-burst 10\`.`,
          });
        }
      }
    }
  },
});
