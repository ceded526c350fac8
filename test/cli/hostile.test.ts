import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { expectNoCrash, fixture, parseJson, wglint } from './run.js';

const MARKER = 'WGLINTMARKER';
const KEY = `${MARKER}KEYxxxxxxxxxxxxxxxxxxxxxxxxxxxw=`;
const PSK = `${MARKER}PSKyyyyyyyyyyyyyyyyyyyyyyyyyyyw=`;
const BAD_KEY = `${MARKER}-not/base64!!`;

/** Printable garbage: random bytes mapped onto ASCII, with newlines, so it is text but nonsense. */
function garbage(bytes: number): Buffer {
  const raw = randomBytes(bytes);
  for (let i = 0; i < raw.length; i++) raw[i] = i % 97 === 96 ? 10 : 32 + (raw[i]! % 95);
  return raw;
}

describe('hostile input', () => {
  it.each([
    ['binary rules.v4', 'etc/iptables/rules.v4', randomBytes(4096).fill(0, 10, 11)],
    ['empty wg0.conf named as wg', 'etc/nftables.conf', Buffer.alloc(0)],
    ['10 MB of random bytes', 'etc/iptables/rules.v6', randomBytes(10 * 1024 * 1024)],
    ['10 MB of printable garbage', 'etc/nftables.conf', garbage(10 * 1024 * 1024)],
    ['invalid UTF-8 sysctl', 'etc/sysctl.conf', Buffer.from([0x6e, 0x65, 0x74, 0x3d, 0xc3, 0x28, 0x0a])],
    ['BOM and CRLF', 'etc/sysctl.d/10-x.conf', Buffer.from('\uFEFFnet.ipv4.ip_forward = 1\r\n', 'utf8')],
  ])('%s: a diagnostic or a clear error, never a crash', (_name, path, content) => {
    const cwd = fixture(undefined, { [path]: content });
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = wglint(['--format', format, 'etc'], { cwd });
      expectNoCrash(r);
      expect(r.stderr).not.toMatch(/internal error/);
      if (format === 'json') {
        const out = parseJson(r);
        expect(out.map((f) => f.filePath)).toEqual([path]);
        expect(r.status).toBe(out[0]!.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
      }
    }
  });

  it('reports a binary or oversized file as a syntax error at 1:1', () => {
    const cwd = fixture(undefined, { 'etc/iptables/rules.v4': Buffer.from([0x2a, 0x00]), 'etc/iptables/rules.v6': randomBytes(10 * 1024 * 1024) });
    const out = parseJson(wglint(['--format', 'json', 'etc'], { cwd }));
    expect(out.map((f) => f.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message.replace(/\(.*\)/, '(…)')]))).toEqual([
      [['syntax-error', 1, 1, 'File is binary (…); wglint reads text files only.']],
      [['syntax-error', 1, 1, 'File is too large to lint (…).']],
    ]);
  });

  it('copes with a 100k-character line in every language', () => {
    const long = 'x'.repeat(100_000);
    const cwd = fixture(undefined, {
      'etc/wireguard/wg0.conf': `[Interface]\nAddress = 10.0.0.1/24\nPostUp = echo ${long}\n# ${long}\n`,
      'etc/nftables.conf': `table inet f {\n  chain c {\n    # ${long}\n    ip saddr ${long} accept\n  }\n}\n`,
      'etc/iptables/rules.v4': `*filter\n-A INPUT -m comment --comment ${long} -j ACCEPT\n${long}\nCOMMIT\n`,
      'etc/sysctl.conf': `net.ipv4.${long} = 1\n${long}\n`,
    });
    const started = Date.now();
    const r = wglint(['--format', 'json', 'etc'], { cwd });
    expectNoCrash(r);
    expect(r.stderr).toBe('');
    expect(parseJson(r)).toHaveLength(4);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('lints an empty file of each language named explicitly', () => {
    const cwd = fixture(undefined, { 'etc/nftables.conf': '', 'etc/iptables/rules.v4': '', 'etc/sysctl.conf': '' });
    const r = wglint(['--format', 'json', 'etc/nftables.conf', 'etc/iptables/rules.v4', 'etc/sysctl.conf'], { cwd });
    expectNoCrash(r);
    expect(parseJson(r)).toHaveLength(3);
  });

  it('never prints a PrivateKey or PresharedKey value, valid or not, in any format or on stderr', () => {
    const wg = (key: string, extra = '') =>
      `[Interface]\nPrivateKey = ${key}\nAddress = 10.0.0.1/24\n${extra}\n[Peer]\nPublicKey = ${KEY.replace(MARKER, 'PUBLICKEY00x')}\nPresharedKey = ${PSK}\nAllowedIPs = 10.0.0.2/32\n`;
    const cwd = fixture(undefined, {
      'etc/wireguard/wg0.conf': wg(KEY),
      'etc/wireguard/wg1.conf': wg(BAD_KEY, `PostUp = wg set %i private-key <(echo ${KEY})\nPrivateKey ${KEY}`),
      'etc/wireguard/wg2.conf': `[Interface]\nPrivateKey = ${BAD_KEY} trailing ${KEY}\n[Peer]\nPresharedKey = =${PSK}==\n`,
    });
    const runs = [
      ...['stylish', 'json', 'sarif', 'github'].map((f) => wglint(['--format', f, 'etc'], { cwd, env: { FORCE_COLOR: '1' } })),
      wglint(['--format', 'json', '--lang', 'wg', '-'], { cwd, stdin: wg(BAD_KEY) }),
      ...(['nft', 'iptables-save', 'sysctl'] as const).map((lang) => wglint(['--format', 'json', '--lang', lang, '-'], { cwd, stdin: wg(KEY) })),
      wglint(['--format', 'json', '--lang', 'nft', 'etc/wireguard/wg2.conf'], { cwd }),
      wglint(['--fix', '--format', 'json', 'etc'], { cwd }),
      wglint(['format', '--check', 'etc'], { cwd }),
      wglint(['etc/wireguard/wg1.conf'], { cwd, env: { WGLINT_DEBUG: '1' } }),
    ];
    // The runs did lint something: wg1/wg2 are broken on purpose.
    expect(runs[1]!.status).toBe(1);
    for (const r of runs) {
      expectNoCrash(r);
      expect(r.stdout).not.toContain(MARKER);
      expect(r.stderr).not.toContain(MARKER);
    }
  });

  it('format - prints the formatted file itself, which is the only output that may hold a key', () => {
    const text = `[Interface]\nPrivateKey = ${KEY}\n`;
    const r = wglint(['format', '--lang', 'wg', '-'], { cwd: fixture(), stdin: text });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(KEY);
    expect(r.stderr).not.toContain(MARKER);
  });

  it('--fix leaves a file with nothing to fix byte-for-byte identical', () => {
    const text = '\uFEFF[Interface]\r\nAddress = 10.0.0.1/24\r\n# ünïcode comment\r\nMTU = 1420';
    const cwd = fixture(undefined, { 'etc/wireguard/wg0.conf': text });
    const before = readFileSync(join(cwd, 'etc/wireguard/wg0.conf'));
    const r = wglint(['--fix', 'etc'], { cwd });
    expectNoCrash(r);
    expect(readFileSync(join(cwd, 'etc/wireguard/wg0.conf')).equals(before)).toBe(true);
  });
});

describe('hostile stdin', () => {
  it('reports invalid UTF-8 on stdin and passes it through format untouched', () => {
    const bytes = Buffer.from([0x6e, 0x65, 0x74, 0x2e, 0x78, 0x3d, 0xff, 0x0a]);
    const r = wglint(['--format', 'json', '--lang', 'sysctl', '-'], { cwd: fixture(), stdin: bytes });
    expectNoCrash(r);
    expect(r.status).toBe(1);
    expect(parseJson(r)[0]!.diagnostics).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'syntax-error', message: expect.stringMatching(/^File is not valid UTF-8 \(byte 0xff\)/) })]),
    );
    const f = spawnFormat(bytes);
    expect(f.status).toBe(0);
    expect(Buffer.from(f.stdout, 'latin1').equals(bytes)).toBe(true);
    expect(f.stderr).toMatch(/left untouched: File is not valid UTF-8/);
  });
});

function spawnFormat(stdin: Buffer) {
  const r = spawnSync(process.execPath, [inject('wglintBin'), 'format', '--lang', 'sysctl', '-'], { input: stdin, encoding: 'latin1' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
