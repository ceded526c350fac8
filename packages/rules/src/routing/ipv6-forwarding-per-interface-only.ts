import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { confKey, sysctlUses } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'ipv6-forwarding-per-interface-only',
    severity: 'warning',
    summary: 'IPv6 forwarding enabled on single interfaces but not in net.ipv6.conf.all.forwarding, so nothing is forwarded',
    fixable: false,
    languages: ['sysctl', 'wg'],
  },
  check(ctx) {
    const uses = sysctlUses(ctx.model);
    let all = '0';
    for (const u of uses) if (u.key === 'net.ipv6.conf.all.forwarding') all = u.value.trim();
    if (all === '1') return;
    // Linux 6.17+ `force_forwarding` forwards on one interface regardless of conf.all.
    const forced = new Set(uses.filter((u) => confKey(u.key)?.name === 'force_forwarding' && u.value.trim() === '1').map((u) => confKey(u.key)!.iface));
    for (const u of uses) {
      const k = confKey(u.key);
      if (!k || k.family !== 6 || k.name !== 'forwarding' || k.iface === 'all' || u.value.trim() !== '1' || forced.has(k.iface)) continue;
      ctx.report({
        file: u.file,
        range: u.range,
        message:
          `\`${u.key} = 1\` only switches ${k.iface === 'default' ? 'new interfaces' : k.iface} to router behaviour; the kernel forwards IPv6 packets only when ` +
          'net.ipv6.conf.all.forwarding is 1, which this host never sets. Set `net.ipv6.conf.all.forwarding = 1` (or, on Linux 6.17 and later, `force_forwarding = 1` for the interface).',
      });
    }
  },
});
