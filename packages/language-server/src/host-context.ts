import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { detectLanguage, hostContextDirs, hostRootOf, isHostConfigPath } from '@wglint/engine';

/** The texts of one host as the editor sees them: open documents override the disk. */
export interface HostTexts {
  /** Host-relative path → text. */
  readonly files: Record<string, string>;
  /** Host-relative path of the document being linted. */
  readonly rel: string;
  readonly root: string;
}

const MAX_CONTEXT_FILES = 200;
const MAX_CONTEXT_BYTES = 4 * 1024 * 1024;

/**
 * Gathers the host a document belongs to (CONTRACT.md "Hosts"): with a host root, every file wglint
 * reads under `<root>/etc` and the other sysctl.d directories (`hostContextDirs`), the ones it lints
 * and those it reads for facts (`isHostConfigPath`); without one, the document alone. Bounded, so a
 * huge tree never stalls a keystroke; unreadable files are left out (the CLI reports them).
 */
export function hostTextsFor(fsPath: string, text: string, open: ReadonlyMap<string, string>): HostTexts {
  const host = hostRootOf(fsPath);
  if (!host) {
    const name = fsPath.slice(fsPath.lastIndexOf('/') + 1);
    return { files: { [name]: text }, rel: name, root: '.' };
  }
  const files: Record<string, string> = {};
  for (const abs of hostContextDirs(host.root).flatMap((d) => listFiles(d))) {
    const rel = relative(host.root, abs).split(sep).join('/');
    const content = open.get(abs) ?? readText(abs);
    if (content !== undefined && (detectLanguage(rel, content) || isHostConfigPath(rel))) files[rel] = content;
  }
  files[host.rel] = text;
  return { files, rel: host.rel, root: host.root };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  const seen = new Set<string>();
  while (stack.length > 0 && out.length < MAX_CONTEXT_FILES) {
    const d = stack.pop()!;
    let entries;
    try {
      const real = statSync(d);
      const id = `${real.dev}:${real.ino}`;
      if (seen.has(id)) continue;
      seen.add(id);
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) out.push(p);
    }
  }
  return out;
}

function readText(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_CONTEXT_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
