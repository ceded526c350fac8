import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { describe, expect, it } from 'vitest';
import { applyFixes, lintPaths } from '../src/lint-paths.js';
import { IPT, NFT, SYSCTL, WG, tree } from './helpers.js';

/** Records what each host looked like to the rules; reports every `Address` key. */
function probe() {
  const hosts: { root: string; files: string[] }[] = [];
  const rule = defineRule<HostModel>({
    meta: { id: 'probe', severity: 'warning', fixable: true, summary: 'Probe', languages: ['wg'] },
    check(ctx) {
      hosts.push({ root: ctx.model.root, files: ctx.model.files.map((f) => `${f.file.path}${f.lint ? '' : ' (context)'}`).sort() });
      for (const f of ctx.model.files) {
        const i = f.file.text.indexOf('Address');
        if (i >= 0) ctx.report({ file: f.file.path, range: { start: i, end: i + 7 }, message: 'Address here.' });
      }
    },
  });
  return { rule, hosts };
}

describe('lintPaths: hosts', () => {
  it('groups by host root and keeps directory-argument scenarios apart', async () => {
    const cwd = tree({
      'ex/gw1/etc/wireguard/wg0.conf': WG,
      'ex/gw1/etc/iptables/rules.v4': IPT,
      'ex/gw2/etc/wireguard/wg0.conf': WG,
      'ex/gw2/etc/sysctl.d/99-wg.conf': SYSCTL,
      'ex/loose/a.nft': NFT,
      'ex/loose/b/wg1.conf': WG,
      'ex/.git/x.nft': NFT,
      'ex/node_modules/y.nft': NFT,
      'ex/README.md': '# hi\n',
    });
    const { rule, hosts } = probe();
    const out = await lintPaths(['ex'], { cwd, rules: [rule] });
    expect(out.errors).toEqual([]);
    expect(hosts.sort((a, b) => a.root.localeCompare(b.root))).toEqual([
      { root: 'ex', files: ['loose/a.nft', 'loose/b/wg1.conf'] },
      { root: 'ex/gw1', files: ['etc/iptables/rules.v4', 'etc/wireguard/wg0.conf'] },
      { root: 'ex/gw2', files: ['etc/sysctl.d/99-wg.conf', 'etc/wireguard/wg0.conf'] },
    ]);
    expect(out.results.map((r) => [r.filePath, r.language])).toEqual([
      ['ex/gw1/etc/iptables/rules.v4', 'iptables-save'],
      ['ex/gw1/etc/wireguard/wg0.conf', 'wg'],
      ['ex/gw2/etc/sysctl.d/99-wg.conf', 'sysctl'],
      ['ex/gw2/etc/wireguard/wg0.conf', 'wg'],
      ['ex/loose/a.nft', 'nft'],
      ['ex/loose/b/wg1.conf', 'wg'],
    ]);
    const d = out.results[1]!.diagnostics[0]!;
    expect(d).toMatchObject({ ruleId: 'probe', severity: 'warning', file: 'ex/gw1/etc/wireguard/wg0.conf', range: { start: 12, end: 19 } });
  });

  it('reads the rest of a named file’s host root for context but reports only the named file', async () => {
    const cwd = tree({
      'h/etc/wireguard/wg0.conf': WG,
      'h/etc/wireguard/wg1.conf': WG,
      'h/etc/iptables/rules.v4': IPT,
      'h/other/x.nft': NFT,
    });
    const { rule, hosts } = probe();
    const out = await lintPaths(['h/etc/wireguard/wg0.conf'], { cwd, rules: [rule] });
    expect(hosts).toEqual([
      { root: 'h', files: ['etc/iptables/rules.v4 (context)', 'etc/wireguard/wg0.conf', 'etc/wireguard/wg1.conf (context)'] },
    ]);
    expect(out.results.map((r) => r.filePath)).toEqual(['h/etc/wireguard/wg0.conf']);
    expect(out.results[0]!.diagnostics).toHaveLength(1);
  });

  it('puts loose named files in one host per directory, and a lone file alone', async () => {
    const cwd = tree({ 'a/x.nft': NFT, 'a/y.nft': NFT, 'b/z.nft': NFT, 'b/w.nft': NFT });
    const { rule, hosts } = probe();
    await lintPaths(['a/x.nft', 'b/z.nft', 'a/y.nft'], { cwd, rules: [rule] });
    expect(hosts.sort((p, q) => p.root.localeCompare(q.root))).toEqual([
      { root: 'a', files: ['x.nft', 'y.nft'] },
      { root: 'b', files: ['z.nft'] },
    ]);
  });

  it('honours config "hosts" globs and pulls the rest of the glob in for context', async () => {
    const cwd = tree({
      'hosts/gw1/wireguard/wg0.conf': WG,
      'hosts/gw1/fw/rules.v4': IPT,
      'hosts/gw2/wg0.conf': WG,
    });
    const { rule, hosts } = probe();
    const out = await lintPaths(['hosts/gw1/wireguard/wg0.conf', 'hosts/gw2/wg0.conf'], {
      cwd,
      rules: [rule],
      hosts: { gw1: ['hosts/gw1/**'] },
      configDir: cwd,
    });
    expect(hosts.sort((p, q) => p.root.localeCompare(q.root))).toEqual([
      { root: 'gw1', files: ['hosts/gw1/fw/rules.v4 (context)', 'hosts/gw1/wireguard/wg0.conf'] },
      { root: 'hosts/gw2', files: ['wg0.conf'] },
    ]);
    expect(out.results.map((r) => r.filePath)).toEqual(['hosts/gw1/wireguard/wg0.conf', 'hosts/gw2/wg0.conf']);
  });

  it('lints stdin under --stdin-filename with its host root as context', async () => {
    const cwd = tree({ 'h/etc/iptables/rules.v4': IPT, 'h/etc/wireguard/wg0.conf': '[Interface]\n' });
    const { rule, hosts } = probe();
    const out = await lintPaths(['-'], { cwd, rules: [rule], stdin: { text: WG, filename: 'h/etc/wireguard/wg0.conf' } });
    expect(hosts).toEqual([{ root: 'h', files: ['etc/iptables/rules.v4 (context)', 'etc/wireguard/wg0.conf'] }]);
    expect(out.results).toHaveLength(1);
    expect(out.results[0]!.diagnostics).toHaveLength(1);
  });

  it('needs a language for stdin', async () => {
    const out = await lintPaths(['-'], { cwd: tree({}), stdin: { text: 'x' } });
    expect(out.errors).toEqual([{ path: '<stdin>', message: expect.stringMatching(/cannot tell the language of stdin; pass --lang/) }]);
    const forced = await lintPaths(['-'], { cwd: tree({}), stdin: { text: 'x = 1\n' }, lang: 'sysctl', rules: [] });
    expect(forced.results.map((r) => [r.filePath, r.language])).toEqual([['<stdin>', 'sysctl']]);
  });
});

