import type { Diagnostic } from '@wglint/core';
import { buildHostModel, parseSourceFile, type TargetVersions } from '@wglint/host';
import { allRules } from '@wglint/rules';
import { detectLanguage } from './detect-language.js';
import { type RunOptions, runRules } from './run-rules.js';

/**
 * Lints an in-memory host: a map of host-relative paths (`etc/wireguard/wg0.conf`) to contents.
 * Files of no known language are ignored. Used by tests and by editors.
 */
export function lintTexts(
  files: Readonly<Record<string, string>>,
  options: RunOptions & { targets?: Partial<TargetVersions>; root?: string } = {},
): Diagnostic[] {
  const parsed = Object.entries(files).flatMap(([path, text]) => {
    const language = detectLanguage(path, text);
    return language ? [parseSourceFile({ path, text, language })] : [];
  });
  const model = buildHostModel(options.root ?? '.', parsed, options.targets);
  return runRules(model, allRules, options);
}
