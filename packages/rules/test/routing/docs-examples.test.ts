import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintTexts } from '@wglint/engine';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/routing/index.js';

const docsDir = join(import.meta.dirname, '../../../../docs/rules');

/**
 * Turns a docs example block into host files: `# /etc/...` header lines start a new file;
 * otherwise a block starting with `[Interface]` is wg0.conf and anything else a sysctl.d file.
 */
function filesOf(block: string): Record<string, string> {
  const files: Record<string, string> = {};
  let path: string | undefined;
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length === 0) return;
    const text = `${lines.join('\n')}\n`;
    const p = path ?? (text.trimStart().startsWith('[Interface]') ? 'etc/wireguard/wg0.conf' : 'etc/sysctl.d/99-wg.conf');
    files[p] = (files[p] ?? '') + text;
    lines = [];
  };
  for (const line of block.split('\n')) {
    const m = /^# \/(etc|usr|run)\/(\S+)$/.exec(line);
    if (m) {
      flush();
      path = `${m[1]}/${m[2]}`;
      continue;
    }
    lines.push(line);
  }
  flush();
  return files;
}

function examples(id: string): { bad: string; good: string } {
  const md = readFileSync(join(docsDir, `${id}.md`), 'utf8');
  const section = md.slice(md.indexOf('## Examples'), md.indexOf('## How to fix'));
  const blocks = [...section.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return { bad: blocks[0]!, good: blocks[1]! };
}

describe('docs examples of the routing rules', () => {
  for (const rule of rules) {
    const id = rule.meta.id;
    it(`${id}: the bad example fires, the good one does not`, () => {
      const { bad, good } = examples(id);
      expect(lintTexts(filesOf(bad)).filter((d) => d.ruleId === id).length, 'bad example').toBeGreaterThan(0);
      expect(lintTexts(filesOf(good)).filter((d) => d.ruleId === id), 'good example').toEqual([]);
    });
  }
});
