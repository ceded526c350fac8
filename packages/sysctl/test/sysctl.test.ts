import type { Word } from '@wglint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSysctlKey,
  effectiveInterfaceConf,
  effectiveSysctls,
  ephemeralPorts,
  formatSysctl,
  interfaceSetting,
  ipv4Forwarding,
  ipv6Forwarding,
  isEphemeral,
  normalizeSysctlKey,
  parsePortRange,
  parseReservedPorts,
  parseSysctl,
  parseSysctlCommand,
  subtractRanges,
  sysctlApplyOrder,
  sysctlGlobMatches,
} from '../src/index.js';

// The sysctl file of seed 001 (/etc/sysctl.d/99-wireguard.conf).
const SEED_001 = `net.ipv4.ip_forward = 1

net.ipv6.conf.all.forwarding = 1

net.ipv4.conf.all.accept_redirects = 0

net.ipv4.conf.all.send_redirects = 0

net.ipv4.conf.default.rp_filter = 1

net.ipv4.conf.all.rp_filter = 1

net.ipv4.tcp_syncookies = 1
`;

const at = (text: string, r: { start: number; end: number }): string => text.slice(r.start, r.end);

describe('parseSysctl', () => {
  it('reads the seed 001 file', () => {
    const { ast, problems } = parseSysctl(SEED_001);
    expect(problems).toEqual([]);
    expect(ast.entries.map((e) => [e.key, e.value])).toEqual([
      ['net.ipv4.ip_forward', '1'],
      ['net.ipv6.conf.all.forwarding', '1'],
      ['net.ipv4.conf.all.accept_redirects', '0'],
      ['net.ipv4.conf.all.send_redirects', '0'],
      ['net.ipv4.conf.default.rp_filter', '1'],
      ['net.ipv4.conf.all.rp_filter', '1'],
      ['net.ipv4.tcp_syncookies', '1'],
    ]);
    const e = ast.entries[5]!;
    expect(at(SEED_001, e.keyRange)).toBe('net.ipv4.conf.all.rp_filter');
    expect(at(SEED_001, e.valueRange)).toBe('1');
    expect(at(SEED_001, e.range)).toBe('net.ipv4.conf.all.rp_filter = 1');
  });

  it('handles key=value, prefixes, comments, slashes and whitespace', () => {
    const text = '# comment\n ; also a comment\n-net.ipv4.conf.all.rp_filter=2\r\nnet/ipv4/conf/eth0.100/rp_filter =\t2  \nnet.ipv4.ip_local_port_range = 40000\t50000\n\n';
    const { ast, problems } = parseSysctl(text);
    expect(problems).toEqual([]);
    expect(ast.comments.map((c) => c.text)).toEqual(['# comment', '; also a comment']);
    const [a, b, c] = ast.entries;
    expect(a).toMatchObject({ key: 'net.ipv4.conf.all.rp_filter', value: '2', ignoreFailure: true });
    expect(at(text, a!.keyRange)).toBe('net.ipv4.conf.all.rp_filter');
    expect(b).toMatchObject({ key: 'net.ipv4.conf.eth0/100.rp_filter', rawKey: 'net/ipv4/conf/eth0.100/rp_filter', value: '2' });
    expect(c!.value).toBe('40000\t50000');
  });

  it('keeps a trailing # as part of the value (sysctl.d has no inline comments)', () => {
    const { ast } = parseSysctl('net.ipv4.ip_forward = 1 # enable routing\n');
    expect(ast.entries[0]!.value).toBe('1 # enable routing');
  });

  it('reports lines that are not assignments, with their range', () => {
    const text = 'net.ipv4.ip_forward = 1\nnoequals here\n= 5\nnet.ipv4 .ip_forward = 1\n';
    const { problems, ast } = parseSysctl(text);
    expect(problems.map((p) => at(text, p.range))).toEqual(['noequals here', '=', 'net.ipv4 .ip_forward']);
    expect(problems[0]!.message).toMatch(/not an assignment/);
    expect(ast.lines.map((l) => l.type)).toEqual(['SysctlEntry', 'SysctlInvalidLine', 'SysctlEntry', 'SysctlEntry']);
  });

  it('allows an empty value and globs', () => {
    const { ast, problems } = parseSysctl('net.ipv4.ip_local_reserved_ports =\nnet.ipv4.conf.*.rp_filter = 2');
    expect(problems).toEqual([]);
    expect(ast.entries[0]!.value).toBe('');
    expect(ast.entries[1]!.glob).toBe(true);
  });

  it('never throws and keeps ranges in bounds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const { ast, problems } = parseSysctl(s);
        for (const l of ast.lines) expect(l.range.end).toBeLessThanOrEqual(s.length);
        for (const p of problems) expect(p.range.start).toBeLessThanOrEqual(p.range.end);
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalizeSysctlKey', () => {
  it('turns slashes into dots, keeping dots of names', () => {
    expect(normalizeSysctlKey('net/ipv4/ip_forward')).toBe('net.ipv4.ip_forward');
    // sysctl adds /proc/sys/ itself: a key written with it names /proc/sys//proc/sys/... (no such key)
    expect(normalizeSysctlKey('/proc/sys/net/ipv4/ip_forward')).toBe('proc.sys.net.ipv4.ip_forward');
    expect(normalizeSysctlKey('/net/ipv4/ip_forward')).toBe('net.ipv4.ip_forward');
    expect(normalizeSysctlKey('net/ipv4/conf/eth0.100/rp_filter')).toBe('net.ipv4.conf.eth0/100.rp_filter');
    expect(normalizeSysctlKey(' net.ipv4.ip_forward ')).toBe('net.ipv4.ip_forward');
  });
  it('matches globs per component', () => {
    expect(sysctlGlobMatches('net.ipv4.conf.*.rp_filter', 'net.ipv4.conf.wg0.rp_filter')).toBe(true);
    expect(sysctlGlobMatches('net.ipv4.conf.*.rp_filter', 'net.ipv4.conf.wg0.src_valid_mark')).toBe(false);
    expect(sysctlGlobMatches('net.ipv4.conf.wg?.rp_filter', 'net.ipv4.conf.wg1.rp_filter')).toBe(true);
  });
});

function words(text: string): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], range: { start: m.index, end: m.index + m[0].length } });
  return out;
}

