import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { findRulesAfterCatchAll } from '@wglint/iptables';
import { rulesetOf, saveFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-established-after-catch-all',
    severity: 'error',
    summary: 'The rule accepting ESTABLISHED/RELATED traffic comes after a catch-all DROP/REJECT, so replies are dropped',
    fixable: true,
    languages: ['iptables-save'],
  },
  check(ctx) {
    for (const file of saveFiles(ctx.model.files)) {
      const text = file.file.text;
      const reported = new Set<object>();
      for (const f of findRulesAfterCatchAll(rulesetOf(file))) {
        // The copies of one `-s a,b` rule share its provenance: report the line once.
        if (!f.established || f.rule.spec.target?.name !== 'ACCEPT' || reported.has(f.rule.provenance)) continue;
        reported.add(f.rule.provenance);
        const blocker = f.shadowedBy;
        const lineStart = (o: number): number => text.lastIndexOf('\n', o - 1) + 1;
        const from = lineStart(f.rule.provenance.range.start);
        const nl = text.indexOf('\n', f.rule.provenance.range.end);
        const to = nl < 0 ? text.length : nl + 1;
        const moved = text.slice(from, f.rule.provenance.range.end);
        const at = lineStart(blocker.provenance.range.start);
        const shown = text.slice(blocker.provenance.range.start, blocker.provenance.range.end).trim();
        ctx.report({
          file: file.file.path,
          range: f.rule.provenance.range,
          message:
            `\`${shown}\` comes first and ${blocker.spec.target?.name === 'REJECT' ? 'rejects' : 'drops'} every packet, so this ` +
            `ESTABLISHED/RELATED rule never matches: replies to connections the host or its clients open are dropped. ` +
            `Move this rule above the catch-all (conventionally to the top of ${f.rule.chain}).`,
          fix: {
            title: `Move the rule above \`${shown}\``,
            edits: [
              { range: { start: at, end: at }, text: `${moved}\n` },
              { range: { start: from, end: to }, text: '' },
            ],
          },
        });
      }
    }
  },
});
