// `npm run fuzz`: the properties of the bounded suite with fresh seeds for a time budget
// (WGLINT_FUZZ_SECONDS, default 600 for the whole run; WGLINT_FUZZ_SEED replays a run). Prints a
// summary line per property and writes them to $TMPDIR/wglint-fuzz-summary.json.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCase, checkShell, LANGS, ok } from './support/checks.js';
import { checkRun, cliBatch, jsonArray, sarif, writeHosts } from './support/cli-fuzz.js';
import { grammarCase, mutatedCase, shellLine } from './support/generators.js';

const BUDGET_S = Number(process.env['WGLINT_FUZZ_SECONDS'] ?? 600);
const SEED = Number(process.env['WGLINT_FUZZ_SEED'] ?? Date.now() % 2 ** 31);
// in-process properties get 40% of the budget, the CLI 20%; scaling.fuzz.ts takes about the rest
const PROPERTIES = LANGS.length * 2 + 1;
const PER_PROPERTY_MS = (BUDGET_S * 1000 * 0.4) / PROPERTIES;
const CLI_MS = BUDGET_S * 1000 * 0.2;

const summary: { property: string; runs: number; ms: number; seed: number; failed: boolean }[] = [];
afterAll(() => {
  const file = join(tmpdir(), 'wglint-fuzz-summary.json');
  writeFileSync(file, JSON.stringify({ seed: SEED, budgetSeconds: BUDGET_S, summary }, null, 2));
  console.log(`[fuzz] seed ${SEED}; ${summary.reduce((n, s) => n + s.runs, 0)} cases in ${(summary.reduce((n, s) => n + s.ms, 0) / 1000).toFixed(0)} s; summary in ${file}`);
});

function timed<T>(property: string, arb: fc.Arbitrary<T>, predicate: (t: T) => boolean): void {
  const t0 = Date.now();
  const details = fc.check(fc.property(arb, predicate), {
    seed: SEED,
    numRuns: Number.MAX_SAFE_INTEGER,
    interruptAfterTimeLimit: PER_PROPERTY_MS,
    markInterruptAsFailure: false,
  });
  summary.push({ property, runs: details.numRuns, ms: Date.now() - t0, seed: SEED, failed: details.failed });
  console.log(`[fuzz] ${property}: ${details.numRuns} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s${details.failed ? ' FAILED' : ''}`);
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? 'property failed');
}

describe(`long fuzz run (seed ${SEED}, ${BUDGET_S} s)`, () => {
  for (const lang of LANGS) {
    it(`${lang}: grammar-aware`, () => timed(`${lang} grammar`, grammarCase[lang], (c) => ok(checkCase(c), c)));
    it(`${lang}: mutated corpus`, () => timed(`${lang} mutated`, mutatedCase(lang), (c) => ok(checkCase(c), c)));
  }
  it('shell: hook values', () => timed('shell', fc.tuple(shellLine, fc.nat(5000)), ([t, b]) => ok(checkShell(t, b), { label: 'shell', text: t })));

  it('CLI: batches of fuzzed hosts through every format, format --check and --fix', () => {
    const t0 = Date.now();
    let batches = 0;
    let hosts = 0;
    while (Date.now() - t0 < CLI_MS) {
      const cases = cliBatch(SEED + batches * 7919, 5);
      const root = writeHosts(cases);
      for (const [args, extra] of [
        [['--format', 'json'], jsonArray],
        [['--format', 'sarif'], sarif],
        [['--format', 'stylish'], undefined],
        [['--format', 'github'], undefined],
        [['format', '--check'], undefined],
        [['--fix', '--format', 'json'], jsonArray],
      ] as const) {
        expect(checkRun(root, args, extra), `batch ${batches} (seed ${SEED + batches * 7919})`).toBeUndefined();
      }
      batches++;
      hosts += cases.length;
    }
    summary.push({ property: 'cli', runs: hosts, ms: Date.now() - t0, seed: SEED, failed: false });
    console.log(`[fuzz] cli: ${batches} batches, ${hosts} hosts in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  });
});
