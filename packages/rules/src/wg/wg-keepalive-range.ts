import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-keepalive-range',
    severity: 'error',
    summary: 'PersistentKeepalive that is not `off` or 0-65535 seconds',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const e of readEntries(file.ast, 'PersistentKeepalive')) {
        if (e.value.kind !== 'keepalive' || e.value.error === null) continue;
        // `25s`: the unit is the only mistake, and seconds are what wg counts.
        const seconds = /^(\d+)\s*s(?:ec(?:onds?)?)?$/i.exec(e.rawValue);
        const fixTo = seconds && Number(seconds[1]) <= 65535 ? String(Number(seconds[1])) : undefined;
        ctx.report({
          file: file.path,
          range: e.valueRange,
          message: `PersistentKeepalive \`${e.rawValue}\` is not \`off\` or a number of seconds from 0 to 65535: wg refuses it ("Persistent keepalive interval is neither 0/off nor 1-65535"). ${fixTo ? `Write \`${fixTo}\` (the unit is always seconds).` : 'Use e.g. `25`.'}`,
          ...(fixTo ? { fix: { title: `Write \`${fixTo}\``, edits: [{ range: e.valueRange, text: fixTo }] } } : {}),
        });
      }
    }
  },
});
