import { defineRule } from '@wglint/core';
import type { HostModel, Location } from '@wglint/host';
import { markRoutedInterfaces, placeOf, shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'firewall-rpf-with-mark-routing',
    severity: 'warning',
    summary: 'A strict reverse-path check in the firewall (nft fib, iptables rpfilter) drops the connections a mark-routed interface receives',
    fixable: false,
    languages: ['wg', 'nft'],
  },
  check(ctx) {
    const model = ctx.model;
    for (const { iface, at, nftAt } of markRoutedInterfaces(model)) {
      const strict = strictRpf(model, iface.name);
      if (!strict) continue;
      const where: Location = at ? { file: at.file, range: at.range } : nftAt!;
      ctx.report({
        file: where.file,
        range: where.range,
        message:
          `Connections through ${iface.name} are routed by mark${at ? ` (\`${shown(at, 60)}\`)` : ''}, but ${strict} drops packets whose source is not routed back out the interface they came in on, ` +
          `and connections arriving on ${iface.name} from the Internet are routed back by mark only later: they are dropped. ` +
          `Exempt the interface from the check (nft: \`iifname != "${iface.name}" fib saddr . mark . iif oif missing drop\`; iptables: \`! -i ${iface.name}\` or \`--loose\`).`,
      });
    }
  },
});

/** The strict RPF rule that applies to packets arriving on `iface`, described, or undefined. */
function strictRpf(model: HostModel, iface: string): string | undefined {
  for (const r of model.nft.rules) {
    if (r.verdict !== 'drop' || (r.hook !== undefined && r.hook !== 'prerouting')) continue;
    const fib = r.matches.find((m) => m.key.startsWith('fib ') && / saddr\b/.test(m.key) && / iif\b/.test(m.key));
    if (!fib) continue;
    const exempt = r.matches.some(
      (m) => (m.key === 'meta iifname' || m.key === 'meta iif') && (m.negated ? m.values.includes(iface) : !m.values.includes(iface)),
    );
    if (exempt) continue;
    return `the nft rule at ${placeOf(model, r.location.file, r.location.range.start)} (strict \`fib saddr ... iif\`)`;
  }
  for (const c of model.iptables.up.chains.values()) {
    if (c.chain !== 'PREROUTING') continue;
    for (const r of c.rules) {
      // the target first: it is at hand, the module list is read from the rule on demand
      if ((r.facts.target !== 'DROP' && r.facts.target !== 'REJECT') || !r.facts.modules.includes('rpfilter')) continue;
      const opts = r.command.rule?.matches.find((m) => m.name === 'rpfilter')?.options ?? [];
      if (opts.some((o) => o.name === 'loose' || o.name === 'invert')) continue;
      const ii = r.facts.inIface;
      if (ii && (ii.negated ? ii.name === iface : ii.name !== iface)) continue;
      if (r.origin.kind === 'default') continue;
      return `\`-m rpfilter\` without --loose at ${placeOf(model, r.origin.file, r.origin.range.start)}`;
    }
  }
  return undefined;
}
