import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The CLI bundle's bin.js, built by scripts/build-cli.mjs for this test run (or `BUILD FAILED: …`). */
    wglintBin: string;
  }
}

/**
 * Builds the CLI bundle once per test run, with the real build script, into a private directory,
 * so the CLI tests exercise the packaging and never race a concurrent `npm run build`.
 */
export default function setup(project: TestProject): () => void {
  const root = join(import.meta.dirname, '../..');
  const out = mkdtempSync(join(tmpdir(), 'wglint-cli-bundle-'));
  try {
    execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--outdir', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    project.provide('wglintBin', join(out, 'bin.js'));
  } catch (e) {
    // Don't take every other test down with the bundle: the CLI tests report the failure.
    const detail = (e as { stderr?: Buffer }).stderr?.toString() || String(e);
    project.provide('wglintBin', `BUILD FAILED: ${detail}`);
  }
  return () => rmSync(out, { recursive: true, force: true });
}
