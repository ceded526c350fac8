import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-saveconfig-rewrites-file',
    severity: 'info',
    summary: 'SaveConfig = true in a file with comments or Endpoint host names, which the rewrite loses',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      const save = readEntries(file.ast, 'SaveConfig').pop();
      if (!save || save.value.kind !== 'bool' || save.value.bool !== true) continue;
      const items = [...file.ast.preamble, ...file.ast.sections.flatMap((s) => s.items)];
      const comments =
        items.some((i) => i.type === 'WgComment' || (i.type === 'WgEntry' && i.comment !== null)) ||
        file.ast.sections.some((s) => s.header.comment !== null);
      const hostnames = readEntries(file.ast, 'Endpoint').some((e) => e.value.kind === 'endpoint' && e.value.hostKind === 'hostname');
      if (!comments && !hostnames) continue;
      const lost = [comments ? 'every comment and the layout' : '', hostnames ? 'Endpoint host names (replaced by the resolved addresses)' : ''].filter(Boolean).join(', and ');
      ctx.report({
        file: file.path,
        range: save.valueRange,
        message: `With \`SaveConfig = true\` wg-quick rewrites this file from the live interface on every \`down\`: ${lost} are lost, and edits made while the interface is up are overwritten. Use \`SaveConfig = false\` and run \`wg-quick save\` deliberately when you want it.`,
      });
    }
  },
});
