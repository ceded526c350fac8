// Hostile files on disk: include cycles and deep include chains, huge lines and files, NUL bytes,
// invalid UTF-8, CRLF, BOM, lone CR, symlink loops, FIFOs and devices in walked directories,
// unreadable files. Each ends with a clear diagnostic or exit 2: never a hang, a crash or a trace.
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { abnormal, runCli, writeTree, type CliRun } from '../fuzz/support/cli.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
const tree = (files: Record<string, string | Uint8Array>) => {
  const r = writeTree(files, 'wglint-hostile-');
  roots.push(r);
  return r;
};

const WG = '[Interface]\nAddress = 10.0.0.1/24\nListenPort = 51820\n';
// A linear linter reads a MiB in well under a second; 30 s means "hangs" on any machine. The long
// run (WGLINT_FUZZ_LONG=1) uses inputs near the 8 MiB read limit.
const TIMEOUT = 30_000;
const HUGE = process.env['WGLINT_FUZZ_LONG'] === '1' ? 6 * 1024 * 1024 : 1024 * 1024;

interface JsonFile {
  filePath: string;
  diagnostics: { ruleId: string; message: string; line: number }[];
}
const json = (r: CliRun): JsonFile[] => {
  try {
    return JSON.parse(r.stdout) as JsonFile[];
  } catch {
    return [];
  }
};
/** The run ended normally and said something about `file` (a diagnostic or an error line). */
const mentions = (r: CliRun, file: string) => json(r).some((f) => f.filePath.endsWith(file) && f.diagnostics.length > 0) || r.stderr.includes(file);

const lint = (cwd: string, ...args: string[]) => runCli(['--format', 'json', ...args], { cwd, timeoutMs: TIMEOUT });

describe('nft include', () => {
  it('an include cycle and a self-include end normally', () => {
    const root = tree({
      'etc/nftables.conf': '#!/usr/sbin/nft -f\ninclude "/etc/nftables.d/a.nft"\ninclude "/etc/nftables.conf"\n',
      'etc/nftables.d/a.nft': 'include "/etc/nftables.d/b.nft"\ntable inet a {\n}\n',
      'etc/nftables.d/b.nft': 'include "/etc/nftables.d/a.nft"\ninclude "./b.nft"\ntable inet b {\n}\n',
    });
    expect(abnormal(lint(root, '.'))).toBeUndefined();
  });

  it('a 500-deep include chain ends normally', () => {
    const files: Record<string, string> = { 'etc/nftables.conf': 'include "/etc/nftables.d/i0.nft"\n' };
    for (let i = 0; i < 500; i++) files[`etc/nftables.d/i${i}.nft`] = `include "/etc/nftables.d/i${i + 1}.nft"\ntable inet t${i} {\n}\n`;
    expect(abnormal(lint(tree(files), '.'))).toBeUndefined();
  });

  it('includes of devices, globs and missing files end normally', () => {
    const root = tree({
      'etc/nftables.conf': ['include "/dev/zero"', 'include "/dev/stdin"', 'include "/proc/self/fd/0"', 'include "/etc/*"', 'include "/nonexistent/x.nft"', 'include ""', ''].join('\n'),
    });
    expect(abnormal(runCli(['--format', 'json', '.'], { cwd: root, timeoutMs: TIMEOUT, input: 'table inet x { }\n' }))).toBeUndefined();
  });
});

describe('file contents', () => {
  const big = HUGE;
  const mib = `${HUGE / (1024 * 1024)} MiB`;
  it.each([
    [`a ${mib} hook line`, 'etc/wireguard/wg0.conf', `${WG}PostUp = ${'iptables -A INPUT -j ACCEPT; '.repeat(big / 28)}\n`],
    [`a ${mib} single-line nft file`, 'etc/nftables.conf', `table inet t { chain c { ${'tcp dport 22 accept; '.repeat(big / 21)} } }`],
    [`a ${mib} line of one character`, 'etc/iptables/rules.v4', `*filter\n-A INPUT ${'x'.repeat(big)}\nCOMMIT\n`],
    [`a ${mib} sysctl line`, 'etc/sysctl.d/99-x.conf', `net.ipv4.ip_forward = ${'1'.repeat(big)}\n`],
    [`a ${mib} line with no newline at all`, 'etc/wireguard/wg1.conf', `[Interface]\nAddress = ${'1'.repeat(big)}`],
  ])('%s: ends normally', (_name, path, text) => {
    expect(abnormal(lint(tree({ [path]: text }), '.'))).toBeUndefined();
  });

  it('a file over the size limit gets a clear diagnostic', () => {
    const root = tree({ 'etc/wireguard/wg0.conf': `${WG}# ${'x'.repeat(9 * 1024 * 1024)}\n` });
    const r = lint(root, 'etc/wireguard/wg0.conf');
    expect(abnormal(r)).toBeUndefined();
    expect(mentions(r, 'wg0.conf')).toBe(true);
  });

  it.each([
    ['NUL bytes', Buffer.concat([Buffer.from(WG), Buffer.from([0, 0, 0x41, 0]), Buffer.from('\nMTU = 1420\n')])],
    ['invalid UTF-8', Buffer.concat([Buffer.from(WG), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0x0a])])],
    ['a truncated multi-byte character at the end', Buffer.concat([Buffer.from(WG), Buffer.from([0xe2, 0x82])])],
    ['CRLF line endings', Buffer.from(WG.replace(/\n/g, '\r\n'))],
    ['a UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(WG)])],
    ['a UTF-16 BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WG, 'utf16le')])],
    ['lone CR line endings', Buffer.from(WG.replace(/\n/g, '\r'))],
    ['an empty file', Buffer.alloc(0)],
  ])('a wg0.conf with %s: ends normally (named and walked)', (_name, bytes) => {
    const root = tree({ 'etc/wireguard/wg0.conf': bytes, 'etc/nftables.conf': Buffer.concat([Buffer.from('table inet t {\n'), bytes, Buffer.from('\n}\n')]) });
    expect(abnormal(lint(root, 'etc/wireguard/wg0.conf'))).toBeUndefined();
    expect(abnormal(lint(root, '.'))).toBeUndefined();
    expect(abnormal(runCli(['format', '--check', '.'], { cwd: root, timeoutMs: TIMEOUT }))).toBeUndefined();
  });

  it('NUL bytes and invalid UTF-8 are reported, not silently accepted', () => {
    const root = tree({
      'etc/wireguard/wg0.conf': Buffer.concat([Buffer.from(WG), Buffer.from([0, 0x0a])]),
      'etc/wireguard/wg1.conf': Buffer.concat([Buffer.from(WG), Buffer.from([0xff, 0x0a])]),
    });
    const r = lint(root, 'etc/wireguard/wg0.conf', 'etc/wireguard/wg1.conf');
    expect(abnormal(r)).toBeUndefined();
    expect(mentions(r, 'wg0.conf')).toBe(true);
    expect(mentions(r, 'wg1.conf')).toBe(true);
  });
});

