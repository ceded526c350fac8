import { writeFile } from './fs-async.js';
import { resolve } from 'node:path';
import type { Language } from '@wglint/core';
import { parseSourceFile } from '@wglint/host';
import { formatterFor } from './format.js';
import { type LintError, type StdinInput, discoverFiles, toBytes } from './lint-paths.js';
import { decodeSource, encodeSource, readSource } from './read-source.js';

/** What `wglint format` did with one file. */
export interface FormatFileResult {
  readonly filePath: string;
  readonly language: Language;
  /**
   * `unchanged`: already canonical; `formatted`: rewritten (or printed, for stdin);
   * `needs-formatting`: `--check` found a difference; `skipped`: left untouched, see `reason`.
   */
  readonly status: 'unchanged' | 'formatted' | 'needs-formatting' | 'skipped';
  readonly reason?: string;
  /** The formatted text (stdin, or whenever a formatter ran). */
  readonly output?: string;
}

export interface FormatOutcome {
  readonly results: FormatFileResult[];
  readonly errors: LintError[];
}

/**
 * Formats files in place (or only checks them). A file is left untouched when its language has no
 * formatter yet, when it has syntax errors, when it is not clean UTF-8 text, or when the formatted
 * text would not parse as cleanly as the original.
 */
export async function formatPaths(
  paths: readonly string[],
  options: { cwd?: string; lang?: Language; check?: boolean; stdin?: StdinInput; ignoreUnknown?: boolean } = {},
): Promise<FormatOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const { found, errors } = await discoverFiles(paths, {
    cwd,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.ignoreUnknown ? { ignoreUnknown: true } : {}),
  });
  const results: FormatFileResult[] = [];
  for (const f of found) {
    const fromStdin = f.text !== undefined;
    let source;
    if (fromStdin) source = decodeSource(toBytes(f.text!));
    else {
      const read = await readSource(resolve(cwd, f.path));
      if (!read.ok) {
        errors.push({ path: f.path, message: read.message });
        continue;
      }
      source = read.source;
    }
    const skip = (reason: string): void => {
      results.push({ filePath: f.path, language: f.language, status: 'skipped', reason });
    };
    if (source.problem || !source.writable) {
      skip(source.problem?.message ?? 'not clean UTF-8 text');
      continue;
    }
    const formatter = formatterFor(f.language);
    if (!formatter) {
      skip(`no formatter for ${f.language} files yet`);
      continue;
    }
    let before;
    let output: string;
    try {
      before = parseSourceFile({ path: f.path, text: source.text, language: f.language });
      if (before.problems.length > 0) {
        skip(`has ${before.problems.length} syntax error${before.problems.length === 1 ? '' : 's'}; run wglint on it first`);
        continue;
      }
      output = formatter(source.text);
      const after = parseSourceFile({ path: f.path, text: output, language: f.language });
      if (after.problems.length > 0) {
        skip('the formatter produced text that does not parse (please report this)');
        continue;
      }
      if (formatter(output) !== output) {
        skip('the formatter does not give a stable result for this file (please report this)');
        continue;
      }
    } catch (e) {
      errors.push({ path: f.path, message: `internal error: the ${f.language} formatter failed: ${e instanceof Error ? e.message : String(e)}`, cause: e });
      continue;
    }
    if (output === source.text) {
      results.push({ filePath: f.path, language: f.language, status: 'unchanged', output });
    } else if (options.check) {
      results.push({ filePath: f.path, language: f.language, status: 'needs-formatting', output });
    } else {
      if (!fromStdin) {
        try {
          await writeFile(resolve(cwd, f.path), encodeSource(output, source.bom));
        } catch (e) {
          errors.push({ path: f.path, message: `cannot write: ${e instanceof Error ? e.message : String(e)}`, cause: e });
          continue;
        }
      }
      results.push({ filePath: f.path, language: f.language, status: 'formatted', output });
    }
  }
  return { results, errors };
}
