import { it } from 'vitest';
import { lintTexts } from '@wglint/engine';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
function readHost(dir: string) {
  const files: Record<string, string> = {};
  const walk = (d: string) => { for (const n of readdirSync(d)) { const f = join(d, n); if (statSync(f).isDirectory()) walk(f); else if (!['expected.json','README.md','review.md'].includes(n)) files[relative(dir, f)] = readFileSync(f, 'utf8'); } };
  walk(dir); return files;
}
it('dump', () => {
  const dirs = (process.env.DIRS ?? '').split(',').filter(Boolean);
  const mine = new Set((process.env.IDS ?? '').split(','));
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const files = readHost(dir);
    for (const d of lintTexts(files)) if (mine.has(d.ruleId) || process.env.IDS === 'all') console.log(`${dir} ${d.file} ${d.ruleId} ${d.severity} [${files[d.file]!.slice(d.range.start, d.range.end).slice(0,60)}] ${d.message.slice(0, 150)}`);
  }
});
