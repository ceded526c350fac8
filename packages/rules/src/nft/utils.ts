// Shared helpers of the nft rules: the host's nft files, one symbol model per load (a root file
// with the host files it includes), and a de-duplicating reporter.
import { type Report, type RuleContext, compareStrings, compareVersions } from '@wglint/core';
import type { HostModel, ParsedFile } from '@wglint/host';
import { lineIndexOf } from '../host/utils.js';
import type { NftInclude, NftRule, NftRuleset } from '@wglint/nft';
import { buildNftModel, type NftModel, type NftSource } from '@wglint/nft';

/** A parsed nft file of the host. */
export type NftFile = ParsedFile & { readonly language: 'nft' };

export function nftFiles(files: readonly ParsedFile[]): NftFile[] {
  return files.filter((f): f is NftFile => f.language === 'nft');
}

/** One load: a root file, the host files it includes, and their model. */
export interface NftLoad {
  readonly root: NftFile;
  readonly model: NftModel;
  /** The files of the load by path. */
  readonly files: ReadonlyMap<string, NftFile>;
  /** True when some file of the load has syntax problems (the AST may be partial). */
  readonly hasProblems: boolean;
  /**
   * False when the root looks like a fragment meant to be included by a file the host does not
   * have (it sits in a `*.d/` directory and has no `#!/usr/sbin/nft -f` line): names it uses may
   * be declared by the includer, so rules about missing or unused names skip it.
   */
  readonly standalone: boolean;
}

