import { chmodSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoCrash, fixture, wglint } from './run.js';

// packages/cli/launcher/bin.cjs gives the bundle a V8 code cache on Node 20 (docs/performance.md).
// Node >= 22.1 uses its own module.enableCompileCache instead, and these checks do not apply there.
const ownCache = !("enableCompileCache" in (await import("node:module")).default);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function cacheDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'wglint-cache-test-'));
  dirs.push(d);
  return d;
}

describe.runIf(ownCache)('the compile cache of the CLI launcher (Node 20)', () => {
  const cwd = fixture('basic');
  const args = ['--format', 'json', '.'];

  it('is written on the first run and used on the next, with the same output', () => {
    const dir = cacheDir();
    const first = wglint(args, { cwd, env: { WGLINT_CACHE_DIR: dir } });
    expectNoCrash(first);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^cli-[0-9a-f]{16}-${process.version}-${process.arch}\\.v8cache$`));
    const second = wglint(args, { cwd, env: { WGLINT_CACHE_DIR: dir } });
    expect(second).toEqual(first);
  });

  it('a corrupt cache file is ignored and replaced', () => {
    const dir = cacheDir();
    const clean = wglint(args, { cwd, env: { WGLINT_CACHE_DIR: dir } });
    const [name] = readdirSync(dir);
    writeFileSync(join(dir, name!), 'not a V8 code cache');
    const r = wglint(args, { cwd, env: { WGLINT_CACHE_DIR: dir } });
    expect(r).toEqual(clean);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('caches of other builds go once unused for a week; recent ones stay', () => {
    const dir = cacheDir();
    const old = join(dir, 'cli-0000000000000000-v0-x.v8cache');
    const recent = join(dir, 'cli-1111111111111111-v0-x.v8cache');
    const unrelated = join(dir, 'notes.txt');
    for (const f of [old, recent, unrelated]) writeFileSync(f, 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    utimesSync(unrelated, eightDaysAgo, eightDaysAgo);
    expectNoCrash(wglint(args, { cwd, env: { WGLINT_CACHE_DIR: dir } }));
    const left = readdirSync(dir);
    expect(left).toContain('cli-1111111111111111-v0-x.v8cache');
    expect(left).toContain('notes.txt');
    expect(left).not.toContain('cli-0000000000000000-v0-x.v8cache');
    expect(left).toHaveLength(3);
  });

  it('a directory others can write is never used', () => {
    const dir = cacheDir();
    chmodSync(dir, 0o777);
    const r = wglint(args, { cwd, env: { WGLINT_CACHE_DIR: dir } });
    expectNoCrash(r);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unwritable cache location costs nothing but the cache', () => {
    const r = wglint(args, { cwd, env: { WGLINT_CACHE_DIR: '/proc/wglint-cannot-be-here' } });
    expectNoCrash(r);
    expect(r.stderr).toBe('');
  });

  it('NODE_DISABLE_COMPILE_CACHE turns it off', () => {
    const dir = cacheDir();
    const r = wglint(args, { cwd, env: { WGLINT_CACHE_DIR: dir, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expectNoCrash(r);
    expect(readdirSync(dir)).toEqual([]);
  });
});
