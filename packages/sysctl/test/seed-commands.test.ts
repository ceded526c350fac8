import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { argv, parseShell } from '@wglint/shell';
import { describe, expect, it } from 'vitest';
import { checkSysctlKey, parseSysctlCommand } from '../src/index.js';

const lines = readFileSync(join(import.meta.dirname, '../../shell/test/fixtures/seed-hooks.txt'), 'utf8')
  .trim()
  .split('\n')
  .filter((l) => / = sysctl /.test(l));

describe('sysctl commands of the seed articles', () => {
  it('has them', () => {
    expect(lines.length).toBeGreaterThanOrEqual(5);
  });

  it.each(lines)('%s', (line) => {
    const value = line.slice(line.indexOf('=') + 2);
    const base = line.length - value.length;
    const { ast } = parseShell(value, { baseOffset: base, interfaceName: 'wg0' });
    const r = parseSysctlCommand(argv(ast.commands[0]!));
    expect(r.problems).toEqual([]);
    expect(r.ast.write).toBe(true);
    const [a] = r.ast.assignments;
    expect(checkSysctlKey(a!.key).status).toBe('known');
    expect(line.slice(a!.keyRange.start, a!.keyRange.end)).toBe(a!.key);
    expect(line.slice(a!.valueRange.start, a!.valueRange.end)).toBe(a!.value);
  });
});
