import type { Language } from '@wglint/core';
import { describe, expect, it } from 'vitest';
import type { IptRuleFact } from '../src/index.js';
import { buildHostModel, parseSourceFile } from '../src/index.js';

function model(files: Record<string, string>) {
  const lang = (p: string): Language => (p.endsWith('rules.v4') ? 'iptables-save' : 'wg');
  return buildHostModel('.', Object.entries(files).map(([path, text]) => parseSourceFile({ path, text, language: lang(path) })));
}

/** Small seeded PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return (n: number): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

type Op = { kind: 'A' | 'I'; at?: number; label: number; drop: boolean } | { kind: 'D'; at: number } | { kind: 'Dspec'; label: number; drop: boolean };

const spec = (label: number, drop: boolean): string => `-s 10.0.${label >> 8}.${label & 255}/32 -j ${drop ? (label % 2 ? 'DROP' : 'REJECT') : 'ACCEPT'}`;
const labelOf = (r: IptRuleFact): number => {
  const m = /10\.0\.(\d+)\.(\d+)/.exec(r.facts.source?.cidrs[0]?.text ?? '')!;
  return Number(m[1]) * 256 + Number(m[2]);
};

/**
 * What `droppingBefore` must hold for each insertion, replayed naively: the first 64 DROP/REJECT
 * rules before the insertion point, with their positions.
 */
function expected(dump: Op[], hooks: Op[]): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  const chain: Array<{ label: number; drop: boolean }> = [];
  const before = (index: number): Array<[number, number]> => {
    const d: Array<[number, number]> = [];
    for (let k = 0; k < index && d.length < 64; k++) if (chain[k]!.drop) d.push([chain[k]!.label, k]);
    return d;
  };
  for (const op of dump) {
    if (op.kind !== 'A' && op.kind !== 'I') continue;
    const index = op.kind === 'I' ? Math.min(Math.max((op.at ?? 1) - 1, 0), chain.length) : chain.length;
    out.push(before(index));
    chain.splice(index, 0, { label: op.label, drop: op.drop });
  }
  for (const op of hooks) {
    if (op.kind === 'D') chain.splice(op.at - 1, 1);
    else if (op.kind === 'Dspec') {
      const at = chain.findIndex((r) => r.label === op.label);
      if (at >= 0) chain.splice(at, 1);
    } else {
      const n = op.kind === 'I' ? (op.at ?? 1) : chain.length + 1;
      if (n < 1 || n > chain.length + 1) continue;
      out.push(before(n - 1));
      chain.splice(n - 1, 0, { label: op.label, drop: op.drop });
    }
  }
  return out;
}

function scenario(seed: number, dumpSize: number, hookCount: number): { dump: Op[]; hooks: Op[] } {
  const r = rng(seed);
  let label = 0;
  const live: Array<{ label: number; drop: boolean }> = [];
  const dump: Op[] = [];
  for (let k = 0; k < dumpSize; k++) {
    const op: Op = { kind: r(5) === 0 ? 'I' : 'A', label: label++, drop: r(3) !== 0 };
    if (op.kind === 'I') op.at = 1 + r(live.length + 3);
    dump.push(op);
    live.push({ label: op.label, drop: op.drop });
  }
  const hooks: Op[] = [];
  for (let k = 0; k < hookCount; k++) {
    const c = r(6);
    if (c === 0) hooks.push({ kind: 'D', at: 1 + r(40) });
    else if (c === 1) {
      const v = live[r(live.length)]!;
      hooks.push({ kind: 'Dspec', label: v.label, drop: v.drop });
    } else {
      const op: Op = { kind: c === 2 ? 'A' : 'I', label: label++, drop: r(2) === 0 };
      if (op.kind === 'I') op.at = 1 + r(dumpSize + 4);
      hooks.push(op);
      live.push({ label: op.label, drop: op.drop });
    }
  }
  return { dump, hooks };
}

function files(dump: Op[], hooks: Op[]): Record<string, string> {
  const dumpLines = dump.map((op) => (op.kind === 'I' ? `-I FORWARD ${op.at} ${spec(op.label, op.drop)}` : op.kind === 'A' ? `-A FORWARD ${spec(op.label, op.drop)}` : ''));
  const hookLines = hooks.map((op) =>
    op.kind === 'D'
      ? `PostUp = iptables -D FORWARD ${op.at}`
      : op.kind === 'Dspec'
        ? `PostUp = iptables -D FORWARD ${spec(op.label, op.drop)}`
        : `PostUp = iptables -${op.kind} FORWARD ${op.kind === 'I' ? `${op.at} ` : ''}${spec(op.label, op.drop)}`,
  );
  return {
    'etc/iptables/rules.v4': `*filter\n:FORWARD ACCEPT [0:0]\n${dumpLines.join('\n')}\nCOMMIT\n`,
    'etc/wireguard/wg0.conf': `[Interface]\nAddress = 10.9.0.1/24\n${hookLines.join('\n')}\n`,
  };
}

describe('iptables insertions: droppingBefore', () => {
  it.each([
    [1, 30, 20],
    [2, 120, 60],
    [3, 200, 150],
    [4, 90, 200],
  ])('matches a naive replay (seed %i, %i dump rules, %i hook commands)', (seed, dumpSize, hookCount) => {
    const { dump, hooks } = scenario(seed, dumpSize, hookCount);
    const m = model(files(dump, hooks));
    const got = m.iptables.insertions.map((ins) => ins.droppingBefore.map((d): [number, number] => [labelOf(d.rule), d.position]));
    expect(got).toEqual(expected(dump, hooks));
    for (const ins of m.iptables.insertions) for (const d of ins.droppingBefore) expect(d.position).toBeLessThan(ins.index);
  });

  it('keeps the first 64 drops when one of them is deleted (the 65th moves up)', () => {
    const dump: Op[] = Array.from({ length: 70 }, (_, k): Op => ({ kind: 'A', label: k, drop: true }));
    const hooks: Op[] = [{ kind: 'D', at: 3 }, { kind: 'Dspec', label: 10, drop: true }, { kind: 'A', label: 500, drop: false }];
    const m = model(files(dump, hooks));
    const last = m.iptables.insertions.at(-1)!;
    expect(last.droppingBefore).toHaveLength(64);
    expect(last.droppingBefore.map((d) => labelOf(d.rule))).toEqual([...Array.from({ length: 66 }, (_, k) => k)].filter((k) => k !== 2 && k !== 10));
    expect(last.droppingBefore.map((d) => d.position)).toEqual(Array.from({ length: 64 }, (_, k) => k));
  });

  it('leaves the dump states alone: up and boot differ only by the hooks', () => {
    const { dump, hooks } = scenario(5, 40, 10);
    const m = model(files(dump, hooks));
    const boot = [...m.iptables.boot.chains.values()].flatMap((c) => c.rules.map(labelOf));
    expect(boot).toHaveLength(dump.length);
    const up = [...m.iptables.up.chains.values()].flatMap((c) => c.rules.map(labelOf));
    expect(up).not.toEqual(boot);
    const afterDown = [...m.iptables.afterDown.chains.values()].flatMap((c) => c.rules.map(labelOf));
    expect(afterDown).toEqual(up); // no down hooks
  });
});