describe('parseSysctlCommand', () => {
  it('reads the seed 004 PreUp', () => {
    const text = 'sysctl -w net.ipv4.ip_forward=1';
    const { ast, problems } = parseSysctlCommand(words(text));
    expect(problems).toEqual([]);
    expect(ast.write).toBe(true);
    expect(ast.assignments.map((a) => [a.key, a.value])).toEqual([['net.ipv4.ip_forward', '1']]);
    expect(at(text, ast.assignments[0]!.keyRange)).toBe('net.ipv4.ip_forward');
    expect(at(text, ast.assignments[0]!.valueRange)).toBe('1');
  });

  it('reads wg-quick\'s own `sysctl -q` and bundled flags', () => {
    const a = parseSysctlCommand(words('sysctl -q net.ipv4.conf.all.src_valid_mark=1')).ast;
    expect(a).toMatchObject({ quiet: true, write: false });
    expect(a.assignments[0]!.key).toBe('net.ipv4.conf.all.src_valid_mark');
    const b = parseSysctlCommand(words('sysctl -qw net.ipv4.conf.wg0.rp_filter=2')).ast;
    expect(b).toMatchObject({ quiet: true, write: true });
  });

  it('reads reads, -p and --system', () => {
    expect(parseSysctlCommand(words('sysctl net.ipv4.ip_forward')).ast.reads.map((r) => r.key)).toEqual(['net.ipv4.ip_forward']);
    expect(parseSysctlCommand(words('sysctl -p /etc/sysctl.d/99-wg.conf')).ast.load?.files.map((f) => f.path)).toEqual(['/etc/sysctl.d/99-wg.conf']);
    expect(parseSysctlCommand(words('sysctl -p')).ast.load?.files).toEqual([]);
    expect(parseSysctlCommand(words('sysctl --system')).ast.system).toBe(true);
  });

  it('reports a key without value under -w and unknown options', () => {
    const r = parseSysctlCommand(words('sysctl -w net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter'));
    expect(r.problems[0]!.message).toMatch(/must be of the form `key=value`/);
    expect(parseSysctlCommand(words('sysctl -Z x=1')).problems[0]!.message).toMatch(/Unknown sysctl option/);
  });

  it('takes `--` as the end of the options (procps 4.0: `sysctl -w -- key=value` works)', () => {
    const r = parseSysctlCommand(words('sysctl -w -- net.ipv4.ip_forward=1'));
    expect(r.problems).toEqual([]);
    expect(r.ast.assignments.map((a) => a.key)).toEqual(['net.ipv4.ip_forward']);
  });

  it('reports a command without any key (sysctl: no variables specified)', () => {
    for (const t of ['sysctl', 'sysctl -w', 'sysctl -q', 'sysctl -n', 'sysctl -r forward']) {
      expect(parseSysctlCommand(words(t)).problems.map((p) => p.message)).toEqual([expect.stringMatching(/no variables specified/)]);
    }
    for (const t of ['sysctl -a', 'sysctl -a -r ip_forward', 'sysctl -p', 'sysctl --system', 'sysctl -N net.ipv4.ip_forward', 'sysctl -V']) {
      expect(parseSysctlCommand(words(t)).problems).toEqual([]);
    }
  });

  it('uses the whole word when it was quoted', () => {
    const w: Word[] = [
      { text: 'sysctl', range: { start: 0, end: 6 } },
      { text: '-w', range: { start: 7, end: 9 } },
      { text: 'net.ipv4.ip_local_port_range=50000 60000', range: { start: 10, end: 52 } },
    ];
    const a = parseSysctlCommand(w).ast.assignments[0]!;
    expect(a.value).toBe('50000 60000');
    expect(a.valueRange).toEqual({ start: 10, end: 52 });
  });
});

