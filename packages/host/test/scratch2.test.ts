import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildHostModel, parseSourceFile } from '../src/index.js';
it('dump', () => {
  const files = JSON.parse(readFileSync('/tmp/scratch.json', 'utf8')) as Record<string, string>;
  const m = buildHostModel('.', Object.entries(files).filter(([p]) => p.endsWith('.conf') && p.includes('wireguard')).map(([path, text]) => parseSourceFile({ path, text, language: 'wg' })));
  for (const i of m.interfaces) for (const h of i.hooks) console.log(h.hook, h.type, h.refused, JSON.stringify((h as any).nft ?? ''));
});
