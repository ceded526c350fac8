// The bad example of each wg rule's docs page triggers the rule; the good one does not, and the
// suppression example silences it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/wg/index.js';
import { run } from './helpers.js';

const OLD = { wireguardTools: '1.0.20210914' };
const docsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/rules');

describe('wg rule docs examples', () => {
  it.each(rules.map((r) => r.meta.id))('%s: bad example fires, good example does not', (id) => {
    const md = readFileSync(path.join(docsDir, `${id}.md`), 'utf8');
    for (const heading of ['## What it does', '## Why is this bad?', '## Examples', '## How to fix', '## How to suppress']) expect(md).toContain(heading);
    const blocks = [...md.matchAll(/```ini\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const [bad, good] = blocks as [string, string];
    // The first line names the file (`# etc/wireguard/wg0.conf`); the BOM example starts with one.
    const file = (name: string) => /^\ufeff?# (\S+\.conf)/.exec(name)![1]!;
    // Old wireguard-tools (Debian 12): version-dependent rules fire, and good examples stay clean there too.
    expect(run(id, { [file(bad)]: bad }, OLD).length, `${id} bad example`).toBeGreaterThan(0);
    expect(run(id, { [file(good)]: good }, OLD), `${id} good example`).toEqual([]);
    expect(run(id, { [file(good)]: good }), `${id} good example, newest tools`).toEqual([]);
  });
});
