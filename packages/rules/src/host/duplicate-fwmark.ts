import { defineRule } from '@wglint/core';
import type { HostModel, WgInterface } from '@wglint/host';
import { placeOf } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'duplicate-fwmark',
    severity: 'warning',
    summary: 'Two interfaces set the same FwMark',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const first = new Map<number, WgInterface>();
    for (const i of ctx.model.interfaces) {
      const m = i.fwMark;
      if (!m || m.value === 0) continue;
      const prev = first.get(m.value);
      if (!prev) {
        first.set(m.value, i);
        continue;
      }
      ctx.report({
        file: i.file,
        range: m.range,
        message:
          `FwMark ${m.value} is also set on ${prev.name} (${placeOf(ctx.model, prev.file, prev.fwMark!.range.start)}): ip rules and firewall rules that select one tunnel's ` +
          `encrypted packets by this mark also catch the other's. Give each interface its own mark.`,
      });
    }
  },
});
