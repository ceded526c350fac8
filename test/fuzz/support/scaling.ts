// Linear-time checks without absolute timing: the cost of an input of size 8n is compared with the
// cost at size n. Linear code gives a ratio near 8, quadratic near 64; the bound sits far from both
// (the fixed per-call cost is subtracted; noise, GC and JIT tiers move linear code to ~10-14).
import { performance } from 'node:perf_hooks';

export const RATIO_BOUND = 24;
/** `npm run fuzz` sets WGLINT_FUZZ_LONG=1: bigger inputs, for paths that turn quadratic late. */
const LONG = process.env['WGLINT_FUZZ_LONG'] === '1';
const MIN_BASE_MS = LONG ? 20 : 3;
const MAX_BASE_CHARS = LONG ? 400_000 : 40_000;
/**
 * A path so fast that its cost at `MAX_BASE_CHARS` is still below `MIN_BASE_MS` grows up to this:
 * a base cost within the timer's noise would make the ratio noise.
 */
const MAX_FAST_BASE_CHARS = 16 * MAX_BASE_CHARS;

/**
 * Cost of a run: this process's CPU time (user + system), not wall time, so other processes on a
 * busy CI machine do not inflate it; the best of `reps`.
 */
function best(run: () => void, reps: number): number {
  let min = Infinity;
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    const c = process.cpuUsage(c0);
    // CPU time can exceed wall time (GC helper threads); take the smaller, both grow with work
    min = Math.min(min, Math.min((c.user + c.system) / 1000, performance.now() - t0) || performance.now() - t0);
  }
  return min;
}

export interface Scaling {
  readonly k: number;
  readonly chars: number;
  readonly baseMs: number;
  readonly bigMs: number;
  readonly ratio: number;
}

/**
 * Grows `k` until `run(build(k))` costs a few milliseconds more than `run(build(0))` (so timer
 * noise and fixed per-call work are small against it), then compares the cost above that fixed
 * part with the one at 8k. Best of `reps` runs each, after a warm-up run. A ratio over the bound is
 * re-measured one size up (2k against 16k) and the smaller ratio counts: a one-off cliff (a GC
 * phase, a deoptimisation) hits one pair, a quadratic path hits both.
 */
export function scaling(build: (k: number) => string, run: (text: string) => void, reps = LONG ? 2 : 3): Scaling {
  const empty = build(0);
  run(empty);
  const fixed = best(() => run(empty), reps);
  const cost = (text: string) => {
    run(text);
    return Math.max(best(() => run(text), reps) - fixed, 0.05);
  };
  let k = 8;
  let text = build(k);
  let baseMs = cost(text);
  while ((baseMs < 2 * fixed && text.length < MAX_BASE_CHARS) || (baseMs < MIN_BASE_MS && text.length < MAX_FAST_BASE_CHARS)) {
    k *= 2;
    text = build(k);
    baseMs = cost(text);
  }
  const pair = (kk: number, base: string, baseTime: number): Scaling => {
    const bigMs = cost(build(8 * kk));
    return { k: kk, chars: base.length, baseMs: baseTime, bigMs, ratio: bigMs / baseTime };
  };
  const first = pair(k, text, baseMs);
  if (first.ratio < RATIO_BOUND) return first;
  const base2 = build(2 * k);
  const second = pair(2 * k, base2, cost(base2));
  return second.ratio < first.ratio ? second : first;
}

/** `unit(i)` for i in [0, k), joined. */
export const repeat = (k: number, unit: (i: number) => string, head = '', tail = ''): string => {
  const parts: string[] = [head];
  for (let i = 0; i < k; i++) parts.push(unit(i));
  parts.push(tail);
  return parts.join('');
};

/** A dotted quad from an index, unique below 2^24. */
export const ipOf = (i: number, a = 10): string => `${a}.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
