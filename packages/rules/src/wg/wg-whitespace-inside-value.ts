import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { WG_QUICK_KEYS } from '@wglint/wg';
import { placedEntries, sectionOfKey, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-whitespace-inside-value',
    severity: 'warning',
    summary: 'Whitespace inside a value that wg reads (wg deletes it silently)',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const { entry, kind } of placedEntries(file.ast)) {
        const key = entry.canonicalKey;
        if (key === null || WG_QUICK_KEYS.has(key) || sectionOfKey(key) !== kind) continue;
        // Blanks around list commas (`a, b`) are ordinary layout.
        const meaningful = key === 'AllowedIPs' ? entry.rawValue.replace(/[ \t\v\f\r]*,[ \t\v\f\r]*/g, ',') : entry.rawValue;
        if (!/[ \t\v\f\r]/.test(meaningful)) continue;
        // A value that is wrong anyway is reported by its own rule, with the whole picture.
        const v = entry.value;
        if (('error' in v && v.error !== null) || (v.kind === 'cidr-list' && v.items.some((i) => i.error !== null))) continue;
        const fixed = key === 'AllowedIPs'
          ? entry.rawValue.split(',').map((part) => part.replace(/[ \t\v\f\r]+/g, '')).join(', ')
          : entry.rawValue.replace(/[ \t\v\f\r]+/g, '');
        const shown = entry.secret ? '' : ` \`${entry.rawValue}\``;
        ctx.report({
          file: file.path,
          range: entry.valueRange,
          message: `The ${key} value${shown} contains whitespace: wg deletes every blank in the line, so it reads ${entry.secret ? 'a different value than it looks' : `\`${entry.rawValue.replace(/[ \t\v\f\r]+/g, '')}\``}. Remove the blanks${key === 'Endpoint' ? ' (a space in a host name is a typo)' : ''}.`,
          // A fix would print the key in JSON output: secrets get the message only.
          ...(entry.secret ? {} : { fix: { title: 'Remove the blanks wg ignores', edits: [{ range: entry.valueRange, text: fixed }] } }),
        });
      }
    }
  },
});
