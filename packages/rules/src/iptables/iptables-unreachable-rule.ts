import { type LineIndex, defineRule } from '@wglint/core';
import { lineIndexOf } from '../host/utils.js';
import type { HostModel } from '@wglint/host';
import { type RulesetRule, findShadowedRules, stoppingTarget } from '@wglint/iptables';
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
          // Rules before the chain's first ACCEPT/RETURN can be neither shadowed nor shadow anything
          // (findShadowedRules only looks back at such rules): leave them out of the analysis. Only
          // below 5000 rules, where its fallback scan (the first 5000 rules) cannot notice the shift.
          const all = chain.rules;
          let first = 0;
          while (first < all.length && !passes(all[first]!)) first++;
          if (first >= all.length - 1) continue;
          const seen = new Set<object>();
          for (const { rule, by } of findShadowedRules(first > 0 && all.length <= 5000 ? all.slice(first) : all, rs.family, PASSING)) {
            // The copies of one `-s a,b` rule share its provenance: report the line once.
            if (seen.has(rule.provenance) || by.provenance === rule.provenance || isMarker(rule)) continue;
            seen.add(rule.provenance);
            lines ??= lineIndexOf(file.file);
            const line = lines.positionAt(by.provenance.range.start).line;
            const shown = file.file.text.slice(by.provenance.range.start, by.provenance.range.end).trim();
            const verb = stoppingTarget(by, PASSING) === 'RETURN' ? 'returns' : 'accepts';
            const duplicate = squash(shown) === squash(file.file.text.slice(rule.provenance.range.start, rule.provenance.range.end));
            ctx.report({
              file: file.file.path,
              range: rule.provenance.range,
              message: duplicate
                ? `This rule repeats line ${line} (\`${shown}\`), which already ${verb} every packet it matches, so it never matches. Remove it.`
                : `This rule never matches: \`${shown}\` (line ${line}) already ${verb} ` +
                  `every packet it could match. Remove it, or move it above that rule if it should take effect.`,
            });
          }
        }
      }
    }
  },
});

/** A rule line with its blanks squashed: two lines equal under it are the same rule written twice. */
function squash(line: string): string {
  return line.trim().replace(/[ \t]+/g, ' ');
}

/**
 * A rule with no target whose only match is `-m comment`: it does nothing wherever it stands, e.g. the
 * `-m comment --comment "PVESIG:…"` line pve-firewall appends to each of its chains to detect changes.
 * (A target-less rule with real matches still counts packets, so it is kept.)
 */
function isMarker(r: RulesetRule): boolean {
  const shape = r.summary?.shape;
  if (shape) return r.summary!.target === undefined && shape.params === '' && shape.matches.length > 0 && shape.matches.every((m) => m.name === 'comment');
  const s = r.spec;
  return (
    !s.target && !s.protocol && !s.source && !s.destination && !s.inInterface && !s.outInterface && !s.fragment &&
    s.matches.length > 0 && s.matches.every((m) => m.name === 'comment')
  );
}

function passes(r: RulesetRule): boolean {
  return stoppingTarget(r, PASSING) !== undefined;
}
