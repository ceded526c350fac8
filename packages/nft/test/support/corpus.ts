// Loads the external nft conformance corpus (../shared/corpus relative to the repository root).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');

export interface CorpusRule {
  source: string;
  line: number;
  rule: string;
  expect: 'ok' | 'fail';
  disabled?: boolean;
  tables: { family: string; name: string; chains: string[] }[];
  local_check?: { results?: { error?: string }[] };
}

/**
 * Why the shared corpus (../shared, beside the repository) cannot be read, or null. The corpus is
 * external test data, not part of a clone: without it the tests that measure against it say loudly
 * that they did not run, as the tests against the real tools do.
 */
export function sharedCorpusMissing(name: string): string | null {
  if (existsSync(path.join(corpusDir, 'nft-rules.jsonl'))) return null;
  const why = `the shared corpus is not at ${corpusDir}`;
  console.warn(
    `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
      `!!! ${name} DID NOT RUN: ${why}.\n` +
      `!!! Check out the shared corpus next to the repository to run it.\n` +
      `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
  );
  return why;
}

/** Throws (so the test fails loudly) when the corpus is missing. */
export function requireCorpus(): void {
  if (!existsSync(path.join(corpusDir, 'nft-rules.jsonl'))) {
    throw new Error(`nft conformance corpus not found at ${corpusDir}: check out the shared corpus next to the repository`);
  }
}

export function loadRules(): CorpusRule[] {
  requireCorpus();
  return readFileSync(path.join(corpusDir, 'nft-rules.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusRule);
}

export interface ManifestEntry {
  file: string;
  format: string;
  empty?: boolean;
  path: string;
  local_check?: { rc?: number; result?: string; error?: string };
}

export function loadManifest(dir: 'nft-dumps' | 'nft-bogons'): ManifestEntry[] {
  requireCorpus();
  return readFileSync(path.join(corpusDir, dir, 'MANIFEST.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ManifestEntry);
}

export function readCorpusFile(dir: string, file: string): string {
  return readFileSync(path.join(corpusDir, dir, file), 'utf8');
}

export function listCorpus(dir: string): string[] {
  return readdirSync(path.join(corpusDir, dir)).filter((f) => f !== 'MANIFEST.jsonl');
}

/** Wraps a `.t` rule line as an `add rule` command for its first table and chain. */
export function ruleCommand(r: CorpusRule): string {
  const t = r.tables[0]!;
  return `add rule ${t.family} ${t.name} ${t.chains[0]} ${r.rule}`;
}

/** Whether nft rejected this line for syntax (not an evaluation/kernel error). */
export function isSyntaxFailure(r: CorpusRule): boolean {
  return (r.local_check?.results ?? []).some((x) => (x.error ?? '').includes('syntax error'));
}
