import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { type NftStatement, isTerminalStatement } from '@wglint/nft';
import { allRulesOf, nftFiles, reporter } from './utils.js';

function describe(s: NftStatement, text: string): string {
  const t = text.slice(s.range.start, s.range.end).replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 37)}…` : t;
}

export default defineRule<HostModel>({
  meta: {
    id: 'nft-statement-after-terminal',
    severity: 'error',
    summary: 'A statement follows a terminal statement (accept, drop, jump, reject, NAT …) in the same rule; nft refuses the rule',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    for (const f of nftFiles(ctx.model.files)) {
      for (const r of allRulesOf(f.ast)) {
        const i = r.statements.findIndex(isTerminalStatement);
        if (i < 0 || i === r.statements.length - 1) continue;
        const term = r.statements[i]!;
        const next = r.statements[i + 1]!;
        const text = f.file.text;
        report({
          file: f.file.path,
          range: next.range,
          message:
            `\`${describe(next, text)}\` comes after the terminal \`${describe(term, text)}\`, so nft refuses the rule ("Statement after terminal statement has no effect"); ` +
            `move it before \`${describe(term, text)}\` (e.g. \`counter accept\`).`,
        });
      }
    }
  },
});
