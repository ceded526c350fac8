// Differential test: @wglint/iptables against the real `iptables-restore --test` (and a real
// restore in a throwaway network namespace) on generated dumps. Needs root and iptables; when
// either is missing it says loudly that it did NOT run (CI runs as root with iptables installed).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkIptCommand, parseIptablesSave } from '@wglint/iptables';
import { describe, expect, it } from 'vitest';

function oracleAvailable(): string | undefined {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not running as root';
  for (const bin of ['iptables-restore', 'ip6tables-restore', 'unshare']) {
    const r = spawnSync('sh', ['-c', `command -v ${bin}`]);
    if (r.status !== 0) return `${bin} not found`;
  }
  const probe = spawnSync('unshare', ['-n', 'true']);
  if (probe.status !== 0) return 'unshare -n does not work here';
  return undefined;
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Family = 'ipv4' | 'ipv6';

const CHAINS: Record<string, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
};

interface Pools {
  readonly params: readonly string[];
  readonly matches: readonly string[];
  readonly targets: Readonly<Record<string, readonly string[]>>;
}

/** Fragments iptables accepts (good) and fragments it may refuse (bad). */
function pools(f: Family): { good: Pools; bad: Pools } {
  const v4 = f === 'ipv4';
  const goodAddr = v4 ? ['10.0.0.0/8', '192.168.1.1', '10.8.0.1/24', '10.0.0.1,10.0.0.2', '1.2.3'] : ['fd00::/64', '2001:db8::1', '::/0', 'fd00::1,fd00::2'];
  const badAddr = v4 ? ['10.0.0.0/33', 'fd00::1', '300.1.1.1'] : ['fd00::/129', '10.0.0.1', 'fd00:::1'];
  const good: Pools = {
    params: [
      ...goodAddr.map((a) => `-s ${a}`), ...goodAddr.slice(0, 3).map((a) => `! -d ${a}`),
      '-i wg0', '-i wg+', '! -i eth0', '-o eth0', '-o wg0', '-p tcp', '-p udp', '! -p tcp', '-p 6', '-p all', v4 ? '-p icmp' : '-p ipv6-icmp',
    ],
    matches: [
      '-m conntrack --ctstate ESTABLISHED,RELATED', '-m conntrack --ctstate NEW', '-m state --state ESTABLISHED', '-m limit --limit 5/min --limit-burst 10',
      '-m comment --comment "hello world"', '-m mark --mark 0x1/0xff', '-m connmark ! --mark 1', '-m addrtype --dst-type LOCAL',
      '-m length --length 0:1500', v4 ? '-m ttl --ttl-gt 5' : '-m hl --hl-eq 64', '-m physdev --physdev-in eth0', '-m string --algo bm --string foo',
      '-m recent --set --name wg', '-m recent --rcheck --seconds 60 --hitcount 4', '-m hashlimit --hashlimit-upto 5/sec --hashlimit-name x',
      v4 ? '-m iprange --src-range 10.0.0.1-10.0.0.9' : '-m iprange --src-range fd00::1-fd00::9', '-m pkttype --pkt-type broadcast',
      '-m statistic --mode random --probability 0.5', '-m time --timestart 08:00 --timestop 17:00',
    ],
    targets: {
      filter: ['-j ACCEPT', '-j DROP', '-j RETURN', '-j REJECT', v4 ? '-j REJECT --reject-with icmp-host-prohibited' : '-j REJECT --reject-with icmp6-adm-prohibited',
        '-j LOG --log-prefix "wg: "', '-j LOG --log-level info', '-j NFLOG --nflog-group 5', '-j MARK --set-mark 0x1', '-j CONNMARK --restore-mark', '-j NFQUEUE --queue-num 3'],
      nat: ['-j MASQUERADE', `-j SNAT --to-source ${v4 ? '1.2.3.4' : '2001:db8::9'}`, `-j DNAT --to-destination ${v4 ? '10.0.0.2' : 'fd00::2'}`, '-j ACCEPT', '-j RETURN'],
      mangle: ['-j MARK --set-xmark 0x1/0xffffffff', '-j CONNMARK --save-mark', '-j DSCP --set-dscp 10', v4 ? '-j TTL --ttl-set 64' : '-j HL --hl-set 64', '-j ACCEPT', '-j TOS --set-tos 0x10'],
      raw: ['-j CT --notrack', '-j NOTRACK', '-j ACCEPT', '-j DROP', '-j CT --zone 5'],
    },
  };
  const bad: Pools = {
    params: [...badAddr.map((a) => `-s ${a}`), '! -d 10.0.0.1,10.0.0.2', '-o averyveryverylongname0', '-i', '-s', '-p bogus', '-s ! 10.0.0.1', 'eth0', v4 ? '-f' : '-f', '! ! -p tcp'],
    matches: [
      '--dport 22', '-p tcp --dport 70000', '-p tcp --sport 1024:65535', '-p udp --dport 65535:1', '--dports 80,443', '-p tcp -m multiport --dports 1:2,3,4,5,6,7,8,9,10,11,12,13,14,15,16',
      '-m tcp --dport 22', '-m conntrack --ctstate NEW,BOGUS', '-m conntrack', '-m state --state SNAT', '-m limit --limit 5/fortnight', '-m comment',
      '-m mac --mac-source 00:11:22:33:44:55', '-m --mac-source 00:11:22:33:44:55', '-m mac --mac-source 00:11:22', '-m mark --mark off',
      '-m addrtype --dst-type FOO', '-m icmp --icmp-type echo-request', '-p icmp --icmp-type 8', '--icmp-type 8', '-m string --string foo',
      '-m hashlimit --hashlimit-upto 5/sec', '-m nosuchmodule', '-m', '! -m tcp', '-p tcp -m tcp --dport', '-m owner --uid-owner 0',
      '-p udp --dport 53 --dport 54', '-p udp --dport 70000', '-m ttl --ttl-gt 300', '-m hl --hl-eq 64', '-m ttl --ttl-gt 5',
    ],
    targets: {
      filter: ['-j REJECT --reject-with tcp-reset', '-j LOG --log-level bogus', '-j LOG --log-prefix', '-j TCPMSS --clamp-mss-to-pmtu', '-j TCPMSS', '-j MARK',
        '-j', '-j ACCEPT -j DROP', '-j ACCEPT --reject-with tcp-reset', '-g ACCEPT', '-j REJECT --reject-with icmp6-adm-prohibited', '-j REJECT --reject-with icmp-host-prohibited'],
      nat: ['-j MASQUERADE --to-ports 1024-2048', '-j SNAT', `-j DNAT --to-destination ${v4 ? '10.0.0.2:8080' : '[fd00::2]:8080'}`, '-j REDIRECT --to-ports 8080', '-j DROP'],
      mangle: ['-j DSCP --set-dscp 99', '-j TTL --ttl-set 64', '-j HL --hl-set 64', '-j TTL', '-j MARK --set-xmark'],
      raw: ['-j CT --zone 70000', '-j CT --bogus', '-j NOTRACK --notrack'],
    },
  };
  return { good, bad };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** One dump with one rule line: good fragments, and with some probability one bad one. */
function generate(r: () => number, f: Family): string {
  const table = pick(r, Object.keys(CHAINS));
  const chain = pick(r, CHAINS[table]!);
  const { good, bad } = pools(f);
  const parts: string[] = [];
  const nParams = Math.floor(r() * 3);
  for (let i = 0; i < nParams; i++) parts.push(pick(r, good.params));
  const nMatches = Math.floor(r() * 3);
  for (let i = 0; i < nMatches; i++) parts.push(pick(r, good.matches));
  if (r() < 0.9) parts.push(pick(r, good.targets[table]!));
  if (r() < 0.5) {
    const kind = Math.floor(r() * 3);
    const frag = kind === 0 ? pick(r, bad.params) : kind === 1 ? pick(r, bad.matches) : pick(r, bad.targets[table]!);
    const at = Math.floor(r() * (parts.length + 1));
    if (kind === 2) {
      const ti = parts.findIndex((p) => p.startsWith('-j ') || p === '-j');
      if (ti >= 0) parts.splice(ti, 1, frag);
      else parts.push(frag);
    } else parts.splice(at, 0, frag);
  }
  return `*${table}\n-A ${chain} ${parts.join(' ')}\nCOMMIT\n`;
}

/** What wglint says iptables-restore --test does: refuse on syntax and userspace checks. */
function weRefuse(text: string, family: Family): boolean {
  const r = parseIptablesSave(text, { family });
  if (r.problems.length) return true;
  for (const t of r.ast.tables) {
    for (const rule of t.rules) {
      if (checkIptCommand(rule.command).some((i) => i.code === 'interface-direction' || i.code === 'drop-in-nat')) return true;
    }
  }
  return false;
}

const reason = oracleAvailable();

describe('iptables-restore --test differential', () => {
  it('agrees with the real iptables-restore on generated dumps (or says loudly that it did not run)', () => {
    if (reason) {
      console.warn(
        `\n*** iptables ORACLE TEST DID NOT RUN: ${reason}. ***\n*** Run as root with iptables 1.8.9 installed (CI does) to compare against iptables-restore --test. ***\n`,
      );
      expect(reason).toBeTruthy();
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'wglint-ipt-oracle-'));
    const version = execFileSync('iptables-restore', ['--version'], { encoding: 'utf8' }).trim();
    try {
      const r = rng(20260225);
      let agree = 0;
      let total = 0;
      let accepted = 0;
      const disagreements: string[] = [];
      for (let k = 0; k < 300; k++) {
        const family: Family = k % 3 === 2 ? 'ipv6' : 'ipv4';
        const text = generate(r, family);
        const file = path.join(dir, `d${k}.rules`);
        writeFileSync(file, text);
        const res = spawnSync('unshare', ['-n', family === 'ipv4' ? 'iptables-restore' : 'ip6tables-restore', '--test', file], { encoding: 'utf8' });
        const realRefuses = res.status !== 0;
        const ours = weRefuse(text, family);
        total++;
        if (!realRefuses) accepted++;
        if (ours === realRefuses) agree++;
        else disagreements.push(`${family} real=${realRefuses ? 'refuse' : 'accept'} ours=${ours ? 'refuse' : 'accept'}: ${text.split('\n')[1]}  [${(res.stderr || '').trim().split('\n')[0]}]`);
      }
      const rate = agree / total;
      console.log(
        [
          `iptables oracle (${version}): ${agree}/${total} generated dumps agree on accept/refuse = ${(100 * rate).toFixed(1)}% (${accepted} accepted by iptables-restore --test)`,
          ...disagreements.slice(0, 25).map((d) => `  disagree: ${d}`),
        ].join('\n'),
      );
      expect(accepted).toBeGreaterThan(30);
      expect(total - accepted).toBeGreaterThan(30);
      expect(rate).toBeGreaterThanOrEqual(0.97);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
