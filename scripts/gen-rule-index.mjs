#!/usr/bin/env node
// Writes docs/rules/README.md and docs/schema/wglint.schema.json from the rules' metadata
// (`npm run docs:gen`), or with --check exits 1 when either is stale. The rules are TypeScript, so esbuild bundles them first.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'wglint-docs-'));
try {
  const outfile = join(tmp, 'rule-index.mjs');
  await build({
    entryPoints: [join(root, 'scripts/rule-index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const { renderRuleIndex, renderConfigSchema } = await import(pathToFileURL(outfile).href);
  const outputs = [
    ['docs/rules/README.md', renderRuleIndex()],
    ['docs/schema/wglint.schema.json', renderConfigSchema()],
  ];
  for (const [rel, text] of outputs) {
    const file = join(root, rel);
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // not generated yet
    }
    if (current === text) continue;
    if (process.argv.includes('--check')) {
      console.error(`${rel} is out of date; run \`npm run docs:gen\`.`);
      process.exitCode = 1;
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(`wrote ${rel}`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
