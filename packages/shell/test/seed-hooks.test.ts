import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../src/index.js';

// Every PreUp/PostUp/PreDown/PostDown line of the four seed articles, plus their `sudo ip ...`
// commands written as hooks.
const lines = readFileSync(join(import.meta.dirname, 'fixtures/seed-hooks.txt'), 'utf8').trim().split('\n');

describe('seed hook lines', () => {
  it('has the seed lines', () => {
    expect(lines.length).toBeGreaterThan(50);
  });

  it.each(lines)('%s', (line) => {
    const eq = line.indexOf('=');
    const value = line.slice(eq + 1).trimStart();
    const base = line.length - value.length;
    const { ast, problems } = parseShell(value, { baseOffset: base, interfaceName: 'wg0' });
    expect(problems).toEqual([]);
    expect(ast.commands.length).toBe(value.split(';').length);
    for (const c of ast.commands) {
      for (const w of c.words) {
        const src = line.slice(w.range.start, w.range.end);
        expect(src === w.text || src.includes('%i')).toBe(true);
      }
    }
  });
});
