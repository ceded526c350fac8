#!/usr/bin/env node
// Writes docs/rules/README.md from the rules' metadata (`npm run docs:gen`), or with --check
// exits 1 when the file is stale. The rules are TypeScript, so esbuild bundles them first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'docs/rules/README.md');
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
  const { renderRuleIndex } = await import(pathToFileURL(outfile).href);
  const text = renderRuleIndex();
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // not generated yet
  }
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error('docs/rules/README.md is out of date; run `npm run docs:gen`.');
      process.exitCode = 1;
    }
  } else if (current !== text) {
    writeFileSync(target, text);
    console.log('wrote docs/rules/README.md');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
