import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import type { NftStatement } from '@wglint/nft';
import { NAT_HOOKS, reachingBaseChains } from '@wglint/nft';
import { nftLoads, reporter } from './utils.js';

const WHERE: Record<string, string> = {
  snat: '`type nat` chain on the postrouting (or input) hook, e.g. `type nat hook postrouting priority srcnat;`',
  masquerade: '`type nat` chain on the postrouting hook, e.g. `type nat hook postrouting priority srcnat;`',
  dnat: '`type nat` chain on the prerouting (or output) hook, e.g. `type nat hook prerouting priority dstnat;`',
  redirect: '`type nat` chain on the prerouting (or output) hook, e.g. `type nat hook prerouting priority dstnat;`',
};

export default defineRule<HostModel>({
  meta: {
    id: 'nft-nat-outside-nat-chain',
    severity: 'error',
    summary: 'A NAT statement runs in a chain that is not a `type nat` chain on a hook allowing it; the kernel refuses the ruleset on load',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    for (const load of nftLoads(ctx.model.files)) {
      for (const t of load.model.tables) {
        if (t.family !== 'ip' && t.family !== 'ip6' && t.family !== 'inet') continue;
        for (const c of t.chains.values()) {
          const nats: { s: Extract<NftStatement, { type: 'NftNat' }>; file: string }[] = [];
          for (const r of c.rules) {
            if (!hasNat(r.node.statements)) continue;
            for (const s of natStatements(r.node.statements)) nats.push({ s, file: r.file });
          }
          if (nats.length === 0) continue;
          const reach = reachingBaseChains(c);
          for (const { s, file } of nats) {
            const allowed = NAT_HOOKS.get(s.kind)!;
            const bad = reach.find((r) => r.base.hook !== null && r.base.chainType !== null && (r.base.chainType !== 'nat' || !allowed.has(r.base.hook)));
            if (!bad) continue;
            const via = bad.path.length > 1 ? ` (reached via ${bad.path.map((x) => x.name).join(' → ')})` : '';
            report({
              file,
              range: s.range,
              message:
                `\`${s.kind}\` runs in chain \`${bad.base.name}\` (type ${bad.base.chainType} hook ${bad.base.hook})${via}; ` +
                `the kernel refuses this on load ("Operation not supported"; \`nft -c\` does not catch it). Move the rule to a ${WHERE[s.kind]}.`,
            });
          }
        }
      }
    }
  },
});

/** Whether a rule has a NAT statement, also inside anonymous chains (allocates nothing). */
function hasNat(stmts: readonly NftStatement[]): boolean {
  for (const s of stmts) {
    if (s.type === 'NftNat') return true;
    if (s.type === 'NftVerdict' && Array.isArray(s.target)) for (const r of s.target) if (hasNat(r.statements)) return true;
  }
  return false;
}

/** NAT statements of a rule, also inside anonymous chains. */
function natStatements(stmts: readonly NftStatement[]): Extract<NftStatement, { type: 'NftNat' }>[] {
  const out: Extract<NftStatement, { type: 'NftNat' }>[] = [];
  for (const s of stmts) {
    if (s.type === 'NftNat') out.push(s);
    else if (s.type === 'NftVerdict' && Array.isArray(s.target)) for (const r of s.target) out.push(...natStatements(r.statements));
  }
  return out;
}
