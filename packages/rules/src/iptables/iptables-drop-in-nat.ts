import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { saveFiles } from './utils.js';

// `-j DROP` in nat is refused while parsing, so it is a `syntax-error` (see @wglint/host's
// parse-file); a `:CHAIN DROP` line in a dump is accepted by iptables-restore and is this rule's.
export default defineRule<HostModel>({
  meta: {
    id: 'iptables-drop-in-nat',
    severity: 'warning',
    summary: 'A nat table chain has policy DROP, which drops the first packet of new connections',
    fixable: true,
    languages: ['iptables-save'],
  },
  check(ctx) {
    for (const file of saveFiles(ctx.model.files)) {
      for (const t of file.ast.tables) {
        if (t.name !== 'nat') continue;
        for (const c of t.chains) {
          if (c.policy !== 'DROP') continue;
          ctx.report({
            file: file.file.path,
            range: c.policyRange,
            message:
              `Policy DROP on nat ${c.name}: the nat table sees only the first packet of each connection, so this silently ` +
              `drops every new connection passing ${c.name} (\`iptables -P\` refuses it: the nat table is not for filtering). ` +
              'Use ACCEPT and filter in the filter table.',
            fix: { title: 'Use policy ACCEPT', edits: [{ range: c.policyRange, text: 'ACCEPT' }] },
          });
        }
      }
    }
  },
});
