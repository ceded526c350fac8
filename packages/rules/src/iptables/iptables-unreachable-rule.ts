import { LineIndex, defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { findShadowedRules } from '@wglint/iptables';
import { rulesetOf, saveFiles } from './utils.js';

/** Earlier rules that end evaluation without dropping (DROP/REJECT are `iptables-append-after-reject`'s). */
const PASSING = new Set(['ACCEPT', 'RETURN']);

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-unreachable-rule',
    severity: 'warning',
    summary: 'A rule never matches because an earlier ACCEPT/RETURN rule in the same chain takes every packet it could match',
    fixable: false,
    languages: ['iptables-save'],
  },
  check(ctx) {
    for (const file of saveFiles(ctx.model.files)) {
      const rs = rulesetOf(file);
      let lines: LineIndex | undefined;
      for (const table of rs.tables.values()) {
        for (const chain of table.chains.values()) {
          const seen = new Set<object>();
          for (const { rule, by } of findShadowedRules(chain.rules, rs.family, PASSING)) {
            if (seen.has(rule.command) || by.command === rule.command) continue;
            seen.add(rule.command);
            lines ??= new LineIndex(file.file.text);
            const line = lines.positionAt(by.provenance.range.start).line;
            const shown = file.file.text.slice(by.provenance.range.start, by.provenance.range.end).trim();
            ctx.report({
              file: file.file.path,
              range: rule.provenance.range,
              message:
                `This rule never matches: \`${shown}\` (line ${line}) already ${by.spec.target?.name === 'RETURN' ? 'returns' : 'accepts'} ` +
                `every packet it could match. Remove it, or move it above that rule if it should take effect.`,
            });
          }
        }
      }
    }
  },
});