describe('lintPaths: sysctl.d outside etc', () => {
  it('puts usr/lib/sysctl.d files in their host, where a same-named etc/sysctl.d file masks them', async () => {
    const cwd = tree({
      'gw/etc/wireguard/wg0.conf': WG,
      'gw/usr/lib/sysctl.d/50-default.conf': 'net.ipv4.conf.default.rp_filter = 2\nnet.ipv4.ip_forward = 1\n',
      'gw/usr/lib/sysctl.d/60-masked.conf': 'net.ipv4.tcp_syncookies = 0\n',
      'gw/etc/sysctl.d/60-masked.conf': 'net.ipv4.tcp_syncookies = 1\n',
    });
    const seen: { files: string[]; forward?: string; syncookies?: string }[] = [];
    const rule = defineRule<HostModel>({
      meta: { id: 'probe', severity: 'warning', fixable: false, summary: 'Probe', languages: ['wg'] },
      check(ctx) {
        seen.push({
          files: ctx.model.files.map((f) => `${f.file.path}${f.lint ? '' : ' (context)'}`).sort(),
          forward: ctx.model.sysctl.boot.get('net.ipv4.ip_forward')?.value,
          syncookies: ctx.model.sysctl.boot.get('net.ipv4.tcp_syncookies')?.value,
        });
      },
    });
    const out = await lintPaths(['gw/etc/wireguard/wg0.conf'], { cwd, rules: [rule] });
    expect(out.errors).toEqual([]);
    expect(seen).toEqual([
      {
        files: ['etc/sysctl.d/60-masked.conf (context)', 'etc/wireguard/wg0.conf', 'usr/lib/sysctl.d/50-default.conf (context)', 'usr/lib/sysctl.d/60-masked.conf (context)'],
        forward: '1',
        syncookies: '1',
      },
    ]);
    // Named alone, a usr/lib/sysctl.d file joins the same host.
    seen.length = 0;
    const alone = await lintPaths(['gw/usr/lib/sysctl.d/50-default.conf', 'gw/etc/wireguard/wg0.conf'], { cwd, rules: [rule] });
    expect(alone.errors).toEqual([]);
    expect(seen).toHaveLength(1);
  });
});

