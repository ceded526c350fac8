#!/usr/bin/env node
// Bundles the CLI: packages/cli/src/cli.ts → packages/cli/dist/cli.cjs, and the launcher
// packages/cli/launcher/bin.cjs → dist/bin.js, which loads the bundle through a V8 code cache. Workspace packages and chevrotain are inlined, Node built-ins stay external,
// and docs/rules/*.md are embedded so `wglint explain` works from the bundle alone.
import { chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages/cli');
// `--outdir DIR` builds elsewhere (the CLI tests build a private copy); default packages/cli/dist.
const outArg = process.argv.indexOf('--outdir');
const dist = outArg > 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]) : join(cli, 'dist');
const docsDir = join(root, 'docs/rules');
// `--no-minify` keeps esbuild's `// packages/x/src/y.ts` module comments, which
// scripts/bench/profile-summary.mjs reads to attribute a CPU profile to source files.
const minify = !process.argv.includes('--no-minify');
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
 * Modules whose loading costs start-up time that many runs never need, and who imports them. The
 * importers get a stand-in with the same export names whose getters load the real module on first
 * use (esbuild keeps a required ES module's initialisation lazy), so a run pays only for what it
 * touches:
 * - commander requires `node:child_process` for executable subcommands, which wglint has none of;
 * - ip-num builds IPv6 constants when loaded, and a wg0.conf often needs no address arithmetic;
 * - the nft parser creates some 400 token types when loaded; most wg0.conf files have no nft.
 */
const LAZY = [
  { name: 'node:child_process', importer: /[\\/]commander[\\/]/ },
  { name: 'ip-num', importer: /./ },
  { name: '@wglint/nft', importer: /[\\/]packages[\\/](?!nft[\\/])/ },
];

/** Export names of `name` as imported from `resolveDir`, found by bundling it on its own. */
async function exportNames(name, resolveDir) {
  if (name.startsWith('node:')) return Object.keys(await import(name)).filter((k) => k !== 'default');
  // a CommonJS package (ip-num): its exports object is only known by loading it
  if (!name.startsWith('@wglint/')) return Object.keys(createRequire(join(resolveDir, 'x.js'))(name));
  const r = await build({
    stdin: { contents: `export * from ${JSON.stringify(name)};`, resolveDir },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(r.metafile.outputs)[0].exports;
}

const lazyModules = {
  name: 'wglint-lazy-modules',
  setup(b) {
    const filter = new RegExp(`^(${LAZY.map((m) => m.name.replace(/[/.]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => {
      const lazy = LAZY.find((m) => m.name === args.path);
      if (args.namespace === 'wglint-lazy' || !lazy.importer.test(args.importer)) return undefined;
      return { path: args.path, namespace: 'wglint-lazy', pluginData: { resolveDir: args.resolveDir } };
    });
    b.onLoad({ filter: /.*/, namespace: 'wglint-lazy' }, async (args) => {
      const names = await exportNames(args.path, args.pluginData.resolveDir);
      const real = JSON.stringify(args.path);
      const getters = names.map((n) => `${JSON.stringify(n)}: { enumerable: true, get: () => load()[${JSON.stringify(n)}] }`);
      return {
        contents: `let real;\nconst load = () => (real ??= require(${real}));\nObject.defineProperties(module.exports, {\n  ${getters.join(',\n  ')}\n});\n`,
        loader: 'js',
        resolveDir: args.pluginData.resolveDir,
      };
    });
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
  plugins: [ruleDocs, lazyModules],
  legalComments: 'none',
  // Half the bytes to read and hash on every start; names are kept, so stack traces
  // (WGLINT_DEBUG=1) and CPU profiles still read.
  minifyWhitespace: minify,
  minifySyntax: minify,
  logLevel: 'warning',
});
const hash = createHash('sha256').update(readFileSync(join(dist, 'cli.cjs'))).digest('hex').slice(0, 16);
const launcher = readFileSync(join(cli, 'launcher/bin.cjs'), 'utf8').replace('__WGLINT_BUNDLE_HASH__', hash);
writeFileSync(join(dist, 'bin.js'), launcher);
// bin.js keeps its name (package.json `bin`, docs); this makes Node load it as CommonJS.
writeFileSync(join(dist, 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
chmodSync(join(dist, 'bin.js'), 0o755);
