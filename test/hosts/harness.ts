/**
 * Shared harness for the host fixtures (test/hosts/<case>/) and the seed examples (examples/<scenario>/):
 * reads a case directory as a host, lints it with `lintTexts`, and reduces the diagnostics of the
 * contract's fixed rule ids to comparable `{ file, line, ruleId, severity }` records.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineIndex } from '@wglint/core';
import { lintTexts } from '@wglint/engine';

/** The rule ids fixed by CONTRACT.md; fixtures assert on these only. */
export const FIXED_RULE_IDS: ReadonlySet<string> = new Set([
  'syntax-error',
  'iptables-append-after-reject',
  'hook-missing-teardown',
  'rp-filter-strict-with-mark-routing',
  'listen-port-in-ephemeral-range',
]);

/** Files in a case directory that describe the case rather than belong to the host. */
const META_FILES: ReadonlySet<string> = new Set(['expected.json', 'README.md', 'review.md']);

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
  readonly severity: string;
}

/** Every host file under `dir` (recursively), keyed by its `/`-separated path relative to `dir`. */
export function readHost(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!(d === dir && META_FILES.has(name))) files[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

export function readExpected(dir: string): Finding[] {
  return JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Finding[];
}

/** Lints the host and keeps the fixed-rule findings, with 1-based lines, in a canonical order. */
export function lintFindings(files: Readonly<Record<string, string>>): Finding[] {
  const indexes = new Map<string, LineIndex>();
  const lineOf = (file: string, offset: number): number => {
    let index = indexes.get(file);
    if (!index) {
      const text = files[file];
      if (text === undefined) throw new Error(`diagnostic for a file that is not part of the host: ${file}`);
      index = new LineIndex(text);
      indexes.set(file, index);
    }
    return index.positionAt(offset).line;
  };
  return sortFindings(
    lintTexts(files)
      .filter((d) => FIXED_RULE_IDS.has(d.ruleId))
      .map((d) => ({ file: d.file, line: lineOf(d.file, d.range.start), ruleId: d.ruleId, severity: d.severity })),
  );
}

/**
 * Canonical form for comparison: plain records, sorted, duplicates removed. A line is either flagged by a
 * rule or not; how many diagnostics a rule puts on one line (e.g. one per command of a multi-command hook)
 * is the rule's business, so `expected.json` lists each (file, line, ruleId, severity) once.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .map((f) => ({ file: f.file, line: f.line, ruleId: f.ruleId, severity: f.severity }))
    .filter((f) => {
      const key = JSON.stringify(f);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId) || a.severity.localeCompare(b.severity));
}

/** Problems with an expected.json itself (unknown ids, bad severities, lines outside the file). */
export function checkExpected(expected: readonly Finding[], files: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  if (!Array.isArray(expected)) return ['expected.json must hold an array'];
  if (sortFindings(expected).length !== expected.length) problems.push('expected.json lists a finding twice');
  for (const [i, f] of expected.entries()) {
    const keys = Object.keys(f).sort().join(',');
    if (keys !== 'file,line,ruleId,severity') problems.push(`#${i}: keys must be file, line, ruleId, severity (got ${keys})`);
    if (!FIXED_RULE_IDS.has(f.ruleId)) problems.push(`#${i}: ruleId ${f.ruleId} is not one of the contract's fixed ids`);
    if (!['error', 'warning', 'info'].includes(f.severity)) problems.push(`#${i}: severity ${f.severity}`);
    const text = files[f.file];
    if (text === undefined) {
      problems.push(`#${i}: no host file ${f.file}`);
      continue;
    }
    const lines = text.split(/\r\n|\r|\n/);
    if (!Number.isInteger(f.line) || f.line < 1 || f.line > lines.length) problems.push(`#${i}: line ${f.line} outside ${f.file}`);
    else if ((lines[f.line - 1] ?? '').trim() === '') problems.push(`#${i}: line ${f.line} of ${f.file} is blank`);
  }
  return problems;
}

/** Case directories (those holding an expected.json) directly under `root`, sorted. */
export function caseDirs(root: string): string[] {
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort()
    .filter((name) => {
      try {
        return statSync(join(root, name, 'expected.json')).isFile();
      } catch {
        return false;
      }
    });
}
