import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrash, fixture, parseJson, wglint } from './run.js';

const GW2 = 'hosts/gw2/etc/wireguard/wg0.conf';
const GW3 = 'hosts/gw3/etc/wireguard/wg0.conf';
const UNUSED = 'This suppression comment suppresses nothing (hook-missing-teardown); remove it.';

describe('wglint (lint)', () => {
  it('--format json: one element per linted file, stable order, relative paths, 1-based positions', () => {
    const cwd = fixture('basic');
    const r = wglint(['--format', 'json', 'hosts'], { cwd });
    expectNoCrash(r);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const out = parseJson(r);
    expect(out.map((f) => [f.filePath, f.language])).toEqual([
      ['hosts/gw1/etc/sysctl.d/99-wg.conf', 'sysctl'],
      ['hosts/gw1/etc/wireguard/wg0.conf', 'wg'],
      [GW2, 'wg'],
      [GW3, 'wg'],
    ]);
    expect(out[0]!.diagnostics).toEqual([]);
    expect(out[1]!.diagnostics).toEqual([]);
    expect(out[2]!.diagnostics).toEqual([
      { ruleId: 'unused-suppression', severity: 'warning', message: UNUSED, line: 4, column: 1, endLine: 4, endColumn: 77 },
    ]);
    expect(out[3]!.diagnostics).toEqual([expect.objectContaining({ ruleId: 'syntax-error', severity: 'error', line: 3, column: 1 })]);
    expect(Object.keys(out[3]!.diagnostics[0]!)).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
  });

  it('stylish (default): ESLint layout, no source lines', () => {
    const cwd = fixture('basic');
    const r = wglint([GW2], { cwd });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        '',
        GW2,
        `  4:1  warning  ${UNUSED.slice(0, -1)}  unused-suppression`,
        '',
        '\u2716 1 problem (0 errors, 1 warning)',
        '',
        '',
      ].join('\n'),
    );
    const both = wglint([GW2, GW3], { cwd });
    expect(both.status).toBe(1);
    expect(both.stdout).toMatch(/\n\u2716 2 problems \(1 error, 1 warning\)\n/);
    expect(both.stdout).not.toContain('10.10.0.1/24\n'); // no code frame
  });

  it('prints nothing and exits 0 for clean files', () => {
    const r = wglint(['hosts/gw1'], { cwd: fixture('basic') });
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('colours stylish output only when asked', () => {
    const r = wglint([GW2], { cwd: fixture('basic'), env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[33mwarning\u001b[39m');
    expect(wglint([GW2], { cwd: fixture('basic') }).stdout).not.toContain('\u001b[');
  });

  it('--format github: workflow commands', () => {
    const r = wglint(['--format', 'github', GW2, GW3], { cwd: fixture('basic') });
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `::warning file=${GW2},line=4,endLine=4,col=1,endColumn=77,title=wglint unused-suppression::${UNUSED} (unused-suppression)`,
    );
    expect(lines[1]).toMatch(new RegExp(`^::error file=${GW3.replace(/\./g, '\\.')},line=3,endLine=3,col=1,endColumn=\\d+,title=wglint syntax-error::.+ \\(syntax-error\\)$`));
  });

  it('--format sarif: SARIF 2.1.0 with the rule table and regions', () => {
    const r = wglint(['--format', 'sarif', 'hosts'], { cwd: fixture('basic') });
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('wglint');
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['syntax-error', 'unused-suppression']));
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(new RegExp(`^https://.*/docs/rules/${rule.id}\\.md$`));
    expect(run.results).toHaveLength(2);
    const warn = run.results.find((x: { ruleId: string }) => x.ruleId === 'unused-suppression');
    expect(warn).toEqual({
      ruleId: 'unused-suppression',
      ruleIndex: ids.indexOf('unused-suppression'),
      level: 'warning',
      message: { text: UNUSED },
      locations: [{ physicalLocation: { artifactLocation: { uri: GW2 }, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 77 } } }],
    });
  });

  it('--quiet reports errors only; --max-warnings turns warnings into exit 1', () => {
    const cwd = fixture('basic');
    const quiet = wglint(['--quiet', '--format', 'json', 'hosts'], { cwd });
    expect(parseJson(quiet).flatMap((f) => f.diagnostics.map((d) => d.severity))).toEqual(['error']);
    expect(wglint(['--quiet', GW2], { cwd })).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(wglint(['--max-warnings', '1', GW2], { cwd }).status).toBe(0);
    expect(wglint(['--max-warnings', '-1', GW2], { cwd }).status).toBe(0);
    const over = wglint(['--max-warnings', '0', GW2], { cwd });
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('wglint: too many warnings (1); the maximum is 0.\n');
    const bad = wglint(['--max-warnings', 'many', GW2], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--max-warnings.*whole number/);
  });

  it('--rule overrides severities (repeatable) and rejects unknown ids', () => {
    const cwd = fixture('basic');
    const up = wglint(['--rule', 'unused-suppression:error', '--format', 'json', GW2], { cwd });
    expect(up.status).toBe(1);
    expect(parseJson(up)[0]!.diagnostics[0]!.severity).toBe('error');
    const off = wglint(['--rule', 'unused-suppression:off', '--rule', 'syntax-error:off', 'hosts'], { cwd });
    expect(off).toEqual({ status: 0, stdout: '', stderr: '' });
    const info = wglint(['--rule', 'syntax-error:info', '--format', 'json', GW3], { cwd });
    expect(info.status).toBe(0);
    expect(parseJson(info)[0]!.diagnostics[0]!.severity).toBe('info');
    const unknown = wglint(['--rule', 'no-such-rule:off', GW2], { cwd });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^wglint: --rule no-such-rule:off: unknown rule id "no-such-rule"/);
    expect(wglint(['--rule', 'syntax-error=off', GW2], { cwd }).status).toBe(2);
  });

  it('reads wglint.config.json upward from the cwd, or --config; --rule wins over it', () => {
    const cwd = fixture('basic', {
      'wglint.config.json': JSON.stringify({ rules: { 'unused-suppression': 'error' } }),
      'other.json': JSON.stringify({ rules: { 'unused-suppression': 'off' } }),
    });
    const nested = join(cwd, 'hosts/gw2');
    const up = wglint(['--format', 'json', 'etc'], { cwd: nested });
    expect(up.status).toBe(1);
    expect(parseJson(up)[0]!).toMatchObject({ filePath: 'etc/wireguard/wg0.conf', diagnostics: [{ severity: 'error' }] });
    expect(wglint(['--config', '../../other.json', 'etc'], { cwd: nested }).status).toBe(0);
    expect(wglint(['--rule', 'unused-suppression:warning', 'etc'], { cwd: nested }).status).toBe(0);
  });

  it('rejects a bad config precisely, with exit 2', () => {
    const cwd = fixture('basic', { 'wglint.config.json': '{ "rules": { "unused-suppression": "warn" } }' });
    const r = wglint([GW2], { cwd });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `wglint: ${join(cwd, 'wglint.config.json')}: rules."unused-suppression": expected "off", "info", "warning" or "error", got "warn".\n`,
    );
    const json = wglint(['--config', 'nope.json', GW2], { cwd });
    expect(json.status).toBe(2);
    expect(json.stderr).toMatch(/^wglint: Cannot read config file nope\.json: no such file or directory \(ENOENT\)\.\n$/);
  });

  it('config "hosts" group files with no etc/ in their path', () => {
    const cwd = fixture('basic', { 'wglint.config.json': JSON.stringify({ hosts: { gw2: ['hosts/gw2/**'] } }) });
    const r = wglint(['--format', 'json', GW2], { cwd });
    expect(parseJson(r).map((f) => f.filePath)).toEqual([GW2]);
  });

  it('suppression comments silence a diagnostic on the next line', () => {
    const text = readFileSync(join(fixture('basic'), GW3), 'utf8');
    const cwd = fixture(undefined, {
      'h1/etc/wireguard/wg0.conf': text.replace('Address 10', '# wglint-disable-next-line syntax-error -- testing\nAddress 10'),
      'h2/etc/wireguard/wg0.conf': text.replace('Address 10', '# wglint-disable syntax-error\nAddress 10'),
    });
    expect(wglint(['h1', 'h2'], { cwd })).toEqual({ status: 0, stdout: '', stderr: '' });
    // without the comments, both are reported
    const bare = fixture(undefined, { 'h1/etc/wireguard/wg0.conf': text });
    expect(wglint(['h1'], { cwd: bare }).status).toBe(1);
  });

  it('reads stdin with - and --stdin-filename or --lang', () => {
    const cwd = fixture('basic');
    const text = readFileSync(join(cwd, GW3), 'utf8');
    const named = wglint(['--format', 'json', '--stdin-filename', 'etc/wireguard/wg9.conf', '-'], { cwd, stdin: text });
    expect(named.status).toBe(1);
    expect(parseJson(named)).toEqual([
      { filePath: 'etc/wireguard/wg9.conf', language: 'wg', diagnostics: [expect.objectContaining({ ruleId: 'syntax-error', line: 3 })] },
    ]);
    const lang = wglint(['--format', 'json', '--lang', 'wg', '-'], { cwd, stdin: text });
    expect(parseJson(lang)[0]).toMatchObject({ filePath: '<stdin>', language: 'wg' });
    const unknown = wglint(['-'], { cwd, stdin: text });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^wglint: <stdin>: cannot tell the language of stdin; pass --lang/);
    const fix = wglint(['--fix', '--lang', 'wg', '-'], { cwd, stdin: text });
    expect(fix.status).toBe(2);
    expect(fix.stderr).toMatch(/--fix cannot rewrite stdin/);
  });

  it('exits 2 for missing paths and named files it does not read, and still reports the rest', () => {
    const cwd = fixture('basic', { 'notes.txt': 'hello\n' });
    const r = wglint(['--format', 'json', 'missing.conf', 'notes.txt', GW2], { cwd });
    expect(r.status).toBe(2);
    expect(parseJson(r).map((f) => f.filePath)).toEqual([GW2]);
    expect(r.stderr).toMatch(/^wglint: missing\.conf: no such file or directory \(ENOENT\)\nwglint: notes\.txt: not a file wglint reads/);
    expectNoCrash(r);
  });

  it('--ignore-unknown skips named files it does not read', () => {
    const cwd = fixture('basic', { 'nginx.conf': 'server { listen 80; }\n' });
    const r = wglint(['--ignore-unknown', '--format', 'json', 'nginx.conf', GW2], { cwd });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(parseJson(r).map((f) => f.filePath)).toEqual([GW2]);
    expect(wglint(['nginx.conf', GW2], { cwd }).status).toBe(2);
  });

  it('lints the current directory when no path is given', () => {
    const r = wglint(['--format', 'json'], { cwd: join(fixture('basic'), 'hosts/gw2') });
    expect(parseJson(r).map((f) => f.filePath)).toEqual(['etc/wireguard/wg0.conf']);
  });
});
