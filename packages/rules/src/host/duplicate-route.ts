import { defineRule } from '@wglint/core';
import type { HostModel, RouteFact } from '@wglint/host';
import { cidrKey } from '@wglint/host';
import { originText } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'duplicate-route',
    severity: 'error',
    summary: 'Two interfaces route the same prefix into the same routing table',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const seen = new Map<string, RouteFact>();
    for (const r of ctx.model.routes) {
      if (!r.cidr || r.origin.kind !== 'wg-quick' || r.op !== 'add') continue;
      const iface = r.origin.iface;
      // wg-quick picks a free table for each full tunnel (multiple-full-tunnels covers those).
      if (r.cidr.prefix === 0 && ctx.model.interfaces.find((i) => i.name === iface)?.table.value === 'auto') continue;
      const key = `${r.family} ${r.table} ${cidrKey(r.cidr)}`;
      const prev = seen.get(key);
      if (!prev) {
        seen.set(key, r);
        continue;
      }
      if (prev.origin.kind !== 'wg-quick' || prev.origin.iface === r.origin.iface) continue;
      ctx.report({
        file: r.origin.file,
        range: r.origin.range,
        message:
          `wg-quick routes ${r.cidr.text} into table ${r.table} for ${r.origin.iface}, but ${prev.origin.iface} already does (AllowedIPs at ${originText(ctx.model, { kind: 'file', file: prev.origin.file, range: prev.origin.range })}): ` +
          `the second \`wg-quick up\` fails with "RTNETLINK answers: File exists". Use a separate Table for one of them (with its own ip rule), or different prefixes.`,
      });
    }
  },
});
