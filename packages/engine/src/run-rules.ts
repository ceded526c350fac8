import {
  type Diagnostic,
  type Report,
  type Rule,
  type Severity,
  type SeverityOrOff,
  parseSuppressions,
  suppresses,
} from '@wglint/core';
import type { HostModel } from '@wglint/host';

export interface RunOptions {
  /** Severity overrides by rule id (config file, then `--rule`). */
  readonly severities?: Readonly<Record<string, SeverityOrOff>>;
  /**
   * Called when a rule throws; the rule's reports so far are kept and the other rules still run.
   * Without it the exception propagates (what tests want).
   */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

export const UNUSED_SUPPRESSION = 'unused-suppression';

/**
 * Runs the rules over one host: syntax problems become `syntax-error` diagnostics, rule reports get
 * their configured severity, suppression comments apply, and only files marked `lint` are reported.
 * Output is sorted by file, then position, then rule id.
 */
export function runRules(model: HostModel, rules: readonly Rule<HostModel>[], options: RunOptions = {}): Diagnostic[] {
  const severities = options.severities ?? {};
  const severityOf = (id: string, fallback: Severity): SeverityOrOff => severities[id] ?? fallback;
  const raw: Diagnostic[] = [];

  const syntaxSeverity = severityOf('syntax-error', 'error');
  for (const f of model.files) {
    if (syntaxSeverity === 'off') break;
    for (const p of f.problems) {
      raw.push({ ruleId: 'syntax-error', severity: syntaxSeverity, message: p.message, file: f.file.path, range: p.range });
    }
  }
  // Syntax problems inside hook commands, found while building the host model (owner: host).
  if (syntaxSeverity !== 'off') for (const p of model.extraProblems) raw.push({ ruleId: 'syntax-error', severity: syntaxSeverity, message: p.message, file: p.file, range: p.range });
  for (const rule of rules) {
    const severity = severityOf(rule.meta.id, rule.meta.severity);
    if (severity === 'off') continue;
    const ctx = {
      model,
      report: (r: Report) => {
        raw.push({ ruleId: rule.meta.id, severity, message: r.message, file: r.file, range: r.range, ...(r.fix ? { fix: r.fix } : {}) });
      },
    };
    if (!options.onRuleError) rule.check(ctx);
    else {
      try {
        rule.check(ctx);
      } catch (e) {
        options.onRuleError(rule.meta.id, e);
      }
    }
  }

  const lintFiles = new Map(model.files.filter((f) => f.lint).map((f) => [f.file.path, f.file.text]));
  const out: Diagnostic[] = [];
  const unusedSeverity = severityOf(UNUSED_SUPPRESSION, 'warning');
  for (const [path, text] of lintFiles) {
    const sups = parseSuppressions(text);
    const used = new Set<number>();
    for (const d of raw) {
      if (d.file !== path) continue;
      const i = sups.findIndex((s) => suppresses(s, d.ruleId, d.range.start));
      if (i >= 0) used.add(i);
      else out.push(d);
    }
    if (unusedSeverity === 'off') continue;
    sups.forEach((s, i) => {
      if (used.has(i)) return;
      out.push({
        ruleId: UNUSED_SUPPRESSION,
        severity: unusedSeverity,
        message: `This suppression comment suppresses nothing${s.ruleIds.length ? ` (${s.ruleIds.join(', ')})` : ''}; remove it.`,
        file: path,
        range: s.range,
      });
    });
  }
  return out.sort(
    (a, b) => a.file.localeCompare(b.file) || a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId),
  );
}
