import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { cidrKey, cidrOverlaps } from '@wglint/host';
import { isUp } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'masquerade-source-mismatch',
    severity: 'warning',
    summary: "A hook's MASQUERADE/SNAT -s range does not cover the tunnel's addresses",
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      const nets = [...i.addresses.map((a) => a.cidr), ...i.peers.flatMap((p) => p.allowedIps.map((a) => a.cidr)).filter((c) => c.prefix > 0)];
      if (nets.length === 0) continue;
      for (const c of i.hooks) {
        if (!isUp(c) || c.refused || c.type !== 'iptables' || !c.facts || c.ipt.table !== 'nat' || c.ipt.chain?.text !== 'POSTROUTING') continue;
        const f = c.facts;
        if ((f.target !== 'MASQUERADE' && f.target !== 'SNAT') || !f.source || f.source.negated || f.source.cidrs.length === 0) continue;
        if (f.outIface && !f.outIface.negated && f.outIface.name === i.name) continue; // NAT into the tunnel: sources are elsewhere
        const fam = f.source.cidrs.filter((s) => nets.some((n) => n.family === s.family));
        if (fam.length === 0 || fam.some((s) => nets.some((n) => cidrOverlaps(n, s)))) continue;
        const sArg = c.ipt.rule?.source?.value;
        const own = i.addresses.find((a) => a.cidr.family === fam[0]!.family);
        ctx.report({
          file: c.file,
          range: sArg?.range ?? c.range,
          message:
            `This ${f.target} only translates sources in ${f.source.cidrs.map((x) => x.text).join(', ')}, but ${i.name}'s addresses are ${nets.filter((n) => n.family === fam[0]!.family).map((n) => n.text).join(', ')}: ` +
            `the tunnel clients' traffic leaves untranslated and the replies never find their way back. ` +
            (own ? `Use the tunnel's subnet: \`-s ${cidrKey(own.cidr)}\`.` : `Use the tunnel's subnet.`),
        });
      }
    }
  },
});
