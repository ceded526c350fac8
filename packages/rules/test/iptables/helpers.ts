import { applyEdits, type Diagnostic } from '@wglint/core';
import { lintTexts } from '@wglint/engine';

export const V4 = 'etc/iptables/rules.v4';
export const V6 = 'etc/iptables/rules.v6';

/** A filter-table dump with the given rule lines (built-in chains ACCEPT). */
export function filter(...rules: string[]): string {
  return `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${rules.map((r) => `${r}\n`).join('')}COMMIT\n`;
}

/** A dump of one table with the given chain and rule lines. */
export function table(name: string, ...lines: string[]): string {
  return `*${name}\n${lines.map((r) => `${r}\n`).join('')}COMMIT\n`;
}

/** Diagnostics of one rule for a dump at `etc/iptables/rules.v4` (or the given files). */
export function run(ruleId: string, files: string | Record<string, string>): Diagnostic[] {
  const map = typeof files === 'string' ? { [V4]: files } : files;
  return lintTexts(map).filter((d) => d.ruleId === ruleId);
}

/** The text each diagnostic points at. */
export function texts(files: string | Record<string, string>, ds: readonly Diagnostic[]): string[] {
  const map = typeof files === 'string' ? { [V4]: files } : files;
  return ds.map((d) => map[d.file]!.slice(d.range.start, d.range.end));
}

/** The file after applying a diagnostic's fix. */
export function fixed(text: string, d: Diagnostic): string {
  return applyEdits(text, d.fix!.edits).text;
}

/** All diagnostics (any rule) of a dump, for checking that other rules stay quiet. */
export function all(text: string): Diagnostic[] {
  return lintTexts({ [V4]: text });
}
