#!/usr/bin/env node
// Bundles the CLI: packages/cli/src/cli.ts → packages/cli/dist/cli.cjs, and the launcher
// packages/cli/launcher/bin.cjs → dist/bin.js, which loads the bundle through a V8 code cache. Workspace packages and chevrotain are inlined, Node built-ins stay external,
// and docs/rules/*.md are embedded so `wglint explain` works from the bundle alone.
import { chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages/cli');
// `--outdir DIR` builds elsewhere (the CLI tests build a private copy); default packages/cli/dist.
const outArg = process.argv.indexOf('--outdir');
const dist = outArg > 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]) : join(cli, 'dist');
const docsDir = join(root, 'docs/rules');
const version = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8')).version;

/** `virtual:wglint-rule-docs`: `{ "<id>": "<markdown>" }` for every docs/rules/<id>.md. */
const ruleDocs = {
  name: 'wglint-rule-docs',
  setup(b) {
    b.onResolve({ filter: /^virtual:wglint-rule-docs$/ }, () => ({ path: 'rule-docs', namespace: 'wglint-docs' }));
    b.onLoad({ filter: /.*/, namespace: 'wglint-docs' }, () => {
      const docs = {};
      let names = [];
      try {
        names = readdirSync(docsDir).filter((n) => n.endsWith('.md') && n !== 'README.md').sort();
      } catch {
        // no docs yet
      }
      for (const n of names) docs[n.slice(0, -3)] = readFileSync(join(docsDir, n), 'utf8');
      return { contents: `export default ${JSON.stringify(docs)};`, loader: 'js', watchFiles: names.map((n) => join(docsDir, n)) };
    });
  },
};

/**
 * commander requires `node:child_process` at load for executable subcommands, which wglint has
 * none of; loading it costs about 7 ms of every start. Give commander a stand-in that loads the
 * real module on first use.
 */
const lazyChildProcess = {
  name: 'wglint-lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'wglint-lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'wglint-lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
// One CommonJS file, not ESM chunks: Node 20 can give code caches to scripts (`vm.Script`) but not
// to ES modules, and the cache saves more than lazy chunks would (docs/performance.md). Code that
// only some runs need (a formatter, the rule docs) still sits behind `import()`, which esbuild
// turns into a lazily run module wrapper, so it is compiled only when used.
await build({
  entryPoints: [join(cli, 'src/cli.ts')],
  outfile: join(dist, 'cli.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'bundle',
  define: { __WGLINT_VERSION__: JSON.stringify(version), 'import.meta.url': '__wglintModuleUrl' },
  banner: { js: "const __wglintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [ruleDocs, lazyChildProcess],
  legalComments: 'none',
  logLevel: 'warning',
});
const hash = createHash('sha256').update(readFileSync(join(dist, 'cli.cjs'))).digest('hex').slice(0, 16);
const launcher = readFileSync(join(cli, 'launcher/bin.cjs'), 'utf8').replace('__WGLINT_BUNDLE_HASH__', hash);
writeFileSync(join(dist, 'bin.js'), launcher);
// bin.js keeps its name (package.json `bin`, docs); this makes Node load it as CommonJS.
writeFileSync(join(dist, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
chmodSync(join(dist, 'bin.js'), 0o755);
