// Batches of fuzzed hosts for the CLI, and the checks on a run over them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LANGS } from './checks.js';
import { abnormal, runCli, writeTree, type CliRun } from './cli.js';
import { grammarCase, mutatedCase, type Case } from './generators.js';
import { HOST_PATH } from './targets.js';

/** Grammar and mutated cases for every language, each in a host of its own. */
export function cliBatch(seed: number, perLanguage: number): Case[] {
  return LANGS.flatMap((l) => [
    ...fc.sample(grammarCase[l], { seed, numRuns: perLanguage }),
    ...fc.sample(mutatedCase(l), { seed: seed + 1, numRuns: perLanguage }),
  ]);
}

export function writeHosts(cases: readonly Case[]): string {
  return writeTree(Object.fromEntries(cases.map((c, i) => [join('hosts', `h${i}`, HOST_PATH[c.language]), c.text])));
}

/** Runs `args` on the whole tree; on failure, on each host alone, to name the culprit. */
export function checkRun(root: string, args: readonly string[], extra: (r: CliRun) => string | undefined = () => undefined, allowed = [0, 1]): string | undefined {
  const whole = runCli([...args, 'hosts'], { cwd: root });
  const problem = abnormal(whole, allowed) ?? extra(whole);
  if (!problem) return undefined;
  for (const h of readdirSync(join(root, 'hosts')).sort()) {
    const one = runCli([...args, join('hosts', h)], { cwd: root });
    const p = abnormal(one, allowed) ?? extra(one);
    if (p) return `wglint ${args.join(' ')} hosts/${h}: ${p}`;
  }
  return `wglint ${args.join(' ')} hosts: ${problem}`;
}

export const jsonArray = (r: CliRun) => {
  try {
    return Array.isArray(JSON.parse(r.stdout)) ? undefined : 'json output is not an array';
  } catch (e) {
    return `json output does not parse: ${String(e)}\n${r.stdout.slice(0, 500)}`;
  }
};
export const sarif = (r: CliRun) => {
  try {
    const s = JSON.parse(r.stdout) as { version?: string; runs?: unknown[] };
    return s.version === '2.1.0' && Array.isArray(s.runs) ? undefined : 'sarif output is not SARIF 2.1.0';
  } catch (e) {
    return `sarif output does not parse: ${String(e)}`;
  }
};

