#!/usr/bin/env node
// Bundles the VS Code extension: vscode-extension/src/extension.ts → dist/extension.cjs (the
// `vscode` module stays external) and the language server → dist/server.cjs, both CommonJS as
// VS Code loads them (chevrotain is ESM-only, so it must be bundled). Copies grammar/*.json to
// vscode-extension/syntaxes/ so the manifest's grammar paths resolve.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ext = join(root, 'vscode-extension');

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: [join(ext, 'src/extension.ts')], outfile: join(ext, 'dist/extension.cjs'), external: ['vscode'] });
await build({ ...common, entryPoints: [join(root, 'packages/language-server/src/main.ts')], outfile: join(ext, 'dist/server.cjs') });

mkdirSync(join(ext, 'syntaxes'), { recursive: true });
for (const f of readdirSync(join(root, 'grammar')).filter((n) => n.endsWith('.tmLanguage.json'))) {
  copyFileSync(join(root, 'grammar', f), join(ext, 'syntaxes', f));
}
