import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrash, fixture, wglint } from './run.js';

const docsDir = join(import.meta.dirname, '../../docs/rules');

describe('wglint rules', () => {
  it('--format json: an array of { id, severity, fixable, summary, docs }', () => {
    const r = wglint(['rules', '--format', 'json'], { cwd: fixture() });
    expect(r.status).toBe(0);
    const rules = JSON.parse(r.stdout) as { id: string; severity: string; fixable: boolean; summary: string; docs: string }[];
    expect(rules.map((x) => x.id)).toEqual([...rules.map((x) => x.id)].sort());
    expect(rules.map((x) => x.id)).toEqual(expect.arrayContaining(['syntax-error', 'unused-suppression']));
    for (const rule of rules) {
      expect(Object.keys(rule)).toEqual(['id', 'severity', 'fixable', 'summary', 'docs']);
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(typeof rule.fixable).toBe('boolean');
      expect(rule.summary.length).toBeGreaterThan(0);
      expect(rule.docs).toMatch(new RegExp(`^https://.+/docs/rules/${rule.id}\\.md$`));
    }
    expect(rules.find((x) => x.id === 'syntax-error')).toMatchObject({ severity: 'error', fixable: false });
  });

  it('prints a table by default', () => {
    const r = wglint(['rules'], { cwd: fixture() });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+SEVERITY\s+FIXABLE\s+SUMMARY$/);
    expect(lines.find((l) => l.startsWith('syntax-error '))).toMatch(/^syntax-error\s+error\s+no\s+Text the real tool/);
  });
});

describe('wglint explain', () => {
  it('prints the bundled docs page', () => {
    for (const id of ['syntax-error', 'unused-suppression', 'iptables-append-after-reject', 'hook-missing-teardown']) {
      const r = wglint(['explain', id], { cwd: fixture() });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(docsDir, `${id}.md`), 'utf8'));
    }
  });

  it('rejects an unknown id with exit 2', () => {
    const r = wglint(['explain', 'syntax'], { cwd: fixture() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^wglint: unknown rule "syntax" \(did you mean [^)]*\bsyntax-error\b[^)]*\?\); run `wglint rules` for the list\.\n$/);
    expect(r.stdout).toBe('');
  });
});

describe('usage', () => {
  it('--help and --version exit 0', () => {
    const help = wglint(['--help'], { cwd: fixture() });
    expect(help.status).toBe(0);
    for (const opt of ['--format', '--lang', '--stdin-filename', '--config', '--fix', '--rule', '--max-warnings', '--quiet', 'format', 'rules', 'explain']) {
      expect(help.stdout).toContain(opt);
    }
    const version = wglint(['--version'], { cwd: fixture() });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each([
    [['--format', 'xml', '.'], /argument 'xml' is invalid/],
    [['--lang', 'bash', '.'], /argument 'bash' is invalid/],
    [['--no-such-option'], /unknown option '--no-such-option'/],
    [['explain'], /missing required argument 'rule-id'/],
    [['rules', '--format', 'yaml'], /argument 'yaml' is invalid/],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const r = wglint(args, { cwd: fixture() });
    expectNoCrash(r);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('wglint format', () => {
  const WG = '[Interface]\nAddress = 10.0.0.1/24\n';

  it('rewrites files in canonical layout and is idempotent', () => {
    const cwd = fixture(undefined, {
      'etc/wireguard/wg0.conf': '[Interface]\n  Address=10.0.0.1/24   \n\n\n\n',
      'etc/sysctl.conf': '# keep me\nnet.ipv4.ip_forward=1\n',
    });
    const r = wglint(['format', 'etc'], { cwd });
    expectNoCrash(r);
    expect(r).toEqual({ status: 0, stdout: 'formatted etc/sysctl.conf\nformatted etc/wireguard/wg0.conf\n', stderr: '' });
    expect(readFileSync(join(cwd, 'etc/wireguard/wg0.conf'), 'utf8')).toBe(WG);
    expect(readFileSync(join(cwd, 'etc/sysctl.conf'), 'utf8')).toBe('# keep me\nnet.ipv4.ip_forward = 1\n');
    expect(wglint(['format', '--check', 'etc'], { cwd })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('--check lists unformatted files, exits 1 and changes nothing', () => {
    const messy = '[Interface]\n  Address=10.0.0.1/24   \n';
    const cwd = fixture(undefined, { 'etc/wireguard/wg0.conf': messy, 'etc/wireguard/wg1.conf': WG });
    const r = wglint(['format', '--check', 'etc'], { cwd });
    expect(r).toEqual({ status: 1, stdout: 'etc/wireguard/wg0.conf\n', stderr: 'wglint: 1 file is not formatted; run wglint format to fix.\n' });
    expect(readFileSync(join(cwd, 'etc/wireguard/wg0.conf'), 'utf8')).toBe(messy);
  });

  it('never touches a file with syntax errors, and says so', () => {
    const broken = '[Interface]\nAddress 10.0.0.1/24\n';
    const cwd = fixture(undefined, { 'etc/wireguard/wg0.conf': broken });
    const r = wglint(['format', 'etc/wireguard/wg0.conf'], { cwd });
    expect(r).toEqual({ status: 0, stdout: '', stderr: 'wglint: etc/wireguard/wg0.conf: left untouched: has 1 syntax error; run wglint on it first\n' });
    expect(readFileSync(join(cwd, 'etc/wireguard/wg0.conf'), 'utf8')).toBe(broken);
  });

  it('formats stdin to stdout', () => {
    const r = wglint(['format', '--lang', 'wg', '-'], { cwd: fixture(), stdin: '[Interface]\nAddress=10.0.0.1/24\n' });
    expect(r).toEqual({ status: 0, stdout: WG, stderr: '' });
  });

  it('exits 2 for a missing path', () => {
    const r = wglint(['format', 'nope.conf'], { cwd: fixture() });
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'wglint: nope.conf: no such file or directory (ENOENT)\n' });
  });
});
