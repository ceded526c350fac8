import type { Diagnostic } from '@wglint/core';
import { buildHostModel, parseSourceFile, type TargetVersions } from '@wglint/host';
import { allRules } from '@wglint/rules';
import { detectLanguage } from './detect-language.js';
import { hostConfigFilesOf } from './host-config-files.js';
import { applyFixes, MAX_FIX_PASSES } from './lint-paths.js';
import { type RunOptions, runRules } from './run-rules.js';

/**
 * Lints an in-memory host: a map of host-relative paths (`etc/wireguard/wg0.conf`) to contents.
 * Files of no known language are ignored, except the host files read for facts (`etc/iproute2/rt_tables`,
 * see `hostConfigFilesOf`). Used by tests and by editors.
 */
export function lintTexts(
  files: Readonly<Record<string, string>>,
  options: RunOptions & { targets?: Partial<TargetVersions>; root?: string } = {},
): Diagnostic[] {
  const parsed = Object.entries(files).flatMap(([path, text]) => {
    const language = detectLanguage(path, text);
    return language ? [parseSourceFile({ path, text, language })] : [];
  });
  const model = buildHostModel(options.root ?? '.', parsed, options.targets, hostConfigFilesOf(files));
  return runRules(model, allRules, options);
}

/**
 * Applies safe fixes to an in-memory host until nothing changes (at most `MAX_FIX_PASSES`
 * rounds), as `--fix` does on disk: non-overlapping fixes per round, a fix that adds syntax
 * errors is undone. Returns the new texts, the diagnostics that remain, and the rounds run.
 */
export function fixTexts(
  files: Readonly<Record<string, string>>,
  options: RunOptions & { targets?: Partial<TargetVersions>; root?: string } = {},
): { files: Record<string, string>; diagnostics: Diagnostic[]; passes: number } {
  const texts: Record<string, string> = { ...files };
  const frozen = new Set<string>();
  const problemsOf = (path: string, text: string): number => {
    const language = detectLanguage(path, text);
    return language ? parseSourceFile({ path, text, language }).problems.length : 0;
  };
  let diagnostics = lintTexts(texts, options);
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    let changed = false;
    for (const path of Object.keys(texts)) {
      if (frozen.has(path)) continue;
      const fixes = diagnostics.filter((d) => d.file === path && d.fix).map((d) => d.fix!);
      if (fixes.length === 0) continue;
      const before = texts[path]!;
      const after = applyFixes(before, fixes);
      if (after === before) continue;
      if (problemsOf(path, after) > problemsOf(path, before)) {
        frozen.add(path);
        continue;
      }
      texts[path] = after;
      changed = true;
    }
    if (!changed) break;
    passes++;
    diagnostics = lintTexts(texts, options);
  }
  return { files: texts, diagnostics, passes };
}
