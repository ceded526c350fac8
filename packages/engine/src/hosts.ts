import { posix, relative, resolve, sep } from 'node:path';
import type { Language } from '@wglint/core';
import { globBase, globToRegExp } from './glob.js';

/** One file of a host, with the three paths wglint needs for it. */
export interface HostFile {
  /** As reached from the argument (what output shows). */
  readonly path: string;
  readonly abs: string;
  /** Relative to the host root with `/` (`etc/wireguard/wg0.conf`): what rules see. */
  readonly rel: string;
  readonly language: Language;
  /** False for files read only for context. */
  readonly lint: boolean;
  /** Contents given directly (stdin) instead of read from `abs`. */
  readonly text?: string | Uint8Array;
}

/** Files analysed together as one machine (CONTRACT.md "Hosts"). */
export interface HostGroup {
  /** Stable identity: `root:<abs>`, `dir:<abs>`, `files:<abs dir>` or `config:<name>`. */
  readonly key: string;
  /** What the host is called in output and `HostModel.root`. */
  readonly root: string;
  readonly rootAbs: string;
  /** Where to look for context files (`<root>/etc`), when the host has a root. */
  readonly contextDirs: readonly string[];
  /** Config hosts: patterns a context file must match (relative to `configDir`). */
  readonly contextGlobs?: { readonly dir: string; readonly patterns: readonly RegExp[] };
  readonly files: HostFile[];
}

/** A file found by the CLI: named, or found under a directory argument. */
export interface FoundFile {
  readonly path: string;
  readonly language: Language;
  /** The directory argument it was found under; absent for files named directly. */
  readonly dirArg?: string;
  readonly text?: string | Uint8Array;
}

/**
 * The systemd-sysctl directories outside `/etc` (`/etc/sysctl.d` masks their files by name): a
 * file directly in one belongs to the machine whose root comes before it, like a file under `etc/`.
 */
export const SYSTEM_SYSCTL_DIRS: readonly string[] = ['run/sysctl.d', 'usr/local/lib/sysctl.d', 'usr/lib/sysctl.d', 'lib/sysctl.d'];

/**
 * `{ root, rel }` when the path has an `etc/` directory in it (the host root is what comes
 * before), or when it is a file directly in one of `SYSTEM_SYSCTL_DIRS` (the root is what comes
 * before that directory).
 */
export function hostRootOf(path: string): { root: string; rel: string } | undefined {
  const norm = toPosix(path);
  const segs = norm.split('/');
  const at = (i: number) => {
    const before = segs.slice(0, i).filter((s, k) => s !== '' || k === 0);
    const root = before.length === 0 ? '.' : before.length === 1 && before[0] === '' ? '/' : posix.normalize(before.join('/'));
    return { root: root === '' ? '.' : root, rel: segs.slice(i).join('/') };
  };
  for (let i = segs.length - 2; i >= 0; i--) if (segs[i] === 'etc') return at(i);
  if (segs.length >= 3 && segs[segs.length - 2] === 'sysctl.d') {
    const dir = segs.slice(0, -1).join('/');
    for (const d of SYSTEM_SYSCTL_DIRS) {
      if (dir === d || dir.endsWith(`/${d}`)) return at(segs.length - 1 - d.split('/').length);
    }
  }
  return undefined;
}

export interface GroupOptions {
  readonly cwd: string;
  /** Config `"hosts"`: name → globs relative to `configDir`. */
  readonly configHosts?: Readonly<Record<string, readonly string[]>>;
  readonly configDir?: string;
}

/**
 * Groups found files into hosts:
 * - a file matching a config `"hosts"` glob belongs to that host;
 * - else a file with `etc/` in its path (or in `usr/lib/sysctl.d/` and the like, `hostRootOf`)
 *   belongs to the host root before it (and the rest of the root is read for context);
 * - else a file found under a directory argument belongs to that argument's host;
 * - else (a named loose file) to the host of the directory it sits in.
 */
export function groupHosts(found: readonly FoundFile[], options: GroupOptions): HostGroup[] {
  const groups = new Map<string, HostGroup>();
  const configHosts = Object.entries(options.configHosts ?? {}).map(([name, globs]) => ({
    name,
    patterns: globs.map((g) => globToRegExp(g.replace(/\/$/, '/**'))),
    bases: globs.map((g) => globBase(g.replace(/\/$/, '/**'))),
  }));
  const configDir = resolve(options.cwd, options.configDir ?? '.');
  const byAbs = new Map<string, { group: HostGroup; index: number }>();

  for (const f of found) {
    const abs = resolve(options.cwd, f.path);
    const dup = byAbs.get(abs);
    if (dup) continue; // first reach wins; every found file is linted
    const fromConfig = toPosix(relative(configDir, abs));
    const cfg = configHosts.find((h) => h.patterns.some((p) => p.test(fromConfig)));
    const hr = hostRootOf(f.path);
    let group: HostGroup;
    let rel: string;
    if (cfg) {
      group = getGroup(groups, `config:${cfg.name}`, () => ({
        root: cfg.name,
        rootAbs: configDir,
        contextDirs: [...new Set(cfg.bases.map((b) => toPosix(relative(options.cwd, resolve(configDir, b))) || '.'))],
        contextGlobs: { dir: configDir, patterns: cfg.patterns },
      }));
      rel = hr?.rel ?? fromConfig;
      if (group.files.some((x) => x.rel === rel)) rel = fromConfig;
    } else if (hr) {
      const rootAbs = resolve(options.cwd, hr.root);
      group = getGroup(groups, `root:${rootAbs}`, () => ({ root: hr.root, rootAbs, contextDirs: hostContextDirs(hr.root) }));
      rel = hr.rel;
    } else if (f.dirArg !== undefined) {
      const rootAbs = resolve(options.cwd, f.dirArg);
      group = getGroup(groups, `dir:${rootAbs}`, () => ({ root: f.dirArg!, rootAbs, contextDirs: [] }));
      rel = toPosix(relative(rootAbs, abs)) || f.path;
    } else {
      const dir = posix.dirname(toPosix(f.path));
      const rootAbs = resolve(options.cwd, dir);
      group = getGroup(groups, `files:${rootAbs}`, () => ({ root: dir, rootAbs, contextDirs: [] }));
      rel = posix.basename(toPosix(f.path));
    }
    if (group.files.some((x) => x.rel === rel)) rel = toPosix(abs);
    group.files.push({ path: f.path, abs, rel, language: f.language, lint: true, ...(f.text !== undefined ? { text: f.text } : {}) });
    byAbs.set(abs, { group, index: group.files.length - 1 });
  }
  return [...groups.values()];
}

/** Where the rest of a host root is read for context: `etc` and the other sysctl.d directories. */
export function hostContextDirs(root: string): string[] {
  return ['etc', ...SYSTEM_SYSCTL_DIRS].map((d) => posix.join(root, d));
}

function getGroup(groups: Map<string, HostGroup>, key: string, make: () => Omit<HostGroup, 'key' | 'files'>): HostGroup {
  let g = groups.get(key);
  if (!g) {
    g = { key, ...make(), files: [] };
    groups.set(key, g);
  }
  return g;
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
