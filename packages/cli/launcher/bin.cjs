#!/usr/bin/env node
// The `wglint` command. Loads the CLI bundle (cli.cjs, beside this file) through a V8 code cache,
// because a pre-commit hook pays start-up on every run and compiling the bundle is a third of it.
//
// Node >= 22.1 has a built-in compile cache (`module.enableCompileCache`). Node 20 does not, so
// there the bundle is compiled with `vm.Script` and its `cachedData`, written once per bundle and
// Node version, in a directory only this user can write (`$TMPDIR/wglint-compile-cache-<uid>`, or
// `WGLINT_CACHE_DIR`). `NODE_DISABLE_COMPILE_CACHE=1` turns caching off. Any failure of the cache
// just means compiling as usual: the cache can make wglint faster, never break it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

/** Replaced at build time by the hash of cli.cjs, so a rebuilt bundle never meets an old cache. */
const BUNDLE_HASH = '__WGLINT_BUNDLE_HASH__';
const bundle = path.join(__dirname, 'cli.cjs');

function cacheDir() {
  const os = require('node:os');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const dir = process.env.WGLINT_CACHE_DIR || path.join(os.tmpdir(), `wglint-compile-cache-${uid}`);
  try {
    // not `recursive`: on Node 20 that loops forever where mkdir fails with ENOENT (under /proc)
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if (e.code !== 'EEXIST') return null;
  }
  const st = fs.statSync(dir);
  // Never trust code cached in a directory someone else could have written.
  if ((typeof process.getuid === 'function' && st.uid !== process.getuid()) || (st.mode & 0o022) !== 0) return null;
  return dir;
}

/** Caches of other builds (each rebuild or upgrade makes one) go once unused for a week. */
function forgetOldCaches(dir, keep) {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of fs.readdirSync(dir)) {
    if (name === keep || !/^cli-.*\.v8cache$/.test(name)) continue;
    const p = path.join(dir, name);
    if (fs.statSync(p).atimeMs < weekAgo) fs.rmSync(p, { force: true });
  }
}

function runCached() {
  const vm = require('node:vm');
  let file = null;
  let cachedData;
  try {
    const dir = cacheDir();
    if (dir) file = path.join(dir, `cli-${BUNDLE_HASH}-${process.version}-${process.arch}.v8cache`);
    if (file) cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  if (file && (cachedData === undefined || script.cachedDataRejected)) {
    // At exit the cache also holds every function this run compiled, not just the top level.
    process.once('exit', () => {
      try {
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, file);
        forgetOldCaches(path.dirname(file), path.basename(file));
      } catch {
        // read-only or full disk: run uncached next time as well
      }
    });
  }
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, require, module, bundle, __dirname);
}

if (process.env.NODE_DISABLE_COMPILE_CACHE) require(bundle);
else if (typeof Module.enableCompileCache === 'function') {
  Module.enableCompileCache();
  require(bundle);
} else runCached();
