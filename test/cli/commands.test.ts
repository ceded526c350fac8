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
    for (const id of ['syntax-error', 'unused-suppression']) {
      const r = wglint(['explain', id], { cwd: fixture() });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(docsDir, `${id}.md`), 'utf8'));
    }
  });

  it('rejects an unknown id with exit 2', () => {
    const r = wglint(['explain', 'syntax'], { cwd: fixture() });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('wglint: unknown rule "syntax" (did you mean syntax-error?); run `wglint rules` for the list.\n');
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

  it('leaves files without a formatter untouched and says so, or formats them', () => {
    const cwd = fixture(undefined, { 'etc/wireguard/wg0.conf': WG, 'etc/sysctl.conf': 'net.ipv4.ip_forward=1\n' });
    const before = readFileSync(join(cwd, 'etc/sysctl.conf'), 'utf8');
    const r = wglint(['format', 'etc'], { cwd });
    expectNoCrash(r);
    expect(r.status).toBe(0);
    for (const line of r.stderr.trimEnd().split('\n').filter(Boolean)) {
      expect(line).toMatch(/^wglint: etc\/\S+: left untouched: /);
    }
    for (const line of r.stdout.trimEnd().split('\n').filter(Boolean)) expect(line).toMatch(/^formatted etc\/\S+$/);
    if (r.stdout.includes('formatted etc/sysctl.conf')) expect(readFileSync(join(cwd, 'etc/sysctl.conf'), 'utf8')).not.toBe(before);
    else expect(readFileSync(join(cwd, 'etc/sysctl.conf'), 'utf8')).toBe(before);
    // a second run changes nothing: formatting is idempotent
    const again = wglint(['format', '--check', 'etc'], { cwd });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
  });

  it('never touches a file with syntax errors', () => {
    const broken = '[Interface]\nAddress 10.0.0.1/24\n';
    const cwd = fixture(undefined, { 'etc/wireguard/wg0.conf': broken });
    const r = wglint(['format', 'etc/wireguard/wg0.conf'], { cwd });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^wglint: etc\/wireguard\/wg0\.conf: left untouched: (has 1 syntax error|no formatter)/);
    expect(readFileSync(join(cwd, 'etc/wireguard/wg0.conf'), 'utf8')).toBe(broken);
  });

  it('--check lists unformatted files and exits 1 (when a formatter changes something)', () => {
    const cwd = fixture(undefined, { 'etc/wireguard/wg0.conf': '[Interface]\n  Address=10.0.0.1/24   \n\n\n\n' });
    const original = readFileSync(join(cwd, 'etc/wireguard/wg0.conf'), 'utf8');
    const r = wglint(['format', '--check', 'etc'], { cwd });
    expectNoCrash(r);
    if (r.stderr.includes('no formatter')) {
      expect(r.status).toBe(0);
    } else {
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('etc/wireguard/wg0.conf\n');
    }
    expect(readFileSync(join(cwd, 'etc/wireguard/wg0.conf'), 'utf8')).toBe(original);
  });

  it('formats stdin to stdout', () => {
    const r = wglint(['format', '--lang', 'wg', '-'], { cwd: fixture(), stdin: WG });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(WG);
  });

});
