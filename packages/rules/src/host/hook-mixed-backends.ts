import { defineRule } from '@wglint/core';
import type { HookCommand, HostModel } from '@wglint/host';
import { placeOf } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'hook-mixed-backends',
    severity: 'warning',
    summary: 'Hooks use iptables-legacy together with iptables-nft/nft',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const all = ctx.model.interfaces.flatMap((i) => i.hooks).filter((c) => !c.refused);
    const legacy = all.filter((c) => /-legacy(-restore)?$/.test(c.program));
    const nftSide = all.filter((c) => c.program === 'nft' || /-nft(-restore)?$/.test(c.program));
    const other: HookCommand | undefined = nftSide[0];
    if (legacy.length === 0 || !other) return;
    for (const c of legacy) {
      ctx.report({
        file: c.file,
        range: c.words[0]!.range,
        message:
          `\`${c.program}\` writes to the legacy ip_tables subsystem, while \`${other.program}\` (${placeOf(ctx.model, other.file, other.range.start)}) writes to nf_tables: ` +
          `both rule sets are evaluated, neither tool shows the other's rules, and an accept in one does not override a drop in the other (facts §2.1). Use one backend.`,
      });
    }
  },
});
