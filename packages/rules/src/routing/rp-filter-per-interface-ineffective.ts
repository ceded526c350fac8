import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { sysctlInt } from '@wglint/sysctl';
import { bareValue, confKey, type SysctlUse, sysctlUses, useText } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'rp-filter-per-interface-ineffective',
    severity: 'warning',
    summary: 'A per-interface rp_filter lower than net.ipv4.conf.all.rp_filter, which has no effect',
    fixable: false,
    languages: ['sysctl', 'wg'],
  },
  check(ctx) {
    const uses = sysctlUses(ctx.model);
    // The kernel uses max(conf.all, conf.IFACE) (facts §4.1): compare with the final conf.all.
    let all: SysctlUse | undefined;
    for (const u of uses) if (u.key === 'net.ipv4.conf.all.rp_filter' && sysctlInt(bareValue(u.value)) !== undefined) all = u;
    const allValue = sysctlInt(all?.value);
    if (!all || allValue === undefined || allValue === 0) return;
    for (const u of uses) {
      const k = confKey(u.key);
      if (!k || k.family !== 4 || k.name !== 'rp_filter' || k.iface === 'all' || k.iface === '*') continue;
      const v = sysctlInt(bareValue(u.value));
      if (v === undefined || v >= allValue || v > 2) continue;
      const what = k.iface === 'default' ? 'new interfaces' : k.iface;
      ctx.report({
        file: u.file,
        range: u.valueRange,
        message:
          `\`${u.key} = ${u.value}\` has no effect: the kernel uses the larger of conf.all and conf.${k.iface}, and ` +
          `net.ipv4.conf.all.rp_filter is ${allValue} (${useText(ctx.model, all)}), so ${what} still get${k.iface === 'default' ? '' : 's'} ${allValue === 1 ? 'strict (1)' : `${allValue}`} filtering. ` +
          (allValue === 1 && v === 0
            ? `To loosen ${what}, set it to 2 (loose), which is larger than 1; to switch the check off there, set net.ipv4.conf.all.rp_filter = 0 and give every interface its own value.`
            : `Set net.ipv4.conf.all.rp_filter to the lowest value any interface needs and raise the others per interface.`),
      });
    }
  },
});
