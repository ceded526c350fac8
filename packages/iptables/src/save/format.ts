import type { TextRange } from '@wglint/core';
import { type ParseSaveOptions, parseIptablesSave } from './parse-save.js';

/**
 * Canonical layout of an iptables-save file, keeping every comment, blank line and unknown line
 * byte for byte: `*table`, `:CHAIN POLICY [p:b]` and `COMMIT` lines are trimmed and single-spaced,
 * rule lines are re-joined with single spaces between their words (each word kept as written,
 * quotes included). Lines with syntax problems are left alone. Idempotent.
 */
export function formatIptablesSave(text: string, options: ParseSaveOptions = {}): string {
  const { ast, problems } = parseIptablesSave(text, options);
  const touches = overlapTest(problems.map((p) => p.range));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const out: string[] = [];
  for (const line of ast.lines) {
    const raw = text.slice(line.range.start, line.range.end);
    if (touches(line.range)) {
      out.push(raw);
      continue;
    }
    switch (line.kind) {
      case 'blank':
        out.push('');
        break;
      case 'comment':
      case 'unknown':
        out.push(line.kind === 'unknown' && raw.trim().startsWith('*') ? raw.trim() : raw);
        break;
      case 'commit':
        out.push('COMMIT');
        break;
      case 'table':
        out.push(`*${line.table.name}`);
        break;
      case 'chain': {
        const c = line.chain;
        out.push([`:${c.name}`, c.policy, c.counters].filter(Boolean).join(' '));
        break;
      }
      case 'rule': {
        const r = line.rule;
        const words = wordsOf(r.command);
        const body = words.map((w) => text.slice(w.start, w.end)).join(' ');
        out.push((r.counters ? `[${r.counters}] ` : '') + body);
        break;
      }
    }
  }
  const joined = out.join(eol);
  const endsWithNewline = /\n$/.test(text);
  return endsWithNewline ? joined + eol : joined;
}

/**
 * `touches(r)`: does some problem range `b` satisfy `b.start <= r.end && b.end >= r.start`?
 * Problems sorted by start with a running maximum of their ends, so each query is a binary search
 * (a dump with a problem on every line stays linear).
 */
function overlapTest(bad: TextRange[]): (r: TextRange) => boolean {
  const sorted = [...bad].sort((a, b) => a.start - b.start);
  const starts = sorted.map((b) => b.start);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const b of sorted) maxEnd.push((m = Math.max(m, b.end)));
  return (r) => {
    // last index whose start is < r.end + 1
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < r.end + 1) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! >= r.start;
  };
}

/** Source ranges of every word of a parsed command, in order. */
function wordsOf(cmd: import('../ast.js').IptCommand): TextRange[] {
  const ranges: TextRange[] = [];
  const push = (r: TextRange | undefined): void => {
    if (r) ranges.push(r);
  };
  push(cmd.commandWord?.range);
  push(cmd.chain?.range);
  push(cmd.ruleNumber?.word.range);
  push(cmd.policy?.range);
  push(cmd.newName?.range);
  const rule = cmd.rule;
  if (rule) {
    for (const p of [rule.protocol, rule.source, rule.destination, rule.inInterface, rule.outInterface, rule.fragment]) {
      if (!p) continue;
      push(p.negationRange);
      push(p.flagWord.range);
      push(p.value?.range);
    }
    for (const m of rule.matches) {
      push(m.matchWord?.range);
      push(m.nameWord?.range);
      for (const o of m.options) {
        push(o.negationRange);
        push(o.nameWord.range);
        for (const a of o.args) push(a.range);
      }
    }
    if (rule.target) {
      push(rule.target.flagWord.range);
      push(rule.target.nameWord.range);
      for (const o of rule.target.options) {
        push(o.negationRange);
        push(o.nameWord.range);
        for (const a of o.args) push(a.range);
      }
    }
    if (rule.counters) push(rule.counters.range);
  }
  for (const g of cmd.globals) push(g.range);
  // Attached values (`-ptcp`, `--dport=22`) share their option word's range: keep each range once.
  const seen = new Set<string>();
  const unique: TextRange[] = [];
  for (const r of ranges.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = unique[unique.length - 1];
    if (last && r.start >= last.start && r.end <= last.end) continue;
    const k = `${r.start}:${r.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    unique.push(r);
  }
  return unique;
}