const file = (path: string, text: string) => ({ path, ast: parseSysctl(text).ast });

describe('effective values', () => {
  it('orders files by name across directories, /etc masking /usr/lib, sysctl.conf last', () => {
    const order = sysctlApplyOrder([
      { path: 'etc/sysctl.conf' },
      { path: 'usr/lib/sysctl.d/50-default.conf' },
      { path: 'etc/sysctl.d/99-wg.conf' },
      { path: 'etc/sysctl.d/10-a.conf' },
      { path: 'usr/lib/sysctl.d/99-wg.conf' },
      { path: 'run/sysctl.d/60-x.conf' },
    ]);
    expect(order.applied.map((f) => f.path)).toEqual([
      'etc/sysctl.d/10-a.conf',
      'usr/lib/sysctl.d/50-default.conf',
      'run/sysctl.d/60-x.conf',
      'etc/sysctl.d/99-wg.conf',
      'etc/sysctl.conf',
    ]);
    expect(order.masked.map((f) => f.path)).toEqual(['usr/lib/sysctl.d/99-wg.conf']);
  });

  it('later assignments win and keep provenance', () => {
    const eff = effectiveSysctls([
      file('etc/sysctl.d/99-wg.conf', 'net.ipv4.conf.all.rp_filter = 2\n'),
      file('usr/lib/sysctl.d/50-default.conf', 'net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.conf.default.rp_filter = 1\n'),
    ]);
    const s = eff.get('net.ipv4.conf.all.rp_filter')!;
    expect(s.value).toBe('2');
    expect(s.provenance).toMatchObject({ kind: 'file', path: 'etc/sysctl.d/99-wg.conf', range: { start: 0, end: 31 } });
    expect(eff.overridden).toHaveLength(1);
    expect(eff.get('net.ipv4.ip_forward')).toMatchObject({ value: '0', provenance: { kind: 'default' } });
    expect(eff.get('kernel.unknown')).toBeUndefined();
  });

  it('computes rp_filter of a wg-quick interface as max(all, default) (facts §4.1)', () => {
    const eff = effectiveSysctls([file('etc/sysctl.d/99-wireguard.conf', SEED_001)]);
    expect(effectiveInterfaceConf(eff, 'wg0', 'rp_filter').value).toBe(1);
    // conf.wg0 in sysctl.d ran before wg0 existed: the interface starts from conf.default.
    const eff2 = effectiveSysctls([file('etc/sysctl.d/99-wg.conf', 'net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.default.rp_filter = 0\nnet.ipv4.conf.wg0.rp_filter = 1\n')]);
    expect(effectiveInterfaceConf(eff2, 'wg0', 'rp_filter').value).toBe(0);
    expect(effectiveInterfaceConf(eff2, 'wg0', 'rp_filter', { createdAfterBoot: false }).value).toBe(1);
    expect(interfaceSetting(eff2, 'wg0', 'rp_filter')!.key).toBe('net.ipv4.conf.default.rp_filter');
    // Loose all + strict default → strict on the new interface.
    const eff3 = effectiveSysctls([file('etc/sysctl.d/99-wg.conf', 'net.ipv4.conf.all.rp_filter = 2\nnet.ipv4.conf.default.rp_filter = 1\n')]);
    const r = effectiveInterfaceConf(eff3, 'wg0', 'rp_filter');
    expect(r.value).toBe(2);
    expect(r.decidedBy!.key).toBe('net.ipv4.conf.all.rp_filter');
  });

  it('applies glob keys', () => {
    const eff = effectiveSysctls([file('etc/sysctl.d/50.conf', 'net.ipv4.conf.*.rp_filter = 2\n')]);
    expect(eff.get('net.ipv4.conf.all.rp_filter')!.value).toBe('2');
  });

  it('reads forwarding from ip_forward or conf.all.forwarding, the last one winning', () => {
    expect(ipv4Forwarding(effectiveSysctls([file('etc/sysctl.d/99.conf', SEED_001)])).enabled).toBe(true);
    expect(ipv4Forwarding(effectiveSysctls([])).enabled).toBe(false);
    const eff = effectiveSysctls([file('etc/sysctl.d/99.conf', 'net.ipv4.ip_forward = 1\nnet.ipv4.conf.all.forwarding = 0\n')]);
    expect(ipv4Forwarding(eff).enabled).toBe(false);
    expect(ipv6Forwarding(effectiveSysctls([file('etc/sysctl.d/99.conf', SEED_001)])).enabled).toBe(true);
    expect(ipv6Forwarding(effectiveSysctls([file('etc/sysctl.d/99.conf', 'net.ipv6.conf.eth0.forwarding = 1\n')])).enabled).toBe(false);
  });
});

