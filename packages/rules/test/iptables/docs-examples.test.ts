// The bad example of each iptables rule's docs page triggers the rule; the good one does not.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/iptables/index.js';
import { run } from './helpers.js';

const docsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/rules');

describe('iptables rule docs examples', () => {
  it.each(rules.map((r) => r.meta.id))('%s: bad example fires, good example does not', (id) => {
    const md = readFileSync(path.join(docsDir, `${id}.md`), 'utf8');
    const blocks = [...md.matchAll(/```iptables\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const [bad, good] = blocks as [string, string];
    const file = /ip6tables/.test(bad) ? 'etc/iptables/rules.v6' : 'etc/iptables/rules.v4';
    expect(run(id, { [file]: bad }).length, `${id} bad example`).toBeGreaterThan(0);
    expect(run(id, { [file]: good }), `${id} good example`).toEqual([]);
  });
});
