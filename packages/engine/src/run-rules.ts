import {
  type Diagnostic,
  type Report,
  type Rule,
  type Severity,
  type SeverityOrOff,
  type Suppression,
  compareStrings,
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
        raw.push({
          ruleId: rule.meta.id,
          severity,
          message: r.message,
          file: r.file,
          range: r.range,
          ...(r.fix ? { fix: r.fix } : {}),
          ...(r.suggestions && r.suggestions.length > 0 ? { suggestions: r.suggestions } : {}),
        });
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
  // Diagnostics by file, each list in report order (one pass, not one pass per file).
  const byFile = new Map<string, Diagnostic[]>();
  for (const path of lintFiles.keys()) byFile.set(path, []);
  for (const d of raw) byFile.get(d.file)?.push(d);
  const out: Diagnostic[] = [];
  const unusedSeverity = severityOf(UNUSED_SUPPRESSION, 'warning');
  for (const [path, text] of lintFiles) {
    const sups = parseSuppressions(text);
    const diags = byFile.get(path)!;
    const used = new Uint8Array(sups.length);
    if (sups.length === 0) {
      for (const d of diags) out.push(d);
    } else {
      const by = suppressionIndexes(sups, diags);
      for (let k = 0; k < diags.length; k++) {
        const i = by[k]!;
        if (i >= 0) used[i] = 1;
        else out.push(diags[k]!);
      }
    }
    if (unusedSeverity === 'off') continue;
    sups.forEach((s, i) => {
      if (used[i]) return;
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
    (a, b) => compareStrings(a.file, b.file) || a.range.start - b.range.start || a.range.end - b.range.end || compareStrings(a.ruleId, b.ruleId),
  );
}

/** Below this many suppressions a plain scan per diagnostic is cheapest. */
const SCAN_SUPPRESSIONS = 16;

/**
 * For each diagnostic (of one file), the index of the first suppression in `sups` that covers it
 * (`suppresses`), or -1. A sweep over offsets with a min-heap of open suppression indexes per rule
 * id (and one for "every rule"): O((S + D) log(S + D)) for S suppressions and D diagnostics.
 */
export function suppressionIndexes(sups: readonly Suppression[], diags: readonly Diagnostic[]): Int32Array {
  const out = new Int32Array(diags.length).fill(-1);
  if (sups.length === 0) return out;
  if (sups.length <= SCAN_SUPPRESSIONS) {
    for (let k = 0; k < diags.length; k++) {
      const d = diags[k]!;
      for (let i = 0; i < sups.length; i++) {
        if (suppresses(sups[i]!, d.ruleId, d.range.start)) {
          out[k] = i;
          break;
        }
      }
    }
    return out;
  }
  const order = Array.from(diags.keys()).sort((a, b) => diags[a]!.range.start - diags[b]!.range.start);
  const opening = Array.from(sups.keys()).sort((a, b) => sups[a]!.from - sups[b]!.from);
  const every = new MinHeap();
  const byRule = new Map<string, MinHeap>();
  let next = 0;
  for (const k of order) {
    const d = diags[k]!;
    const offset = d.range.start;
    for (; next < opening.length && sups[opening[next]!]!.from <= offset; next++) {
      const i = opening[next]!;
      const ids = sups[i]!.ruleIds;
      if (ids.length === 0) every.push(i);
      for (const id of ids) {
        let h = byRule.get(id);
        if (!h) byRule.set(id, (h = new MinHeap()));
        h.push(i);
      }
    }
    // Offsets only grow, so a suppression that ended before this one is done for good.
    const a = every.openMin(sups, offset);
    const h = byRule.get(d.ruleId);
    const b = h ? h.openMin(sups, offset) : -1;
    out[k] = a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }
  return out;
}

/** A binary min-heap of suppression indexes. */
class MinHeap {
  private readonly items: number[] = [];

  push(v: number): void {
    const a = this.items;
    let i = a.length;
    a.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= v) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = v;
  }

  /** The smallest index whose suppression still reaches `offset` (those that end before it are dropped), or -1. */
  openMin(sups: readonly Suppression[], offset: number): number {
    const a = this.items;
    while (a.length > 0 && sups[a[0]!]!.to < offset) this.pop();
    return a.length > 0 ? a[0]! : -1;
  }

  private pop(): void {
    const a = this.items;
    const last = a.pop()!;
    if (a.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const c = r < a.length && a[r]! < a[l]! ? r : l;
      if (a[c]! >= last) break;
      a[i] = a[c]!;
      i = c;
    }
    a[i] = last;
  }
}
