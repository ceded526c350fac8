import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { parsePrefix } from '@wglint/iproute';

export default defineRule<HostModel>({
  meta: {
    id: 'route-host-bits',
    severity: 'error',
    summary: 'An `ip route add` whose prefix has host bits set, which the kernel refuses',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (c.type !== 'ip-route' || c.dynamic || c.refused) continue;
        if (!['add', 'replace', 'change', 'append'].includes(c.route.op)) continue;
        const dest = c.route.destination;
        if (!dest) continue;
        const p = parsePrefix(dest);
        if (!p || !p.hostBits) continue;
        const w = c.words.find((x) => x.text === dest);
        const exact = w !== undefined && w.range.end - w.range.start === dest.length;
        ctx.report({
          file: c.file,
          range: w?.range ?? c.range,
          message:
            `\`${dest}\` has host bits set beyond /${p.length}; the kernel refuses the route (Error: Invalid prefix for given prefix length) and the hook fails. ` +
            `Use the network address \`${p.network}\`.`,
          ...(exact && w ? { fix: { title: `Replace with \`${p.network}\``, edits: [{ range: w.range, text: p.network }] } } : {}),
        });
      }
    }
  },
});
