// The CLI paths on fuzzed files: every output format, `format --check`, `--fix` and stdin end with
// exit 0/1, print no stack trace, and print well-formed JSON/SARIF. One batch of generated hosts per
// run keeps it to a few CLI start-ups; a failing batch is bisected to the host that breaks it.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { abnormal, runCli } from './support/cli.js';
import { checkRun, cliBatch, jsonArray, sarif, writeHosts } from './support/cli-fuzz.js';

const SEED = 20261121;
const PER_LANGUAGE = 6;

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('CLI on fuzzed hosts', () => {
  const cases = cliBatch(SEED, PER_LANGUAGE);
  const root = writeHosts(cases);
  roots.push(root);

  it.each([
    ['stylish', undefined],
    ['json', jsonArray],
    ['sarif', sarif],
    ['github', undefined],
  ] as const)('--format %s ends normally', (format, extra) => {
    expect(checkRun(root, ['--format', format], extra)).toBeUndefined();
  });

  it('format --check ends normally', () => {
    expect(checkRun(root, ['format', '--check'])).toBeUndefined();
  });

  it('--fix ends normally and leaves files that lint again normally', () => {
    const copy = writeHosts(cases);
    roots.push(copy);
    expect(checkRun(copy, ['--fix', '--format', 'json'], jsonArray)).toBeUndefined();
    expect(checkRun(copy, ['--format', 'json'], jsonArray)).toBeUndefined();
  });

  it('stdin with --lang ends normally', () => {
    for (const c of cases.slice(0, 8)) {
      const r = runCli(['--lang', c.language, '--format', 'json', '-'], { input: c.text });
      expect(abnormal(r, [0, 1]), c.label).toBeUndefined();
    }
  });
});
