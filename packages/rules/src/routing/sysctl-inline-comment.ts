import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { sysctlUses } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'sysctl-inline-comment',
    severity: 'warning',
    summary: 'A `#` or `;` after a sysctl value, which sysctl.d does not treat as a comment',
    fixable: true,
    languages: ['sysctl'],
  },
  check(ctx) {
    for (const u of sysctlUses(ctx.model)) {
      if (u.source !== 'file') continue;
      const m = /\s+[#;]/.exec(u.value);
      if (!m) continue;
      const cut = m.index;
      const written = u.value;
      const start = u.valueRange.start + cut;
      ctx.report({
        file: u.file,
        range: { start: u.valueRange.start + cut + m[0].length - 1, end: u.valueRange.end },
        message:
          `sysctl.d files have no end-of-line comments: the value written to ${u.key} is \`${written}\`, comment included. ` +
          'Numeric settings may still take the first number, but lists such as ip_local_reserved_ports are refused. Move the comment to a line of its own.',
        fix: {
          title: 'Move the comment to the line above',
          edits: [
            { range: { start: u.range.start, end: u.range.start }, text: `${u.value.slice(cut).trim()}\n` },
            { range: { start, end: u.valueRange.end }, text: '' },
          ],
        },
      });
    }
  },
});