describe('lintPaths: files read for facts', () => {
  it("reads a host root's etc/iproute2/rt_tables and rt_tables.d/*.conf for its table names", async () => {
    const hook = 'PostUp = ip rule add fwmark 1 table vpn priority 5; ip route add default dev %i table office; ip rule add fwmark 2 table nope priority 6\n';
    const cwd = tree({
      'gw/etc/wireguard/wg0.conf': WG + hook,
      'gw/etc/iproute2/rt_tables': '200 vpn\n',
      'gw/etc/iproute2/rt_tables.d/office.conf': '201 office\n',
      'gw/etc/iproute2/rt_tables.d/notes.txt': '202 nope\n',
    });
    const out = await lintPaths(['gw/etc/wireguard/wg0.conf'], { cwd });
    expect(out.errors).toEqual([]);
    const tables = out.results.flatMap((r) => r.diagnostics).filter((d) => d.ruleId === 'ip-table-name-unknown');
    expect(tables.map((d) => d.message.slice(0, 40))).toEqual(['Routing table `nope` is not defined on t']);
    expect(out.results.map((r) => r.filePath)).toEqual(['gw/etc/wireguard/wg0.conf']);
  });
});

describe('lintPaths: paths and bad files', () => {
  it('errors on missing paths and explicitly named unknown files, skips them when walking', async () => {
    const cwd = tree({ 'd/notes.txt': 'hello\n', 'd/x.nft': NFT });
    const out = await lintPaths(['missing', 'd/notes.txt', 'd'], { cwd, rules: [] });
    expect(out.errors).toEqual([
      { path: 'missing', message: 'no such file or directory (ENOENT)' },
      { path: 'd/notes.txt', message: expect.stringMatching(/^not a file wglint reads .*use --lang to force a language$/) },
    ]);
    expect(out.results.map((r) => r.filePath)).toEqual(['d/x.nft']);
    const forced = await lintPaths(['d/notes.txt'], { cwd, rules: [], lang: 'sysctl' });
    expect(forced.errors).toEqual([]);
    expect(forced.results.map((r) => r.language)).toEqual(['sysctl']);
  });

  it('survives symlink loops', async () => {
    const cwd = tree({ 'd/x.nft': NFT });
    symlinkSync(join(cwd, 'd'), join(cwd, 'd/loop'));
    symlinkSync(join(cwd, 'nowhere'), join(cwd, 'd/dangling.nft'));
    const out = await lintPaths(['d'], { cwd, rules: [] });
    expect(out.errors).toEqual([]);
    expect(out.results.map((r) => r.filePath)).toEqual(['d/x.nft']);
  });

  it('reports unreadable files clearly', async () => {
    // /proc/self/mem is a regular file whose read fails (EIO), even for root
    const out = await lintPaths(['/proc/self/mem'], { cwd: tree({}), rules: [] });
    expect(out.errors).toEqual([{ path: '/proc/self/mem', message: 'input/output error (EIO)' }]);
  });

  it('reports binary, oversized and non-UTF-8 files as syntax errors', async () => {
    const cwd = tree({
      'd/etc/iptables/rules.v4': Buffer.from([0x2a, 0x00, 0xff]),
      'd/etc/iptables/rules.v6': Buffer.alloc(9 * 1024 * 1024, 0x41),
      'd/etc/sysctl.conf': Buffer.from([0x61, 0x3d, 0xff, 0x0a]),
    });
    const out = await lintPaths(['d'], { cwd, rules: [] });
    expect(out.errors).toEqual([]);
    const msgs = out.results.map((r) => [r.filePath, r.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)]);
    expect(msgs).toEqual([
      ['d/etc/iptables/rules.v4', [expect.stringMatching(/^syntax-error: File is binary/)]],
      ['d/etc/iptables/rules.v6', [expect.stringMatching(/^syntax-error: File is too large to lint \(9\.0 MiB/)]],
      ['d/etc/sysctl.conf', expect.arrayContaining([expect.stringMatching(/^syntax-error: File is not valid UTF-8 \(byte 0xff\)/)])],
    ]);
  });

  it('turns a throwing rule into an error and keeps the other rules', async () => {
    const cwd = tree({ 'h/etc/wireguard/wg0.conf': WG });
    const { rule } = probe();
    const boom = defineRule<HostModel>({
      meta: { id: 'boom', severity: 'error', fixable: false, summary: 'Boom', languages: ['wg'] },
      check() {
        throw new Error('kaput');
      },
    });
    const out = await lintPaths(['h'], { cwd, rules: [boom, rule] });
    expect(out.errors).toEqual([{ path: 'h', message: 'internal error: rule boom failed: kaput', cause: expect.any(Error) }]);
    expect(out.results[0]!.diagnostics.map((d) => d.ruleId)).toEqual(['probe']);
  });

  it('masks key values that reach a message, and hides fixes that would print them', async () => {
    const key = 'SECRETmarker000000000000000000000000000000=';
    const cwd = tree({ 'h/etc/wireguard/wg0.conf': `[Interface]\nPrivateKey = ${key}\n` });
    const leaky = defineRule<HostModel>({
      meta: { id: 'leaky', severity: 'error', fixable: true, summary: 'Leaky', languages: ['wg'] },
      check(ctx) {
        const f = ctx.model.files[0]!;
        ctx.report({ file: f.file.path, range: { start: 12, end: 22 }, message: `Bad key ${key}.`, fix: { title: 't', edits: [{ range: { start: 25, end: 25 }, text: key }] } });
      },
    });
    const crashing = defineRule<HostModel>({
      meta: { id: 'crashing', severity: 'error', fixable: false, summary: 'Crashing', languages: ['wg'] },
      check() {
        throw new Error(`cannot decode ${key}`);
      },
    });
    const out = await lintPaths(['h'], { cwd, rules: [leaky, crashing] });
    expect(JSON.stringify(out.results.map((r) => r.diagnostics))).not.toContain('SECRETmarker');
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.message).toBe('internal error: rule crashing failed: cannot decode <redacted>');
    expect((out.errors[0]!.cause as Error).stack).not.toContain('SECRETmarker');
    expect(out.results[0]!.diagnostics[0]).toMatchObject({ message: 'Bad key <redacted>.' });
    expect(out.results[0]!.diagnostics[0]!.fix).toBeUndefined();
  });
});

