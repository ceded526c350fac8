import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { wgToolsBefore } from '@wglint/host';
import { needsInterface } from './postdown-needs-interface.js';
import { shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'preup-before-link',
    severity: 'warning',
    summary: 'A PreUp command needs the interface, which wireguard-tools before 1.0.20250521 creates only after PreUp',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const v = ctx.model.targets.wireguardTools;
    if (!wgToolsBefore(v, '1.0.20250521')) return;
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (c.hook !== 'PreUp' || c.refused || c.tolerated) continue;
        const why = needsInterface(c, i.name);
        if (!why) continue;
        ctx.report({
          file: c.file,
          range: c.range,
          message:
            `With wireguard-tools ${v}, PreUp runs before \`ip link add ${i.name}\`, so \`${shown(c, 60)}\` (${why}) fails and \`wg-quick up\` aborts. Move it to PostUp.`,
        });
      }
    }
  },
});
