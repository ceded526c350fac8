// Inputs for mutation fuzzing: the shared upstream corpus (read from ../shared/corpus, never copied
// into the repository: it is GPL test data), the seed articles, and the repository's examples.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '@wglint/core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const corpusRoot = resolve(repoRoot, '../shared/corpus');
export const seedsRoot = resolve(repoRoot, '../shared/seeds');
export const examplesRoot = join(repoRoot, 'examples');

export interface Sample {
  readonly name: string;
  readonly language: Language;
  readonly bytes: Buffer;
}

function jsonl(file: string): Record<string, unknown>[] {
  const p = join(corpusRoot, file);
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function filesIn(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(keep)
    .sort()
    .map((f) => join(dir, f));
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    const s = statSync(p);
    if (s.isDirectory()) walk(p, out);
    else if (s.isFile() && s.size < 1 << 20) out.push(p);
  }
  return out;
}

let cachedAtoms: ReturnType<typeof loadAtoms> | undefined;

/** Rule and declaration lines from the upstream test suites, used as grammar atoms. */
export function atoms() {
  cachedAtoms ??= loadAtoms();
  return cachedAtoms;
}

function loadAtoms() {
  const nftRules = jsonl('nft-rules.jsonl')
    .filter((e) => typeof e['rule'] === 'string')
    .map((e) => e['rule'] as string);
  // `cmd` is the declaration as an nft command, with {family}/{table} placeholders
  const nftDecls = jsonl('nft-decls.jsonl')
    .filter((e) => e['expect'] === 'ok' && typeof e['cmd'] === 'string')
    .map((e) => (e['cmd'] as string).replace(/\{family\}/g, 'inet').replace(/\{table\}/g, 't'));
  const iptRules = jsonl('iptables-rules.jsonl')
    .filter((e) => Array.isArray(e['tools']) && (e['tools'] as string[]).some((t) => t === 'iptables' || t === 'ip6tables'))
    .map((e) => ({ rule: e['rule'] as string, table: (e['table'] as string) ?? 'filter', chains: (e['chains'] as string[]) ?? ['INPUT'] }));
  const xlate = jsonl('iptables-xlate.jsonl').map((e) => String(e['command'] ?? ''));
  return {
    nftRules: nftRules.length ? nftRules : ['tcp dport 22 accept'],
    nftDecls: nftDecls.length ? nftDecls : ['add set inet t s { type ipv4_addr; }'],
    iptRules: iptRules.length ? iptRules : [{ rule: '-p tcp --dport 22 -j ACCEPT', table: 'filter', chains: ['INPUT'] }],
    xlate: xlate.filter(Boolean),
  };
}

let cachedSamples: Sample[] | undefined;

/** Whole files to mutate: corpus dumps and bogons, the examples, and the seed articles. */
export function samples(): Sample[] {
  cachedSamples ??= loadSamples();
  return cachedSamples;
}

function loadSamples(): Sample[] {
  const out: Sample[] = [];
  const add = (name: string, language: Language, path: string) => out.push({ name, language, bytes: readFileSync(path) });
  for (const p of filesIn(join(corpusRoot, 'nft-dumps'), (f) => f.endsWith('.nft'))) add(p.slice(corpusRoot.length + 1), 'nft', p);
  for (const p of filesIn(join(corpusRoot, 'nft-bogons'), (f) => f.endsWith('.nft'))) add(p.slice(corpusRoot.length + 1), 'nft', p);
  for (const p of filesIn(join(corpusRoot, 'iptables-dumps'), (f) => !f.endsWith('.jsonl') && !f.endsWith('.xml'))) {
    add(p.slice(corpusRoot.length + 1), 'iptables-save', p);
  }
  for (const p of walk(examplesRoot)) {
    const rel = p.slice(repoRoot.length + 1);
    if (/wireguard\/[^/]+\.conf$/.test(rel)) add(rel, 'wg', p);
    else if (/\.nft$|nftables\.conf$/.test(rel)) add(rel, 'nft', p);
    else if (/rules\.v[46]$|\.rules$/.test(rel)) add(rel, 'iptables-save', p);
    else if (/sysctl\.(conf|d\/[^/]+\.conf)$/.test(rel)) add(rel, 'sysctl', p);
  }
  // The seed articles hold config snippets among prose; every parser gets them whole.
  for (const p of filesIn(seedsRoot, (f) => f.endsWith('.txt'))) {
    for (const language of ['wg', 'nft', 'iptables-save', 'sysctl'] as const) add(`${p.slice(seedsRoot.length + 1)} as ${language}`, language, p);
  }
  return out;
}

/** Samples grouped by language, for per-language properties. */
export function samplesOf(language: Language): Sample[] {
  return samples().filter((s) => s.language === language);
}
