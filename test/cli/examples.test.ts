import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrash, fixture, parseJson, wglint } from './run.js';

const repo = join(import.meta.dirname, '../..');

/** Every file below `dir`, relative to `base`. */
function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, base) : [relative(base, p)];
  });
}

describe('the bundled examples', () => {
  it('lint end to end: every config file reported, findings exit 1, no errors', () => {
    const cwd = fixture();
    cpSync(join(repo, 'examples'), join(cwd, 'examples'), { recursive: true });
    const r = wglint(['--format', 'json', 'examples/'], { cwd });
    expectNoCrash(r);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const out = parseJson(r);
    const expected = files(join(cwd, 'examples'))
      .filter((f) => !/(^|\/)(README\.md|expected\.json)$/.test(f))
      .map((f) => `examples/${f}`)
      .sort();
    expect(out.map((f) => f.filePath).sort()).toEqual(expected);
    expect(out.some((f) => f.diagnostics.some((d) => d.severity === 'error'))).toBe(true);
  });

  it('--fix converges: a second run changes nothing and adds no syntax errors', () => {
    const cwd = fixture();
    cpSync(join(repo, 'examples'), join(cwd, 'examples'), { recursive: true });
    const syntaxErrors = () =>
      parseJson(wglint(['--format', 'json', 'examples/'], { cwd })).flatMap((f) => f.diagnostics.filter((d) => d.ruleId === 'syntax-error').map((d) => `${f.filePath}:${d.line}`));
    const before = syntaxErrors();
    const first = wglint(['--fix', '--format', 'json', 'examples/'], { cwd });
    expectNoCrash(first);
    expect(first.stderr).toBe('');
    const snapshot = files(join(cwd, 'examples')).map((f) => readFileSync(join(cwd, 'examples', f), 'utf8'));
    const second = wglint(['--fix', '--format', 'json', 'examples/'], { cwd });
    expect(second.stdout).toBe(first.stdout);
    expect(files(join(cwd, 'examples')).map((f) => readFileSync(join(cwd, 'examples', f), 'utf8'))).toEqual(snapshot);
    expect(syntaxErrors().length).toBeLessThanOrEqual(before.length);
    expect(parseJson(first).flatMap((f) => f.diagnostics).filter((d) => d.fix)).toEqual([]);
  });
});
