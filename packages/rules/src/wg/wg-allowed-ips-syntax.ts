import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { compareVersions, readEntries, wgFiles } from './utils.js';

/** First wireguard-tools release whose wg accepts `+`/`-` AllowedIPs (commit 0788f90). */
const INCREMENTAL_SINCE = '1.0.20250521';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-allowed-ips-syntax',
    severity: 'error',
    summary: 'AllowedIPs element that wg cannot parse (empty, not an IP, prefix too long, +/- on old wg)',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    const oldWg = compareVersions(ctx.model.targets.wireguardTools, INCREMENTAL_SINCE) < 0;
    for (const file of wgFiles(ctx.model)) {
      for (const e of readEntries(file.ast, 'AllowedIPs')) {
        if (e.value.kind !== 'cidr-list') continue;
        const items = e.value.items;
        items.forEach((item, i) => {
          if (item.error === 'empty') {
            // The comma before an empty element (after it for the first) is the whole mistake.
            const commaAt = i > 0 ? file.text.lastIndexOf(',', item.range.start) : file.text.indexOf(',', item.range.end);
            ctx.report({
              file: file.path,
              range: { start: commaAt, end: commaAt + 1 },
              message: `Empty element in AllowedIPs (a stray comma): wg refuses the line ("Unable to parse IP address: \`'"). Remove the extra comma.`,
              fix: { title: 'Remove the extra comma', edits: [{ range: { start: commaAt, end: commaAt + 1 }, text: '' }] },
            });
          } else if (item.error === 'address') {
            const written = file.text.slice(item.range.start, item.range.end);
            const hint = /[ \t]/.test(written) ? ' Separate list elements with commas.' : ' Write e.g. `10.0.0.2/32`.';
            ctx.report({
              file: file.path,
              range: item.range,
              message: `\`${written}\` in AllowedIPs is not an IP address or \`address/prefix\`: wg refuses the line ("Unable to parse IP address").${hint}`,
            });
          } else if (item.error === 'prefix') {
            ctx.report({
              file: file.path,
              range: item.range,
              message: `\`${item.text}\` in AllowedIPs has an invalid prefix length (IPv${item.family} allows 0-${item.family === 6 ? 128 : 32}): wg refuses the line ("AllowedIP is not in the correct format").`,
            });
          } else if (item.sign && oldWg) {
            ctx.report({
              file: file.path,
              range: item.range,
              message: `\`${item.sign}\` before \`${item.text.slice(1)}\` needs wireguard-tools ${INCREMENTAL_SINCE} or newer; the targeted ${ctx.model.targets.wireguardTools} refuses it ("Unable to parse IP address"). Drop the \`${item.sign}\`.`,
            });
          }
        });
      }
    }
  },
});
