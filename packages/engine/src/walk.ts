import { readHead, readdir, realpath, stat } from './fs-async.js';
import { join, resolve } from 'node:path';
import type { Language } from '@wglint/core';
import { detectLanguage } from './detect-language.js';
import { describeFsError } from './read-source.js';

/** Directories never walked into. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

export interface WalkedFile {
  /** `dir` joined with the path below it, as the user would type it. */
  readonly path: string;
  readonly language: Language;
}

export interface WalkResult {
  readonly files: WalkedFile[];
  /** Unreadable directories and files, as `{ path, message }`. */
  readonly errors: { path: string; message: string }[];
}

export interface WalkOptions {
  /** Report unreadable entries (true for directory arguments, false when reading context). */
  readonly reportErrors?: boolean;
  /** Stop after this many files (context walks of a real `/etc`). */
  readonly maxFiles?: number;
  /** Directory a relative `dir` is resolved from (default: `process.cwd()`). */
  readonly cwd?: string;
}

/**
 * Finds the files wglint reads below `dir`, in sorted order. Skips `.git` and `node_modules`,
 * follows symlinks but never the same directory twice (symlink loops), and skips files of no
 * known language silently.
 */
export async function walkDirectory(dir: string, options: WalkOptions = {}): Promise<WalkResult> {
  const files: WalkedFile[] = [];
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const maxFiles = options.maxFiles ?? Number.POSITIVE_INFINITY;
  const report = (path: string, e: unknown): void => {
    if (options.reportErrors !== false) errors.push({ path, message: describeFsError(e) });
  };

  const cwd = options.cwd ?? process.cwd();
  const visit = async (path: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(resolve(cwd, path));
    } catch (e) {
      report(path, e);
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = await readdir(resolve(cwd, path));
    } catch (e) {
      report(path, e);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (files.length >= maxFiles) return;
      const child = join(path, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const s = await stat(resolve(cwd, child));
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch {
          continue; // dangling link: nothing to lint
        }
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(entry.name)) await visit(child);
      } else if (isFile) {
        const language = await sniffLanguage(child, cwd);
        if (language.ok) {
          if (language.language) files.push({ path: child, language: language.language });
        } else report(child, language.error);
      }
    }
  };
  await visit(dir);
  return { files, errors };
}

/** Reads just enough of a file to tell its language (CONTRACT.md "Recognising files"). */
export async function sniffLanguage(path: string, cwd = process.cwd()): Promise<{ ok: true; language: Language | undefined } | { ok: false; error: unknown }> {
  const byName = detectLanguage(path, '');
  if (byName && byName !== 'wg') return { ok: true, language: byName };
  const size = path.endsWith('.conf') ? 65536 : 512;
  try {
    const head = await readHead(resolve(cwd, path), size);
    if (head.includes(0)) return { ok: true, language: byName };
    return { ok: true, language: detectLanguage(path, head.toString('utf8')) };
  } catch (e) {
    return { ok: false, error: e };
  }
}
