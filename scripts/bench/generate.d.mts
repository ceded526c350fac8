// Types for generate.mjs, so the TypeScript tests can reuse the bench generators.
export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
}
export function rng(seed: number): Rng;
export function fakeKey(r: Rng): string;
export function genNft(rules: number, seed?: number, options?: { inlineSets?: boolean }): string;
export function genIptables(rules: number, seed?: number): string;
export function genWgConfig(peers?: number, seed?: number, iface?: string): string;
export function genWgFleet(hosts?: number, seed?: number): Record<string, string>;
