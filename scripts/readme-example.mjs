#!/usr/bin/env node
// Refreshes the example output in README.md by running the built CLI on examples/003-mesh.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let out;
try {
  out = execFileSync(process.execPath, ['packages/cli/dist/bin.js', 'examples/003-mesh'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
} catch (e) {
  out = e.stdout;
}
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const begin = '<!-- begin example output (scripts/readme-example.mjs) -->\n';
const end = '<!-- end example output -->';
const i = readme.indexOf(begin);
const j = readme.indexOf(end);
if (i < 0 || j < 0) throw new Error('README.md lacks the example output markers');
const block = `\`\`\`console\n$ npx wglint examples/003-mesh\n${out.replace(/^\n/, '')}\`\`\`\n`;
writeFileSync(join(root, 'README.md'), readme.slice(0, i + begin.length) + block + readme.slice(j));
