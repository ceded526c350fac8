import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { chainKey } from '@wglint/host';
import { dropsTheRest } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'input-policy-accept',
    severity: 'info',
    summary: 'A WireGuard server accepts everything in INPUT (policy ACCEPT, no final drop)',
    fixable: false,
    languages: ['iptables-save'],
  },
  check(ctx) {
    const model = ctx.model;
    if (!model.interfaces.some((i) => i.listenPort && i.peers.some((p) => !p.endpoint))) return;
    if (model.nft.chains.some((c) => c.hook === 'input' && c.policy === 'drop')) return;
    const c = model.iptables.boot.chains.get(chainKey('ipv4', 'filter', 'INPUT'));
    const up = model.iptables.up.chains.get(chainKey('ipv4', 'filter', 'INPUT'));
    if (!c || !up || up.policy !== 'ACCEPT' || c.policyOrigin.kind !== 'file') return;
    if (dropsTheRest(model.iptables.up, up)) return;
    ctx.report({
      file: c.policyOrigin.file,
      range: c.policyOrigin.range,
      message:
        `INPUT accepts everything that no rule drops, on every interface: besides WireGuard's port, every service listening on this server is reachable from the Internet. ` +
        `Use \`:INPUT DROP\` and accept loopback, RELATED/ESTABLISHED, the WireGuard port and what you administer the host with (seed 001).`,
    });
  },
});
