import { it } from 'vitest';
import { lintTexts } from '@wglint/engine';
import { readFileSync } from 'node:fs';
it('dump', () => {
  const files = JSON.parse(readFileSync('/tmp/scratch.json', 'utf8')) as Record<string, string>;
  for (const d of lintTexts(files)) console.log(`${d.file} ${d.ruleId} [${files[d.file]!.slice(d.range.start, d.range.end)}] ${d.message}`);
});