describe('the file system', () => {
  it('symlink loops in a walked directory end normally', () => {
    const root = tree({ 'hosts/a/etc/wireguard/wg0.conf': WG });
    symlinkSync('.', join(root, 'hosts/a/etc/loop'));
    symlinkSync('..', join(root, 'hosts/a/etc/wireguard/up'));
    symlinkSync(join(root, 'hosts'), join(root, 'hosts/a/back'));
    symlinkSync('x.conf', join(root, 'hosts/a/etc/wireguard/y.conf'));
    symlinkSync('y.conf', join(root, 'hosts/a/etc/wireguard/x.conf'));
    symlinkSync('/nonexistent/target.conf', join(root, 'hosts/a/etc/wireguard/dangling.conf'));
    const r = lint(root, 'hosts');
    expect(abnormal(r)).toBeUndefined();
    expect(json(r).filter((f) => f.filePath.endsWith('wg0.conf')).length).toBeGreaterThanOrEqual(1);
  });

  it('a 300-deep directory tree ends normally', () => {
    const deep = Array.from({ length: 300 }, (_, i) => `d${i}`).join('/');
    expect(abnormal(lint(tree({ [`${deep}/etc/wireguard/wg0.conf`]: WG }), '.'))).toBeUndefined();
  });

  it('FIFOs and devices under a config name are skipped when walked and refused when named', () => {
    const root = tree({ 'etc/wireguard/wg0.conf': WG });
    spawnSync('mkfifo', [join(root, 'etc/wireguard/wg1.conf'), join(root, 'etc/nftables.conf')]);
    symlinkSync('/dev/zero', join(root, 'etc/wireguard/wg2.conf'));
    symlinkSync('/dev/urandom', join(root, 'etc/wireguard/wg3.conf'));
    expect(abnormal(lint(root, '.'))).toBeUndefined();
    for (const named of ['etc/wireguard/wg1.conf', 'etc/wireguard/wg2.conf', 'etc/nftables.conf']) {
      const r = lint(root, named);
      expect(abnormal(r), named).toBeUndefined();
      expect(r.status, `${named}: exit 2 (unreadable path)`).toBe(2);
    }
  });

  it('a missing path: exit 2 with a message; a directory named like a config is walked', () => {
    const root = tree({ 'etc/wireguard/wg0.conf/README': 'x' });
    const missing = lint(root, 'nope/wg0.conf');
    expect(abnormal(missing)).toBeUndefined();
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope/wg0.conf');
    expect(abnormal(lint(root, 'etc/wireguard/wg0.conf'))).toBeUndefined();
  });

  // root reads everything, so unreadable files are tried as an unprivileged user when there is one
  const nobody = userInfo().uid === 0 ? spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout.trim() : '';
  it.skipIf(!nobody)('unreadable files and directories: named gives exit 2, walked gives a clear error', () => {
    const root = tree({ 'etc/wireguard/wg0.conf': WG, 'etc/wireguard/wg1.conf': WG, 'etc/sysctl.d/99-x.conf': 'net.ipv4.ip_forward = 1\n' });
    chmodSync(root, 0o755);
    for (const d of ['etc', 'etc/wireguard', 'etc/sysctl.d']) chmodSync(join(root, d), 0o755);
    chmodSync(join(root, 'etc/wireguard/wg0.conf'), 0o644);
    chmodSync(join(root, 'etc/wireguard/wg1.conf'), 0o000);
    chmodSync(join(root, 'etc/sysctl.d'), 0o000);
    mkdirSync(join(root, 'cwd'), { mode: 0o777 });
    const uid = Number(nobody);
    const named = runCli(['--format', 'json', 'etc/wireguard/wg1.conf'], { cwd: root, uid, timeoutMs: TIMEOUT });
    expect(abnormal(named)).toBeUndefined();
    expect(named.status).toBe(2);
    expect(named.stderr).toContain('wg1.conf');
    const walked = runCli(['--format', 'json', '.'], { cwd: root, uid, timeoutMs: TIMEOUT });
    expect(abnormal(walked)).toBeUndefined();
    expect(walked.stderr + walked.stdout).toContain('wg1.conf');
    chmodSync(join(root, 'etc/sysctl.d'), 0o755);
    writeFileSync(join(root, 'done'), '');
  });
});
