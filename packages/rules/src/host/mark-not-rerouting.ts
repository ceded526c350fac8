import { defineRule } from '@wglint/core';
import type { HostModel, IpRuleFact, IptChainState, IptRuleFact, NftRuleFact } from '@wglint/host';
import { parseUnsigned } from '@wglint/iproute';
import { originText } from './utils.js';

/**
 * Where a packet mark still changes the route: before the routing decision of forwarded and
 * incoming packets (PREROUTING of raw, mangle, nat), and in mangle OUTPUT, after which the kernel
 * routes a local packet again if its mark changed. Tested in a network namespace (Linux 6.1,
 * iptables 1.8.9 nf_tables): a mark set in filter, raw or nat OUTPUT or mangle POSTROUTING left
 * the packet on the main table's route; the same rule in mangle OUTPUT moved it to the fwmark table.
 * nft alike (nft 1.0.6): `meta mark set 1` in a `type filter hook output` or a postrouting chain
 * left it on the main route, in a `type route hook output` chain it moved it.
 */
const REROUTING: ReadonlySet<string> = new Set(['raw PREROUTING', 'mangle PREROUTING', 'nat PREROUTING', 'mangle OUTPUT']);
const BUILT_IN: ReadonlySet<string> = new Set(['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']);

export default defineRule<HostModel>({
  meta: {
    id: 'mark-not-rerouting',
    severity: 'warning',
    summary: 'A packet mark meant for an fwmark ip rule is set after the kernel has routed the packet (iptables MARK outside PREROUTING and mangle OUTPUT, nft outside prerouting and route-type output chains)',
    fixable: false,
    languages: ['wg', 'iptables-save', 'nft'],
  },
  check(ctx) {
    const model = ctx.model;
    const fwmarkRules = model.ipRules.filter((r) => r.op === 'add' && !r.not && r.fwmark && !r.fwmark.negated);
    if (fwmarkRules.length === 0) return;
    const chains = [...model.iptables.up.chains.values()];
    // the mark rules first: few hosts have any, and only their chains' reach is needed
    const marks: { c: IptChainState; r: IptRuleFact; routed: IpRuleFact }[] = [];
    for (const c of chains) {
      const sameFamily = fwmarkRules.filter((x) => x.family === c.family);
      for (const r of c.rules) {
        const routed = routingRuleFor(r, sameFamily);
        if (routed) marks.push({ c, r, routed });
      }
    }
    const reach = marks.length > 0 ? builtInsReaching(chains) : new Map<IptChainState, string[]>();
    for (const { c, r, routed } of marks) {
      const o = r.origin;
      const from = reach.get(c) ?? [];
      if (o.kind !== 'file' && o.kind !== 'hook') continue;
      if (from.length === 0 || from.some((b) => REROUTING.has(`${c.table} ${b}`))) continue;
      const where = from.length === 1 && from[0] === c.chain ? `${c.table} ${c.chain}` : `${c.table} ${c.chain} (reached from ${from.join(', ')})`;
      const local = from.includes('OUTPUT');
      ctx.report({
        file: o.file,
        range: o.range,
        message:
          `This rule sets the packet mark in ${where}, after the kernel has chosen the route, so the fwmark ip rule ` +
          `(${originText(model, routed.origin)}) never applies to these packets. Only a mark set in PREROUTING (forwarded and incoming packets) ` +
          `or in mangle OUTPUT (${local ? 'this machine\'s own packets, which the kernel routes again when the mark changes' : 'this machine\'s own packets'}) changes the route: ` +
          `move it to \`-t mangle -A ${local ? 'OUTPUT' : 'PREROUTING'}\`.`,
      });
    }
    for (const r of model.nft.rules) {
      if (!r.setsMetaMark || r.hook === undefined) continue; // a regular chain: where it is reached from is not followed
      const chain = model.nft.chains.find((c) => c.family === r.family && c.table === r.table && c.chain === r.chain);
      if (r.hook === 'prerouting' || (r.hook === 'output' && chain?.type === 'route')) continue;
      const routed = nftRoutingRuleFor(r, fwmarkRules.filter((x) => r.family === 'inet' || x.family === (r.family === 'ip6' ? 'ipv6' : 'ipv4')));
      if (!routed) continue;
      const local = r.hook === 'output';
      ctx.report({
        file: r.location.file,
        range: r.location.range,
        message:
          `This rule sets the packet mark in a ${chain?.type ?? 'filter'} chain on the ${r.hook} hook (${r.family} ${r.table} ${r.chain}), after the kernel has chosen the route, ` +
          `so the fwmark ip rule (${originText(model, routed.origin)}) never applies to these packets. ` +
          (local
            ? 'For this machine\'s own packets only a `type route hook output` chain makes the kernel route a packet again when its mark changes: move the rule there.'
            : 'Set it in a prerouting chain (before the routing decision): move the rule there.'),
      });
    }
  },
});

/** The fwmark ip rule an nft `meta mark set` would select, or undefined. */
function nftRoutingRuleFor(r: NftRuleFact, fwmarkRules: readonly IpRuleFact[]): IpRuleFact | undefined {
  if (r.restoresMark) return fwmarkRules[0];
  const v = r.metaMarkValue;
  if (v === undefined) return undefined;
  return fwmarkRules.find((x) => ((v ^ x.fwmark!.value) & x.fwmark!.mask) >>> 0 === 0);
}

/**
 * For every chain, the built-in chains of its table (itself, if built-in) from which jumps and
 * gotos reach it, sorted. One walk per built-in chain over the table's jumps: linear in the rules.
 */
function builtInsReaching(chains: readonly IptChainState[]): Map<IptChainState, string[]> {
  const out = new Map<IptChainState, string[]>();
  const tables = new Map<string, Map<string, IptChainState>>();
  for (const c of chains) {
    const k = `${c.family} ${c.table}`;
    let t = tables.get(k);
    if (!t) tables.set(k, (t = new Map()));
    t.set(c.chain, c);
    out.set(c, []);
  }
  for (const byName of tables.values()) {
    for (const b of [...byName.keys()].filter((n) => BUILT_IN.has(n)).sort()) {
      const seen = new Set<string>([b]);
      for (const stack = [b]; stack.length > 0; ) {
        const c = byName.get(stack.pop()!)!;
        out.get(c)!.push(b);
        for (const r of c.rules) {
          const t = r.facts.target;
          if (t !== undefined && !seen.has(t) && byName.has(t) && !BUILT_IN.has(t)) {
            seen.add(t);
            stack.push(t);
          }
        }
      }
    }
  }
  return out;
}

/** The fwmark ip rule the marks this rule sets would select, or undefined. */
function routingRuleFor(r: IptRuleFact, fwmarkRules: readonly IpRuleFact[]): IpRuleFact | undefined {
  const f = r.facts;
  if (f.target === 'CONNMARK') return f.targetOptions['restore-mark'] !== undefined ? fwmarkRules[0] : undefined;
  if (f.target !== 'MARK') return undefined;
  const raw = f.targetOptions['set-xmark'] ?? f.targetOptions['set-mark'];
  if (raw === undefined) return undefined;
  const [v, m] = raw.split('/');
  const value = parseUnsigned(v ?? '');
  const mask = m === undefined ? 0xffffffff : parseUnsigned(m);
  if (value === undefined || mask === undefined) return undefined;
  // the rule decides the bits in `mask`; an ip rule selects on the bits of its own mask
  return fwmarkRules.find((x) => {
    const both = (x.fwmark!.mask & mask) >>> 0;
    return both !== 0 && ((value ^ x.fwmark!.value) & both) >>> 0 === 0;
  });
}