describe('ports', () => {
  it('parses ip_local_port_range like the kernel (tested)', () => {
    expect(parsePortRange('32768 60999').range).toEqual({ from: 32768, to: 60999 });
    expect(parsePortRange('40000\t   50000').range).toEqual({ from: 40000, to: 50000 });
    expect(parsePortRange('60000 50000').error).toMatch(/larger than the second/);
    expect(parsePortRange('1023 60000').error).toMatch(/ip_unprivileged_port_start/);
    expect(parsePortRange('1024 65536').error).toMatch(/above 65535/);
    expect(parsePortRange('abc 5').error).toBeDefined();
    expect(parsePortRange('40000 40000').range).toEqual({ from: 40000, to: 40000 });
    expect(parsePortRange('1024').warning).toMatch(/two numbers/);
  });

  it('parses ip_local_reserved_ports like the kernel (tested)', () => {
    expect(parseReservedPorts('1,2-4,10-10').ranges).toEqual([
      { from: 1, to: 1 },
      { from: 2, to: 4 },
      { from: 10, to: 10 },
    ]);
    expect(parseReservedPorts('').errors).toEqual([]);
    for (const bad of ['5-3', '70000', '1,,2', ' 1, 2', '1 2', 'x']) expect(parseReservedPorts(bad).errors.length, bad).toBeGreaterThan(0);
    expect(parseReservedPorts('51820,5-3').errors[0]).toMatchObject({ item: '5-3', offset: 6 });
  });

  it('gives the ephemeral set minus reserved ports', () => {
    expect(subtractRanges({ from: 10, to: 20 }, [{ from: 12, to: 13 }, { from: 20, to: 30 }])).toEqual([
      { from: 10, to: 11 },
      { from: 14, to: 19 },
    ]);
    const eff = effectiveSysctls([file('etc/sysctl.d/99-wg.conf', 'net.ipv4.ip_local_reserved_ports = 51820-51830\n')]);
    const p = ephemeralPorts(eff);
    expect(p.range).toEqual({ from: 32768, to: 60999 });
    expect(isEphemeral(p.free, 51820)).toBe(false);
    expect(isEphemeral(p.free, 51831)).toBe(true);
    expect(p.reservedSetting!.provenance.kind).toBe('file');
    expect(p.rangeSetting!.provenance.kind).toBe('default');
  });

  it('ignores a port range the kernel refuses (the previous value stays)', () => {
    const eff = effectiveSysctls([file('etc/sysctl.d/99-wg.conf', 'net.ipv4.ip_local_port_range = 40000 50000\nnet.ipv4.ip_local_port_range = 60000 50000\n')]);
    expect(ephemeralPorts(eff).range).toEqual({ from: 40000, to: 50000 });
  });
});

