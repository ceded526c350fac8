import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { confKey, sysctlUses } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'sysctl-interface-key-at-boot',
    severity: 'info',
    summary: 'A sysctl.d setting for a WireGuard interface, applied at boot before wg-quick creates it',
    fixable: false,
    languages: ['sysctl'],
  },
  check(ctx) {
    const wgNames = new Set(ctx.model.interfaces.map((i) => i.name));
    for (const u of sysctlUses(ctx.model)) {
      if (u.source !== 'file') continue;
      const k = confKey(u.key);
      if (!k || !(wgNames.has(k.iface) || /^wg[\w-]*$/.test(k.iface))) continue;
      const fam = k.family === 4 ? 'ipv4' : 'ipv6';
      ctx.report({
        file: u.file,
        range: u.keyRange,
        message:
          `\`${u.key}\` is applied at boot, before \`wg-quick up ${k.iface}\` creates the interface (sysctl: cannot stat /proc/sys/net/${fam}/conf/${k.iface}/${k.name}), ` +
          `and every new ${k.iface} starts from net.${fam}.conf.default.${k.name} again. ` +
          `Set it when the interface exists: \`PostUp = sysctl -w net.${fam}.conf.%i.${k.name}=${u.value}\` in ${k.iface}.conf.`,
      });
    }
  },
});
