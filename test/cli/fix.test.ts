import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrash, fixture, parseJson, wglint } from './run.js';

const WG0 = 'etc/wireguard/wg0.conf';

describe('--fix', () => {
  it('json shows the fix as { range, text } in character offsets', () => {
    const cwd = fixture('fix');
    const text = readFileSync(join(cwd, WG0), 'utf8');
    const out = parseJson(wglint(['--format', 'json', '.'], { cwd }));
    const d = out.find((f) => f.filePath === WG0)!.diagnostics[0]!;
    expect(d).toMatchObject({ ruleId: 'iptables-append-after-reject', line: 5, column: 19, fix: { range: [145, 146], text: '1' } });
    // the range indexes the text as characters (the file has non-ASCII before it)
    expect(text.slice(d.fix!.range[0] - 2, d.fix!.range[1])).toBe('D 2');
  });

  it('applies the fix in place, reports nothing left, and keeps every other byte', () => {
    const cwd = fixture('fix');
    const before = readFileSync(join(cwd, WG0), 'utf8');
    const rules = readFileSync(join(cwd, 'etc/iptables/rules.v4'));
    const r = wglint(['--fix', '.'], { cwd });
    expectNoCrash(r);
    expect(r).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(cwd, WG0), 'utf8')).toBe(before.replace('-I FORWARD 2', '-I FORWARD 1'));
    expect(readFileSync(join(cwd, 'etc/iptables/rules.v4')).equals(rules)).toBe(true);
    expect(wglint(['--format', 'json', '.'], { cwd }).stdout).not.toContain('iptables-append-after-reject');
  });

  it('keeps a BOM and CRLF line endings around the edit', () => {
    const cwd = fixture('fix');
    const crlf = `\uFEFF${readFileSync(join(cwd, WG0), 'utf8').replace(/\n/g, '\r\n')}`;
    writeFileSync(join(cwd, WG0), crlf);
    const r = wglint(['--fix', '--format', 'json', WG0], { cwd });
    expectNoCrash(r);
    const after = readFileSync(join(cwd, WG0), 'utf8');
    if (parseJson(r)[0]!.diagnostics.some((d) => d.ruleId === 'syntax-error')) {
      // a parser that rejects CRLF must not get the file rewritten
      expect(after).toBe(crlf);
    } else {
      expect(after).toBe(crlf.replace('-I FORWARD 2', '-I FORWARD 1'));
    }
  });

  it('only rewrites files that were linted, not context files', () => {
    const cwd = fixture('fix');
    const r = wglint(['--fix', 'etc/iptables/rules.v4'], { cwd });
    expect(r.status).toBe(0);
    expect(readFileSync(join(cwd, WG0), 'utf8')).toContain('-I FORWARD 2');
  });
});
