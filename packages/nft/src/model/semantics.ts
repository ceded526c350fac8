// Facts about families, hooks, chain types and NAT (facts §3.2, checked against nft 1.0.6 and
// the kernel with `unshare -n nft -f`), and graph queries over the model's jump edges.
import type { NftFamily, NftStatement } from '../ast.js';
import type { NftChainSymbol, NftJumpEdge, NftModel } from './types.js';

/** Hooks each family supports (`ingress` in inet needs kernel ≥ 5.10 and a device). */
export const FAMILY_HOOKS: ReadonlyMap<NftFamily, ReadonlySet<string>> = new Map<NftFamily, ReadonlySet<string>>([
  ['ip', new Set(['prerouting', 'input', 'forward', 'output', 'postrouting'])],
  ['ip6', new Set(['prerouting', 'input', 'forward', 'output', 'postrouting'])],
  ['inet', new Set(['prerouting', 'input', 'forward', 'output', 'postrouting', 'ingress'])],
  ['arp', new Set(['input', 'output'])],
  ['bridge', new Set(['prerouting', 'input', 'forward', 'output', 'postrouting'])],
  ['netdev', new Set(['ingress', 'egress'])],
]);

/** Families and hooks each chain type allows. */
export const CHAIN_TYPE_RULES: ReadonlyMap<string, { readonly families: ReadonlySet<NftFamily>; readonly hooks: ReadonlySet<string> | null }> = new Map([
  ['filter', { families: new Set<NftFamily>(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']), hooks: null }],
  ['nat', { families: new Set<NftFamily>(['ip', 'ip6', 'inet']), hooks: new Set(['prerouting', 'input', 'output', 'postrouting']) }],
  ['route', { families: new Set<NftFamily>(['ip', 'ip6', 'inet']), hooks: new Set(['output']) }],
]);

/**
 * Hooks where the kernel accepts each NAT statement (nft_nat_validate, nft_masq_validate,
 * nft_redir_validate): in a `type nat` chain only.
 */
export const NAT_HOOKS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['snat', new Set(['postrouting', 'input'])],
  ['masquerade', new Set(['postrouting'])],
  ['dnat', new Set(['prerouting', 'output'])],
  ['redirect', new Set(['prerouting', 'output'])],
]);

/** Base chains from which `chain` is reached (itself when it is a base chain), with one path each. */
export function reachingBaseChains(chain: NftChainSymbol): { base: NftChainSymbol; path: NftChainSymbol[] }[] {
  const out: { base: NftChainSymbol; path: NftChainSymbol[] }[] = [];
  const seen = new Set<NftChainSymbol>([chain]);
  const queue: { c: NftChainSymbol; path: NftChainSymbol[] }[] = [{ c: chain, path: [chain] }];
  while (queue.length) {
    const { c, path } = queue.shift()!;
    if (c.base) out.push({ base: c, path });
    for (const e of c.jumpedFrom) {
      if (seen.has(e.from)) continue;
      seen.add(e.from);
      queue.push({ c: e.from, path: [e.from, ...path] });
    }
  }
  return out;
}

/**
 * Jump/goto cycles reachable from a base chain (nft refuses them on load: `Too many links`).
 * Each cycle is reported once, by the edge that closes it.
 */
export function findJumpCycles(model: NftModel): { edge: NftJumpEdge; cycle: NftChainSymbol[] }[] {
  const out: { edge: NftJumpEdge; cycle: NftChainSymbol[] }[] = [];
  const state = new Map<NftChainSymbol, 1 | 2>();
  // Iterative DFS (rulesets may chain thousands of jumps); `path` is the current stack of chains.
  for (const t of model.tables) {
    for (const start of t.chains.values()) {
      if (!start.base || state.has(start)) continue;
      const path: NftChainSymbol[] = [start];
      const next: number[] = [0];
      state.set(start, 1);
      while (path.length) {
        const c = path[path.length - 1]!;
        const i = next[next.length - 1]!;
        if (i >= c.jumps.length) {
          state.set(c, 2);
          path.pop();
          next.pop();
          continue;
        }
        next[next.length - 1] = i + 1;
        const e = c.jumps[i]!;
        if (!e.to) continue;
        const s = state.get(e.to);
        if (s === 1) out.push({ edge: e, cycle: [...path.slice(path.indexOf(e.to)), e.to] });
        else if (s === undefined) {
          state.set(e.to, 1);
          path.push(e.to);
          next.push(0);
        }
      }
    }
  }
  return out;
}

const FILTERING_KEYWORDS: ReadonlySet<string> = new Set(['limit', 'quota', 'meter', 'last', 'set', 'xt', 'flow', 'ct count']);

/** Whether a rule matches every packet: no match-like statement before its verdict. */
export function isMatchStatement(s: NftStatement): boolean {
  if (s.type === 'NftMatch') return true;
  if (s.type === 'NftVmap') return true;
  if (s.type === 'NftStatement') {
    // limit and quota restrict which packets go on; meters and `set` with stateful options too.
    return FILTERING_KEYWORDS.has(s.keyword);
  }
  return false;
}
