import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { interfaceNameFromPath } from '@wglint/wg';
import { readEntries, wgFiles } from './utils.js';

const HOOKS = ['PreUp', 'PostUp', 'PreDown', 'PostDown'] as const;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineRule<HostModel>({
  meta: {
    id: 'wg-interface-name-dot-sysctl',
    severity: 'error',
    summary: 'Dotted sysctl key for an interface whose name contains a dot',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      const name = file.ast.interfaceName ?? interfaceNameFromPath(file.path);
      if (!name || !name.includes('.')) continue;
      // `net.ipv4.conf.%i.rp_filter` (or the name written out) in its dotted form.
      const dotted = new RegExp(`net\\.ipv([46])\\.conf\\.(%i|${escape(name)})\\.([A-Za-z0-9_]+)`, 'g');
      for (const e of HOOKS.flatMap((h) => readEntries(file.ast, h))) {
        for (const m of e.rawValue.matchAll(dotted)) {
          const start = e.valueRange.start + m.index;
          const range = { start, end: start + m[0].length };
          const slash = `net/ipv${m[1]}/conf/${m[2]}/${m[3]}`;
          ctx.report({
            file: file.path,
            range,
            message: `The interface name \`${name}\` contains a dot, so sysctl reads \`${m[0].replace('%i', name)}\` as the path net/ipv${m[1]}/conf/${name.replace(/\./g, '/')}/${m[3]}, which does not exist ("cannot stat"). Write the key with slashes: \`${slash}\`.`,
            fix: { title: `Write \`${slash}\``, edits: [{ range, text: slash }] },
          });
        }
      }
    }
  },
});
