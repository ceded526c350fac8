import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { placeOf } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'duplicate-listen-port',
    severity: 'error',
    summary: 'Two interfaces of one host listen on the same UDP port',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const first = new Map<number, (typeof ctx.model.interfaces)[number]>();
    for (const i of ctx.model.interfaces) {
      const p = i.listenPort;
      if (!p || p.value === 0) continue;
      const prev = first.get(p.value);
      if (!prev) {
        first.set(p.value, i);
        continue;
      }
      ctx.report({
        file: i.file,
        range: p.range,
        message:
          `ListenPort ${p.value} is also used by ${prev.name} (${placeOf(ctx.model, prev.file, prev.listenPort!.range.start)}): ` +
          `whichever interface comes up second fails with "Address already in use". Give each interface its own port.`,
      });
    }
  },
});
