#!/usr/bin/env node
// Bundles the CLI: packages/cli/src/cli.ts → packages/cli/dist/cli.js (+ lazy chunks) and the
// dist/bin.js shim. Workspace packages and chevrotain are inlined, Node built-ins stay external,
// and docs/rules/*.md are embedded so `wglint explain` works from the bundle alone.
import { chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: { cli: join(cli, 'src/cli.ts') },
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'bundle',
  define: { __WGLINT_VERSION__: JSON.stringify(version) },
  // commander is CommonJS and requires Node built-ins; give the ESM bundle a `require` for that.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __wglintCreateRequire } from 'node:module';\nconst require = __wglintCreateRequire(import.meta.url);" },
  plugins: [ruleDocs],
  legalComments: 'none',
  logLevel: 'warning',
});
writeFileSync(
  join(dist, 'bin.js'),
  "#!/usr/bin/env node\nimport module from 'node:module';\nmodule.enableCompileCache?.();\nawait import('./cli.js');\n",
);
chmodSync(join(dist, 'bin.js'), 0o755);
chmodSync(join(dist, 'cli.js'), 0o755);
