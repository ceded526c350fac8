import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, inject } from 'vitest';

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (`node dist/bin.js …`) in `cwd`. */
export function wglint(args: readonly string[], options: { cwd: string; stdin?: string | Buffer; env?: Record<string, string> }): RunResult {
  const bin = inject('wglintBin');
  if (bin.startsWith('BUILD FAILED')) throw new Error(`scripts/build-cli.mjs failed, so the CLI cannot be tested:\n${bin}`);
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    input: options.stdin ?? '',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh copy of `test/cli/fixtures/<name>` (plus extra files) in a temp dir; returns its path. */
export function fixture(name?: string, extra: Readonly<Record<string, string | Buffer>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'wglint-cli-'));
  made.push(dir);
  if (name) cpSync(join(import.meta.dirname, 'fixtures', name), dir, { recursive: true });
  for (const [rel, content] of Object.entries(extra)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  privatise(dir);
  return dir;
}

/** Files get mode 0600, as WireGuard configs have on a real host (the permission rule stays quiet). */
function privatise(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) privatise(p);
    else chmodSync(p, 0o600);
  }
}

/** No JavaScript stack trace and no "internal error" in a run's output. */
export function expectNoCrash(r: RunResult): void {
  expect(r.stderr).not.toMatch(/\n\s+at .*(:\d+:\d+|\(native\))/);
  expect(r.stdout).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(r.status === 0 || r.status === 1 || r.status === 2).toBe(true);
}

/** `--format json` output, parsed. */
export interface JsonFile {
  filePath: string;
  language: string;
  diagnostics: {
    ruleId: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    fix?: { range: [number, number]; text: string };
  }[];
}

export function parseJson(r: RunResult): JsonFile[] {
  return JSON.parse(r.stdout) as JsonFile[];
}
