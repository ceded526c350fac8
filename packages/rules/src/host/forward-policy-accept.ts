import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { chainKey } from '@wglint/host';
import { dropsTheRest, gatewayHooks, hasDump, ipv4Forwarding, shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'forward-policy-accept',
    severity: 'warning',
    summary: 'A WireGuard gateway forwards with FORWARD policy ACCEPT and no final drop (no kill switch)',
    fixable: false,
    languages: ['iptables-save', 'wg'],
  },
  check(ctx) {
    const model = ctx.model;
    if (!hasDump(model, 'ipv4') || !ipv4Forwarding(model)) return;
    // An nft forward chain with policy drop filters forwarding too.
    if (model.nft.chains.some((c) => c.hook === 'forward' && c.policy === 'drop' && c.family !== 'ip6')) return;
    const chain = model.iptables.up.chains.get(chainKey('ipv4', 'filter', 'FORWARD'));
    if (!chain || chain.policy !== 'ACCEPT' || dropsTheRest(model.iptables.up, chain)) return;
    const gw = model.interfaces.flatMap((i) => gatewayHooks(i).map((c) => ({ i, c })))[0];
    if (!gw) return;
    const o = chain.policyOrigin;
    const where = o.kind === 'file' || o.kind === 'hook' ? { file: o.file, range: o.range } : { file: gw.c.file, range: gw.c.range };
    ctx.report({
      file: where.file,
      range: where.range,
      message:
        `The FORWARD policy is ACCEPT and no rule drops the rest, while ${gw.i.name} is a gateway (\`${shown(gw.c, 60)}\`) with forwarding on: ` +
        `the host forwards any traffic between any interfaces, and when the tunnel is down clients' traffic leaves unencrypted (no kill switch). ` +
        `Set the FORWARD policy to DROP and accept only what the tunnel needs (\`-i ${gw.i.name} -o <uplink>\` and RELATED,ESTABLISHED back).`,
    });
  },
});