describe('known keys', () => {
  it('suggests the right key for typos', () => {
    expect(checkSysctlKey('net.ipv4.ip_foward')).toEqual({ status: 'unknown', suggestion: 'net.ipv4.ip_forward' });
    expect(checkSysctlKey('net.ipv4.conf.all.rp_filer')).toEqual({ status: 'unknown', suggestion: 'net.ipv4.conf.all.rp_filter' });
    expect(checkSysctlKey('net.ipv6.conf.eth0.accept_ra')).toEqual({ status: 'known' });
    expect(checkSysctlKey('net.ip4.ip_forward')).toEqual({ status: 'unknown', suggestion: 'net.ipv4.ip_forward' });
    expect(checkSysctlKey('kernel.panic').status).toBe('unchecked');
    // sysctl adds /proc/sys/ itself (`cannot stat /proc/sys//proc/sys/net/ipv4/ip_forward`)
    expect(checkSysctlKey('proc.sys.net.ipv4.ip_forward')).toEqual({ status: 'unknown', suggestion: 'net.ipv4.ip_forward' });
    expect(checkSysctlKey('net.netfilter.nf_conntrack_max').status).toBe('unchecked');
    expect(checkSysctlKey('net.ipv4.conf.*.rp_filter').status).toBe('unchecked');
    // Top-level trees grow with the kernel: only typos are reported there.
    expect(checkSysctlKey('net.ipv4.tcp_some_future_knob').status).toBe('unchecked');
    expect(checkSysctlKey('net.ipv4.tcp_mem').status).toBe('known');
    expect(checkSysctlKey('net.core.default_qdisc').status).toBe('known');
    expect(checkSysctlKey('net.ipv4.conf.all.no_such_flag')).toEqual({ status: 'unknown' });
  });
});

describe('formatSysctl', () => {
  it('lays out key = value and keeps comments', () => {
    const text = '# WireGuard\nnet.ipv4.ip_forward=1   \n  -net/ipv4/conf/all/rp_filter   =2\n\n; done\nbroken line\nnet.ipv4.ip_local_reserved_ports=';
    expect(formatSysctl(text)).toBe('# WireGuard\nnet.ipv4.ip_forward = 1\n-net/ipv4/conf/all/rp_filter = 2\n\n; done\nbroken line\nnet.ipv4.ip_local_reserved_ports =');
  });

  it('keeps CRLF and is idempotent', () => {
    const text = 'a.b=1\r\nc.d = 2\r\n';
    const once = formatSysctl(text);
    expect(once).toBe('a.b = 1\r\nc.d = 2\r\n');
    expect(formatSysctl(once)).toBe(once);
  });

  it('keeps every entry and comment (same parse before and after)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a.b', '=', ' ', '\t', '1', '#', ';', '-', '\n', '\r\n', 'x/y', '\u00a0', '\f', 'é'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const before = parseSysctl(text).ast;
        const after = parseSysctl(formatSysctl(text)).ast;
        expect(after.entries.map((e) => [e.key, e.value, e.ignoreFailure])).toEqual(before.entries.map((e) => [e.key, e.value, e.ignoreFailure]));
        expect(after.comments.map((c) => c.text)).toEqual(before.comments.map((c) => c.text));
        expect(after.lines.length).toBe(before.lines.length);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent on arbitrary input', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a.b', '=', ' ', '\t', '1', '#', ';', '-', '\n', '\r\n', 'x/y', '\u00a0', '\f'), { maxLength: 30 }), (parts) => {
        const once = formatSysctl(parts.join(''));
        expect(formatSysctl(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
