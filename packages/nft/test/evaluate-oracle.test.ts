// The evaluation-step checks (src/evaluate) against the real nft, in a private network namespace:
// every bad case must be refused by both `nft -c -f` and `nft -f` with the error wglint names,
// and every near miss must load with both while wglint reports nothing. Needs root and nft; when
// either is missing it prints loudly that it did NOT run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNft } from '../src/index.js';
import { BAD, GOOD } from './support/evaluate-cases.js';
import { nftOracleUnavailable } from './support/oracle.js';

const why = nftOracleUnavailable('nft EVALUATE ORACLE TEST', 'reversed ranges, protocol conflicts, inet NAT families and interval overlaps were not checked against the real nft');

const dir = why ? '' : mkdtempSync(path.join(tmpdir(), 'wglint-nft-eval-'));
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
/** Runs `nft -c -f` and `nft -f` on `text`, each in a fresh private namespace. */
function nft(text: string): { check: { ok: boolean; error: string }; load: { ok: boolean; error: string } } {
  const f = path.join(dir, `eval-${seq++}.nft`);
  writeFileSync(f, text);
  const run = (args: string[]): { ok: boolean; error: string } => {
    const r = spawnSync('unshare', ['-n', 'nft', ...args, f], { encoding: 'utf8', timeout: 20_000 });
    const out = `${r.stderr ?? ''}${r.stdout ?? ''}`;
    return { ok: r.status === 0, error: out.split('\n').find((l) => l.includes('Error')) ?? out.split('\n')[0] ?? '' };
  };
  return { check: run(['-c', '-f']), load: run(['-f']) };
}

describe.skipIf(why !== null)('evaluation checks agree with the real nft', () => {
  it('nft refuses every bad case with the error wglint names, and wglint flags it', () => {
    const disagree: string[] = [];
    for (const c of BAD) {
      const r = nft(c.text);
      const wg = parseNft(c.text).problems.map((p) => p.message);
      for (const [mode, res] of [['-c -f', r.check], ['-f', r.load]] as const) {
        if (res.ok) disagree.push(`${c.name}: nft ${mode} loads it, wglint says ${wg[0] ?? 'nothing'}`);
        else if (!c.nft!.some((w) => res.error.includes(w))) disagree.push(`${c.name}: nft ${mode} says "${res.error}", expected one of ${c.nft!.join(' | ')}`);
      }
      if (!wg.some((m) => m.startsWith(c.message!))) disagree.push(`${c.name}: wglint says ${wg.join(' | ') || 'nothing'}`);
    }
    expect(disagree).toEqual([]);
  });

  it('nft loads every near miss, and wglint reports nothing', () => {
    const disagree: string[] = [];
    for (const text of GOOD) {
      const r = nft(text);
      const wg = parseNft(text).problems.map((p) => p.message);
      const label = text.split('\n').slice(0, 5).join(' ').replace(/\s+/g, ' ');
      if (!r.check.ok) disagree.push(`${label}: nft -c -f refuses it: ${r.check.error}`);
      if (!r.load.ok) disagree.push(`${label}: nft -f refuses it: ${r.load.error}`);
      if (wg.length) disagree.push(`${label}: wglint says ${wg.join(' | ')}`);
    }
    expect(disagree).toEqual([]);
  });
});
