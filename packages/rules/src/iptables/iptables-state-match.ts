import { type TextEdit, defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { saveFiles, tableIndex } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-state-match',
    severity: 'info',
    summary: 'The legacy -m state match is used where -m conntrack --ctstate is preferred',
    fixable: true,
    languages: ['iptables-save'],
  },
  check(ctx) {
    for (const file of saveFiles(ctx.model.files)) {
      for (const t of file.ast.tables) {
        for (const r of tableIndex(t).stateMatches) {
          for (const m of r.command.rule?.matches ?? []) {
            if (m.name !== 'state' || !m.nameWord || !m.matchWord) continue;
            const edits: TextEdit[] = [{ range: m.nameWord.range, text: 'conntrack' }];
            let fixable = m.nameWord.text === 'state';
            for (const o of m.options) {
              if (o.nameWord.text === '--state') edits.push({ range: o.nameWord.range, text: '--ctstate' });
              else fixable = false;
            }
            ctx.report({
              file: file.file.path,
              range: { start: m.matchWord.range.start, end: m.nameWord.range.end },
              message:
                '`-m state` is an old alias of the conntrack match; write `-m conntrack --ctstate` ' +
                '(same meaning, and it also knows SNAT/DNAT states).',
              ...(fixable ? { fix: { title: 'Use `-m conntrack --ctstate`', edits } } : {}),
            });
          }
        }
      }
    }
  },
});
