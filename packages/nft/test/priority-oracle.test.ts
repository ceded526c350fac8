// The canonical printer's priority names against the real nft (`unshare -n nft -c -f FILE` in a
// private network namespace): for every family × hook × chain type × standard priority (and offsets
// around it), the chain as printed must load wherever the same chain written with a number loads.
// nft 1.0.6 is narrower than 1.1.x (`dstnat` only on prerouting, `srcnat` only on postrouting), so a
// name valid only in newer nft would fail here. Needs root and nft; when either is missing it prints
// loudly that it did NOT run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BRIDGE_PRIORITIES, PRIORITIES, parseNft, printNftCanonical, type NftFamily } from '../src/index.js';
import { CHAIN_TYPE_RULES, FAMILY_HOOKS } from '../src/model/semantics.js';
import { nftOracleUnavailable } from './support/oracle.js';

const why = nftOracleUnavailable('nft PRIORITY ORACLE TEST', 'The printed priorities were not checked against the real nft');

const dir = why ? '' : mkdtempSync(path.join(tmpdir(), 'wglint-nft-prio-'));
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
function nftCheck(text: string): { ok: boolean; out: string } {
  const f = path.join(dir, `prio-${seq++}.nft`);
  writeFileSync(f, text);
  const r = spawnSync('unshare', ['-n', 'nft', '-c', '-f', f], { encoding: 'utf8', timeout: 60_000 });
  return { ok: r.status === 0, out: `${r.stderr ?? ''}${r.stdout ?? ''}` };
}

interface Case {
  readonly label: string;
  /** The chain with its priority as a number. */
  readonly numeric: string;
  /** The same chain through parseNft + printNftCanonical. */
  readonly printed: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  let n = 0;
  for (const [family, hooks] of FAMILY_HOOKS) {
    for (const hook of hooks) {
      for (const [type, rule] of CHAIN_TYPE_RULES) {
        if (!rule.families.has(family) || (rule.hooks && !rule.hooks.has(hook))) continue;
        // bridge `type nat` needs nft_chain_nat for bridge, which this kernel lacks (facts §3.2).
        if (family === 'bridge' && type === 'nat') continue;
        const table = family === 'bridge' ? BRIDGE_PRIORITIES : PRIORITIES;
        const device = family === 'netdev' || hook === 'ingress' ? ' device "lo"' : '';
        for (const [name, base] of table) {
          for (const off of [0, 3, -7, 10]) {
            const value = base + off;
            // The kernel refuses nat chains at priority <= -200 (NF_IP_PRI_CONNTRACK), whatever the spelling.
            if (type === 'nat' && value <= -200) continue;
            const t = `t${n++}`;
            const numeric = `table ${family} ${t} {\n\tchain c {\n\t\ttype ${type} hook ${hook}${device} priority ${value}; policy accept;\n\t}\n}\n`;
            const r = parseNft(numeric);
            const printed = r.problems.length ? `# parse problems: ${r.problems.map((p) => p.message).join('; ')}\n` : printNftCanonical(r.ast);
            out.push({ label: `${family} ${type} ${hook} ${value} (${name}${off ? ` ${off > 0 ? '+' : '-'} ${Math.abs(off)}` : ''})`, numeric, printed });
          }
        }
      }
    }
  }
  return out;
}

describe.skipIf(why !== null)('printed priorities load with the real nft -c', () => {
  const all = cases();

  it('covers every family, hook and chain type', () => {
    const fams = new Set(all.map((c) => c.label.split(' ')[0] as NftFamily));
    expect([...fams].sort()).toEqual(['arp', 'bridge', 'inet', 'ip', 'ip6', 'netdev']);
    expect(all.some((c) => c.label.startsWith('ip nat output -100'))).toBe(true);
    expect(all.find((c) => c.label.startsWith('ip nat output -100'))!.printed).toContain('priority -100;');
  });

  it('every printed chain loads wherever its numeric form loads', () => {
    // One batch each (a per-case `nft` run costs ~10 ms × hundreds); bisect per case only on failure.
    const numeric = all.map((c) => c.numeric).join('');
    const base = nftCheck(numeric);
    const usable = base.ok ? all : all.filter((c) => nftCheck(c.numeric).ok);
    expect(usable.length).toBeGreaterThan(all.length * 0.9);
    const printed = nftCheck(usable.map((c) => c.printed).join(''));
    if (printed.ok) return;
    const failures = usable.map((c) => ({ c, r: nftCheck(c.printed) })).filter((x) => !x.r.ok);
    expect(failures.map((x) => `${x.c.label}: ${x.c.printed.split('\n')[2]!.trim()} → ${x.r.out.split('\n')[0]}`)).toEqual([]);
  });

  it('a name nft < 1.0.9 refuses is refused by the real nft (the test can fail)', () => {
    const v = /v(\d+)\.(\d+)\.(\d+)/.exec(spawnSync('nft', ['--version'], { encoding: 'utf8' }).stdout ?? '');
    const old = v !== null && Number(v[1]) * 10000 + Number(v[2]) * 100 + Number(v[3]) < 10009;
    if (!old) return;
    const r = nftCheck('table ip x {\n\tchain c {\n\t\ttype nat hook output priority dstnat; policy accept;\n\t}\n}\n');
    expect(r.ok).toBe(false);
    expect(r.out).toContain('invalid priority expression value in this context');
  });
});
