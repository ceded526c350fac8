import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { wgToolsBefore } from '@wglint/host';
import { shown } from './utils.js';

const RESET = new Set(['private-key', 'listen-port', 'fwmark']);

export default defineRule<HostModel>({
  meta: {
    id: 'preup-wg-set-wiped',
    severity: 'warning',
    summary: '`wg set %i private-key|listen-port|fwmark` in PreUp is reset by wg setconf on wireguard-tools before 1.0.20260223',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const v = ctx.model.targets.wireguardTools;
    if (!wgToolsBefore(v, '1.0.20260223')) return;
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (c.hook !== 'PreUp' || c.type !== 'wg' || c.words[1]?.text !== 'set') continue;
        const w = c.words.find((x) => RESET.has(x.text));
        if (!w) continue;
        ctx.report({
          file: c.file,
          range: w.range,
          message:
            `With wireguard-tools ${v}, wg-quick runs \`wg setconf\` after PreUp, which resets ${w.text} when the file does not set it (facts §1.6): \`${shown(c, 50)}\` has no effect. ` +
            `Run it in PostUp instead.`,
        });
      }
    }
  },
});
