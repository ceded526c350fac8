import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { argv, commandName, parseShell } from '@wglint/shell';
import { describe, expect, it } from 'vitest';
import { parseIpCommand } from '../src/index.js';

const lines = readFileSync(join(import.meta.dirname, '../../shell/test/fixtures/seed-hooks.txt'), 'utf8')
  .trim()
  .split('\n')
  .filter((l) => / = ip /.test(l));

describe('ip commands of the seed articles', () => {
  it('has them', () => {
    expect(lines.length).toBeGreaterThan(20);
  });

  it.each(lines)('%s parses cleanly', (line) => {
    const value = line.slice(line.indexOf('=') + 2);
    const { ast } = parseShell(value, { baseOffset: line.length - value.length, interfaceName: 'wg0' });
    const cmd = ast.commands[0]!;
    expect(commandName(cmd)).toBe('ip');
    const r = parseIpCommand(argv(cmd));
    expect(r.problems).toEqual([]);
    expect(['rule', 'route']).toContain(r.ast.object);
    if (r.ast.object === 'rule') {
      expect(r.ast.rule.priority?.value).toBeGreaterThan(0);
      expect(r.ast.rule.table?.kind).toBe('number');
    }
    if (r.ast.object === 'route') {
      expect(r.ast.route.dst?.prefix?.hostBits).toBe(false);
    }
  });
});