/** Whether a root file is loaded on its own (see `NftLoad.standalone`). */
export function isStandalone(f: NftFile): boolean {
  if (/^#!\S*\bnft\b.*-f/.test(f.file.text)) return true;
  const dirs = f.file.path.replace(/\\/g, '/').split('/').slice(0, -1);
  return !dirs.some((d) => d.endsWith('.d'));
}

/** The path a host file has on the machine (`hosts/gw1/etc/nftables.conf` → `/etc/nftables.conf`). */
export function machinePath(path: string): string | null {
  const p = path.replace(/\\/g, '/');
  if (p.startsWith('etc/')) return `/${p}`;
  const i = p.indexOf('/etc/');
  return i < 0 ? null : p.slice(i);
}

/** The host root part of a path (before `etc/`), '' for `etc/…`, null without `etc/`. */
function hostRootOf(path: string): string | null {
  const p = path.replace(/\\/g, '/');
  if (p.startsWith('etc/')) return '';
  const i = p.indexOf('/etc/');
  return i < 0 ? null : p.slice(0, i + 1);
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const j = glob.indexOf(']', i + 1);
      if (j < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, j).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = j;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Host files an `include` names, by their machine path (relative paths are searched in nft's
 * default include directory, /etc). Null when the model cannot know (file not in the host, `./`
 * paths, a glob without matches, or a file of no other host's root).
 */
export function resolveHostInclude(include: NftInclude, from: NftFile, files: readonly NftFile[]): NftFile[] | null {
  const p = include.path.text;
  if (p.startsWith('./') || p.startsWith('../')) return null;
  const abs = p.startsWith('/') ? p : `/etc/${p}`;
  const glob = /[*?[]/.test(abs);
  const root = hostRootOf(from.file.path);
  if (root === null) return null;
  const sameHost = files.filter((f) => f !== from && hostRootOf(f.file.path) === root);
  if (glob) {
    const re = globToRegExp(abs);
    const hits = sameHost
      .filter((f) => {
        const m = machinePath(f.file.path);
        return m !== null && re.test(m) && !m.split('/').pop()!.startsWith('.');
      })
      .sort((a, b) => compareStrings(a.file.path, b.file.path));
    return hits.length ? hits : null;
  }
  const hit = sameHost.find((f) => machinePath(f.file.path) === abs);
  return hit ? [hit] : null;
}

function includesOf(ast: NftRuleset): NftInclude[] {
  const out: NftInclude[] = [];
  for (const c of ast.commands) {
    if (c.type === 'NftInclude') out.push(c);
    else if (c.type === 'NftTable') for (const i of c.items) if (i.type === 'NftInclude') out.push(i);
  }
  return out;
}

const cache = new WeakMap<readonly ParsedFile[], NftLoad[]>();

/**
 * The host's nft loads: every nft file that no other host nft file includes is a root; its
 * includes are resolved to host files. Files only reachable through include cycles are roots too.
 */
export function nftLoads(files: readonly ParsedFile[]): NftLoad[] {
  const hit = cache.get(files);
  if (hit) return hit;
  const all = nftFiles(files);
  const included = new Set<NftFile>();
  for (const f of all) for (const inc of includesOf(f.ast)) for (const g of resolveHostInclude(inc, f, all) ?? []) included.add(g);
  const roots = all.filter((f) => !included.has(f));
  const covered = new Set<NftFile>();
  const loads: NftLoad[] = [];
  const build = (root: NftFile): void => {
    const members = new Map<string, NftFile>([[root.file.path, root]]);
    const src = (f: NftFile): NftSource => ({ file: f.file.path, ast: f.ast, text: f.file.text });
    const model = buildNftModel(src(root), {
      resolveInclude: (inc, fromPath) => {
        const from = members.get(fromPath) ?? all.find((f) => f.file.path === fromPath);
        if (!from) return null;
        const got = resolveHostInclude(inc, from, all);
        if (!got) return null;
        for (const g of got) members.set(g.file.path, g);
        return got.map(src);
      },
    });
    for (const f of members.values()) covered.add(f);
    loads.push({ root, model, files: members, hasProblems: [...members.values()].some((f) => f.problems.length > 0), standalone: isStandalone(root) });
  };
  for (const r of roots) build(r);
  for (const f of all) if (!covered.has(f)) build(f);
  cache.set(files, loads);
  return loads;
}

/**
 * Names referenced in any load of the host, as `family table name`: jump/goto targets and `@set`s.
 * A file loaded on its own (a hook's `nft -f`) may jump into a chain another file declares.
 */
export function hostReferences(loads: readonly NftLoad[]): { chains: Set<string>; sets: Set<string> } {
  const chains = new Set<string>();
  const sets = new Set<string>();
  for (const l of loads) {
    for (const e of l.model.jumps) chains.add(`${e.from.table.family} ${e.from.table.name} ${e.targetName}`);
    for (const r of l.model.setReferences) if (r.table) sets.add(`${r.table.family} ${r.table.name} ${r.name}`);
  }
  return { chains, sets };
}

/**
 * Chains and sets declared in any load of the host, as `family table name`: a file loaded later
 * (by a hook) may use names the boot ruleset declares.
 */
export function hostDeclarations(loads: readonly NftLoad[], except: NftLoad): { chains: Set<string>; sets: Set<string> } {
  const chains = new Set<string>();
  const sets = new Set<string>();
  for (const l of loads) {
    if (l === except) continue;
    for (const t of l.model.allTables) {
      for (const c of t.allChains.values()) if (c.declared) chains.add(`${t.family} ${t.name} ${c.name}`);
      for (const x of t.allSets.keys()) sets.add(`${t.family} ${t.name} ${x}`);
    }
  }
  return { chains, sets };
}

/** A reporter that drops exact duplicates (a file included by two roots is seen twice). */
export function reporter(ctx: RuleContext<HostModel>): (r: Report) => void {
  const seen = new Set<string>();
  return (r) => {
    const k = `${r.file}\0${r.range.start}\0${r.range.end}\0${r.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    ctx.report(r);
  };
}

/** `line N` of an offset in a host file (for messages that point at another line). */
export function lineOf(files: readonly ParsedFile[], file: string, offset: number): number {
  const f = files.find((x) => x.file.path === file);
  return f ? lineIndexOf(f.file).positionAt(offset).line : 0;
}

/** Source text of a node (trimmed, one line) for messages. */
export function textOf(files: readonly ParsedFile[], file: string, range: { start: number; end: number }): string {
  const f = files.find((x) => x.file.path === file);
  return f ? f.file.text.slice(range.start, range.end).replace(/\s+/g, ' ').trim() : '';
}

const rulesCache = new WeakMap<NftRuleset, readonly NftRule[]>();

/** Every rule of an nft file, including rules of anonymous chains (`jump { … }`); computed once per AST. */
export function allRulesOf(ast: NftRuleset): readonly NftRule[] {
  const hit = rulesCache.get(ast);
  if (hit) return hit;
  const out: NftRule[] = [];
  for (const c of ast.commands) {
    if (c.type === 'NftRule') addRule(c, out);
    else if (c.type === 'NftChain') for (const r of c.rules) addRule(r, out);
    else if (c.type === 'NftTable') for (const ch of c.chains) for (const r of ch.rules) addRule(r, out);
  }
  rulesCache.set(ast, out);
  return out;
}

function addRule(r: NftRule, out: NftRule[]): void {
  out.push(r);
  for (const s of r.statements) if (s.type === 'NftVerdict' && Array.isArray(s.target)) for (const x of s.target as NftRule[]) addRule(x, out);
}

/** Hook command texts of the host's WireGuard configs (nft one-liners may use names a file declares). */
export function hookTexts(model: HostModel): string[] {
  return model.interfaces.flatMap((i) => i.hooks.filter((h) => h.program === 'nft').map((h) => h.sourceText));
}

/** True when nft version `v` is older than `than` (`1.0.6` < `1.0.10`). */
export function nftBefore(v: string, than: string): boolean {
  return compareVersions(v, than) < 0;
}
