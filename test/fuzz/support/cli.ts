// Runs the CLI bundle as users do. Each test worker builds a private copy (scripts/build-cli.mjs
// --outdir), so a concurrent rebuild of packages/cli/dist never pulls the bundle from under a test.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './corpus.js';

let bin: string | undefined;

/** Path of a freshly built CLI entry (`bin.js`) for this worker. */
export function cliBin(): string {
  if (bin) return bin;
  const out = mkdtempSync(join(tmpdir(), 'wglint-cli-'));
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/build-cli.mjs'), '--outdir', out], { encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(join(out, 'bin.js'))) throw new Error(`CLI build failed: ${r.stderr || r.stdout}`);
  process.once('exit', () => rmSync(out, { recursive: true, force: true }));
  bin = join(out, 'bin.js');
  return bin;
}

export interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** Runs `wglint ...args` in `cwd` with a hard timeout; never throws. */
export function runCli(args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; input?: string; timeoutMs?: number; uid?: number; gid?: number } = {}): CliRun {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [cliBin(), ...args], {
    cwd: opts.cwd ?? repoRoot,
    encoding: 'utf8',
    input: opts.input ?? '',
    timeout: opts.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 << 20,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', WGLINT_DEBUG: '', ...opts.env },
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
  });
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    timedOut: (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
  };
}

/** A Node stack frame (`    at fn (file:1:2)`): the contract forbids them unless WGLINT_DEBUG=1. */
export const STACK_FRAME = /^\s+at .+(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

/** What is wrong with a run that must end normally (exit 0, 1 or 2, no trace), or undefined. */
export function abnormal(r: CliRun, allowed: readonly number[] = [0, 1, 2]): string | undefined {
  if (r.timedOut) return 'timed out (hang)';
  if (r.signal) return `killed by ${r.signal}`;
  if (r.status === null || !allowed.includes(r.status)) return `exit status ${r.status} (allowed ${allowed.join('/')})\n${r.stderr.slice(0, 2000)}`;
  if (STACK_FRAME.test(r.stderr) || STACK_FRAME.test(r.stdout)) return `stack trace in output:\n${r.stderr.slice(0, 2000)}`;
  return undefined;
}

/** Writes a tree of files (text or bytes) under a fresh temp directory. */
export function writeTree(files: Readonly<Record<string, string | Uint8Array>>, prefix = 'wglint-fuzz-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}
