import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { confKey, sysctlUses } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'ipv6-forwarding-disables-ra',
    severity: 'warning',
    summary: 'IPv6 forwarding enabled without accept_ra = 2, so the host stops learning its default route from router advertisements',
    fixable: false,
    languages: ['sysctl', 'wg'],
  },
  check(ctx) {
    const uses = sysctlUses(ctx.model);
    const ra2 = uses.some((u) => confKey(u.key)?.family === 6 && confKey(u.key)?.name === 'accept_ra' && u.value.trim() === '2');
    if (ra2) return;
    const noRa = uses.some((u) => confKey(u.key)?.family === 6 && ['autoconf', 'accept_ra'].includes(confKey(u.key)!.name) && u.value.trim() === '0' && confKey(u.key)!.iface !== 'default');
    if (noRa) return;
    for (const u of uses) {
      const k = confKey(u.key);
      if (!k || k.family !== 6 || k.name !== 'forwarding' || k.iface !== 'all' || u.value.trim() !== '1') continue;
      ctx.report({
        file: u.file,
        range: u.range,
        message:
          'With net.ipv6.conf.all.forwarding = 1 the kernel ignores IPv6 router advertisements on interfaces whose accept_ra is 1 (the default), ' +
          'so a server that gets its IPv6 default route by SLAAC/RA loses it when the route expires. ' +
          'Set `net.ipv6.conf.<uplink>.accept_ra = 2` for the uplink (for example eth0), or ignore this on a host with static IPv6 routes.',
      });
    }
  },
});