describe('fixes', () => {
  const uppercase = defineRule<HostModel>({
    meta: { id: 'upper', severity: 'warning', fixable: true, summary: 'Upper', languages: ['wg'] },
    check(ctx) {
      for (const f of ctx.model.files) {
        const m = /address/.exec(f.file.text);
        if (m) ctx.report({ file: f.file.path, range: { start: m.index, end: m.index + 7 }, message: 'Spell it Address.', fix: { title: 'Capitalise', edits: [{ range: { start: m.index, end: m.index + 1 }, text: 'A' }] } });
      }
    },
  });

  it('applies fixes until stable, keeps BOM, CRLF and every other byte, and reports what remains', async () => {
    const original = '\uFEFF[Interface]\r\naddress = 10.0.0.1/24\r\n# ü comment\r\naddress = 10.0.0.2/24'; // no final newline
    const cwd = tree({ 'h/etc/wireguard/wg0.conf': original });
    const out = await lintPaths(['h'], { cwd, rules: [uppercase], fix: true });
    const written = readFileSync(join(cwd, 'h/etc/wireguard/wg0.conf'), 'utf8');
    expect(written).toBe('\uFEFF[Interface]\r\nAddress = 10.0.0.1/24\r\n# ü comment\r\nAddress = 10.0.0.2/24');
    expect(out.results[0]).toMatchObject({ fixed: true, diagnostics: [] });
  });

  it('reports a byte order mark the reader removed: wg, nft and iptables-restore refuse such files', async () => {
    const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const cwd = tree({ 'h/etc/wireguard/wg0.conf': bom(WG), 'h/etc/nftables.conf': bom('table inet t {\n}\n'), 'h/etc/iptables/rules.v4': bom('*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n') });
    const out = await lintPaths(['h'], { cwd });
    const byFile = Object.fromEntries(out.results.map((r) => [r.filePath.replace(/^.*\/etc\//, 'etc/'), r.diagnostics.filter((d) => d.range.start === 0 && d.range.end === 0).map((d) => d.ruleId)]));
    expect(byFile).toMatchObject({ 'etc/wireguard/wg0.conf': ['wg-bom'], 'etc/nftables.conf': ['syntax-error'], 'etc/iptables/rules.v4': ['syntax-error'] });
  });

  it('does not rewrite files it cannot round-trip', async () => {
    const bytes = Buffer.concat([Buffer.from('[Interface]\naddress = 1\n# '), Buffer.from([0xff]), Buffer.from('\n')]);
    const cwd = tree({ 'h/etc/wireguard/wg0.conf': bytes });
    const out = await lintPaths(['h'], { cwd, rules: [uppercase], fix: true });
    expect(readFileSync(join(cwd, 'h/etc/wireguard/wg0.conf')).equals(bytes)).toBe(true);
    expect(out.results[0]!.fixed).toBe(false);
    expect(out.results[0]!.diagnostics.map((d) => d.ruleId)).toEqual(['upper', 'syntax-error']);
  });

  it('applyFixes takes non-overlapping fixes whole, earliest first', () => {
    const text = 'abcdefghij';
    const fix = (edits: [number, number, string][]) => ({ title: 't', edits: edits.map(([start, end, t]) => ({ range: { start, end }, text: t })) });
    expect(applyFixes(text, [fix([[0, 2, 'XY']]), fix([[1, 3, 'no']]), fix([[5, 6, '5'], [8, 8, '+']])])).toBe('XYcde5gh+ij');
    // a fix with one overlapping edit is skipped entirely
    expect(applyFixes(text, [fix([[0, 2, '']]), fix([[1, 2, 'x'], [9, 10, 'J']])])).toBe('cdefghij');
    // out-of-range edits are ignored
    expect(applyFixes(text, [fix([[8, 99, '']])])).toBe(text);
  });

  it('leaves only the target file changed', async () => {
    const cwd = tree({ 'h/etc/wireguard/wg0.conf': '[Interface]\naddress = 1\n', 'h/etc/wireguard/wg1.conf': '[Interface]\naddress = 2\n' });
    await lintPaths(['h/etc/wireguard/wg0.conf'], { cwd, rules: [uppercase], fix: true });
    expect(readFileSync(join(cwd, 'h/etc/wireguard/wg0.conf'), 'utf8')).toBe('[Interface]\nAddress = 1\n');
    expect(readFileSync(join(cwd, 'h/etc/wireguard/wg1.conf'), 'utf8')).toBe('[Interface]\naddress = 2\n');
  });
});

describe('fixTexts', () => {
  it('fixes an in-memory host until stable', async () => {
    const { fixTexts } = await import('../src/lint-texts.js');
    const rules = '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A FORWARD -j REJECT\nCOMMIT\n';
    const wg = '[Interface]\nPrivateKey = HG5sTALlUXjoWJD8m77UzgRkFeyBIr849xG3eRhK4qA=\nAddress = 10.0.0.1/24\nPostUp = iptables -I FORWARD 2 -i %i -j ACCEPT\nPostDown = iptables -D FORWARD -i %i -j ACCEPT\n';
    const out = fixTexts({ 'etc/iptables/rules.v4': rules, 'etc/wireguard/wg0.conf': wg });
    expect(out.files['etc/wireguard/wg0.conf']).toBe(wg.replace('-I FORWARD 2', '-I FORWARD 1'));
    expect(out.files['etc/iptables/rules.v4']).toBe(rules);
    expect(out.passes).toBe(1);
    expect(out.diagnostics.filter((d) => d.ruleId === 'iptables-append-after-reject')).toEqual([]);
  });
});

describe('file modes', () => {
  it('passes the permission bits of files read from disk to the model, not of stdin', async () => {
    const { chmodSync } = await import('node:fs');
    const cwd = tree({ 'h/etc/wireguard/wg0.conf': WG });
    chmodSync(join(cwd, 'h/etc/wireguard/wg0.conf'), 0o640);
    chmodSync(join(cwd, 'h/etc/wireguard'), 0o751);
    const seen: (number | undefined)[][] = [];
    const spy = defineRule<HostModel>({
      meta: { id: 'spy', severity: 'info', fixable: false, summary: 'Spy', languages: ['wg'] },
      check(ctx) {
        for (const f of ctx.model.files) seen.push([f.file.mode, f.file.dirMode]);
      },
    });
    await lintPaths(['h'], { cwd, rules: [spy] });
    await lintPaths(['-'], { cwd, rules: [spy], lang: 'wg', stdin: { text: WG } });
    expect(seen).toEqual([[0o640, 0o751], [undefined, undefined]]);
  });
});
