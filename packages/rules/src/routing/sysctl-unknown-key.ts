import { defineRule } from '@wglint/core';
import type { HookCommand, HostModel } from '@wglint/host';
import { checkSysctlKey } from '@wglint/sysctl';
import { failureConsequence } from '../host/utils.js';
import { sysctlFiles } from './utils.js';

type SysctlHook = HookCommand & { readonly type: 'sysctl' };

export default defineRule<HostModel>({
  meta: {
    id: 'sysctl-unknown-key',
    severity: 'warning',
    summary: 'A sysctl key that does not exist, usually a misspelling of a well-known one',
    fixable: false,
    languages: ['sysctl', 'wg'],
  },
  check(ctx) {
    for (const f of sysctlFiles(ctx.model)) {
      for (const e of f.ast.entries) {
        if (!e.key) continue;
        const c = checkSysctlKey(e.key);
        if (c.status !== 'unknown') continue;
        ctx.report({
          file: f.path,
          range: e.keyRange,
          message: c.suggestion
            ? `Unknown sysctl key \`${e.key}\`; did you mean \`${c.suggestion}\`? The kernel has no such setting, so this line changes nothing.`
            : `Unknown sysctl key \`${e.key}\`: the kernel has no such setting (${e.key.split('.').slice(0, 3).join('.')}), so this changes nothing.`,
          ...(c.suggestion && e.rawKey === e.key ? { suggestions: [{ title: `Replace with \`${c.suggestion}\``, edits: [{ range: e.keyRange, text: c.suggestion }] }] } : {}),
        });
      }
    }
    for (const i of ctx.model.interfaces) {
      for (const cmd of i.hooks) {
        if (cmd.type !== 'sysctl' || cmd.refused) continue;
        const uses = [...cmd.assignments.map((a) => ({ ...a, write: true })), ...cmd.reads.map((r) => ({ ...r, write: false }))];
        for (const use of uses) {
          const c = checkSysctlKey(use.key);
          if (c.status !== 'unknown') continue;
          const known = c.suggestion ? `did you mean \`${c.suggestion}\`? ` : '';
          ctx.report({
            file: cmd.file,
            range: use.origin.kind === 'hook' ? use.origin.range : cmd.range,
            message: `Unknown sysctl key \`${use.key}\` in ${cmd.hook}; ${known}The kernel has no such setting, ${whatHappens(cmd, use.write, i.name)}`,
          });
        }
      }
    }
  },
});

/** What running the hook command does with a key that does not exist. */
function whatHappens(cmd: SysctlHook, write: boolean, iface: string): string {
  if (cmd.ignoreUnknown) return `and \`sysctl -e\` skips it silently: this ${write ? 'changes' : 'reads'} nothing.`;
  const how = cmd.program === 'sysctl' ? 'sysctl fails (`cannot stat /proc/sys/...`)' : `the write to /proc/sys fails`;
  return cmd.tolerated ? `so ${how} and this changes nothing (the failure is ignored).` : `so ${how} and ${failureConsequence(cmd, iface)}.`;
}
