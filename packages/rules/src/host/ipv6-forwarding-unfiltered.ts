import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { hasDump, originText } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'ipv6-forwarding-unfiltered',
    severity: 'warning',
    summary: 'IPv6 forwarding is on while the host filters only IPv4',
    fixable: false,
    languages: ['sysctl', 'wg'],
  },
  check(ctx) {
    const model = ctx.model;
    const fwd = model.sysctl.up.get('net.ipv6.conf.all.forwarding');
    if (!fwd || fwd.value !== '1' || fwd.origin.kind === 'default' || fwd.origin.kind === 'wg-quick') return;
    if (!hasDump(model, 'ipv4') || hasDump(model, 'ipv6')) return;
    if (model.nft.chains.some((c) => c.hook === 'forward' && (c.family === 'inet' || c.family === 'ip6'))) return;
    if (model.interfaces.some((i) => i.hooks.some((c) => c.type === 'iptables' && c.family === 'ipv6' && c.ipt.chain?.text === 'FORWARD'))) return;
    ctx.report({
      file: fwd.origin.file,
      range: fwd.origin.range,
      message:
        `IPv6 forwarding is on (${originText(model, fwd.origin)}) but the host's firewall is an IPv4 dump only (no rules.v6, no ip6/inet nft forward chain): ` +
        `ip6tables FORWARD keeps its ACCEPT policy, so everything the IPv4 rules block is forwarded over IPv6. Add etc/iptables/rules.v6 mirroring the IPv4 rules, or turn IPv6 forwarding off.`,
    });
  },
});
