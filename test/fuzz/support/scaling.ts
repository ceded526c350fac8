// Linear-time checks without absolute timing: the cost of an input of size 8n is compared with the
// cost at size n. Linear code gives a ratio near 8, quadratic near 64; the bound sits far from both
// (noise, GC and JIT tiers move linear code to ~12-16, never to 40).
import { performance } from 'node:perf_hooks';

export const RATIO_BOUND = 32;
const MIN_BASE_MS = 6;
const MAX_BASE_CHARS = 200_000;

function best(run: () => void, reps: number): number {
  let min = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    run();
    min = Math.min(min, performance.now() - t0);
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
 * Grows `k` until `run(build(k))` costs a few milliseconds (so timer noise is small), then compares
 * it with `run(build(8k))`. Best of `reps` runs each, after a warm-up run.
 */
export function scaling(build: (k: number) => string, run: (text: string) => void, reps = 3): Scaling {
  let k = 8;
  let text = build(k);
  run(text);
  let baseMs = best(() => run(text), reps);
  while (baseMs < MIN_BASE_MS && text.length < MAX_BASE_CHARS) {
    k *= 2;
    text = build(k);
    run(text);
    baseMs = best(() => run(text), reps);
  }
  const big = build(8 * k);
  run(big);
  const bigMs = best(() => run(big), reps);
  return { k, chars: text.length, baseMs, bigMs, ratio: bigMs / Math.max(baseMs, 0.05) };
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
