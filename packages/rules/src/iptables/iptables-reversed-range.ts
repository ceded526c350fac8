import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { issuesOf } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-reversed-range',
    severity: 'warning',
    summary: 'A port or number range is written high-to-low and never matches',
    fixable: true,
    languages: ['iptables-save', 'wg'],
  },
  check(ctx) {
    for (const { file, issue } of issuesOf(ctx.model, ['reversed-range'])) {
      const source = ctx.model.files.find((f) => f.file.path === file)?.file.text;
      if (source === undefined) continue;
      const text = source.slice(issue.range.start, issue.range.end);
      if (!/^[0-9A-Za-z-]+:[0-9A-Za-z-]+$/.test(text)) continue;
      const [a, b] = text.split(':');
      ctx.report({
        file,
        range: issue.range,
        message: `Range \`${text}\` is reversed: iptables stores it as written and it never matches. Write \`${b}:${a}\`.`,
        fix: { title: `Swap the range to \`${b}:${a}\``, edits: [{ range: issue.range, text: `${b}:${a}` }] },
      });
    }
  },
});
