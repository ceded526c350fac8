// The bad example of each nft rule's docs page triggers the rule; the good one does not, and
// neither has syntax errors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintTexts } from '@wglint/engine';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/nft/index.js';
import { NFT, run } from './helpers.js';

const docsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/rules');

describe('nft rule docs examples', () => {
  it.each(rules.map((r) => r.meta.id))('%s: bad example fires, good example does not', (id) => {
    const md = readFileSync(path.join(docsDir, `${id}.md`), 'utf8');
    const blocks = [...md.matchAll(/```nft\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const [bad, good] = blocks as [string, string];
    expect(run(id, bad).length, `${id} bad example`).toBeGreaterThan(0);
    expect(run(id, good), `${id} good example`).toEqual([]);
    for (const text of [bad, good]) expect(lintTexts({ [NFT]: text }).filter((d) => d.ruleId === 'syntax-error')).toEqual([]);
  });
});
