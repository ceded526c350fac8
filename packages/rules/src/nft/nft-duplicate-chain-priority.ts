import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import type { NftChainSymbol } from '@wglint/nft';
import { lineOf, nftLoads, reporter } from './utils.js';

/** Whether two families' base chains register on the same netfilter hook (inet covers ip and ip6). */
function sameStack(a: string, b: string): boolean {
  if (a === b) return true;
  const pair = new Set([a, b]);
  return pair.has('inet') && (pair.has('ip') || pair.has('ip6'));
}

export default defineRule<HostModel>({
  meta: {
    id: 'nft-duplicate-chain-priority',
    severity: 'info',
    summary: 'Two base chains on the same hook have the same priority, so the order they run in is undefined',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    const files = ctx.model.files;
    for (const load of nftLoads(files)) {
      const bases: NftChainSymbol[] = [];
      for (const t of load.model.tables) for (const c of t.chains.values()) if (c.base && c.priority !== null && c.hook && c.hookDeclaration) bases.push(c);
      const reported = new Set<NftChainSymbol>();
      for (let j = 0; j < bases.length; j++) {
        const b = bases[j]!;
        for (let i = 0; i < j; i++) {
          const a = bases[i]!;
          if (a.hook !== b.hook || a.priority !== b.priority || !sameStack(a.table.family, b.table.family) || reported.has(b)) continue;
          // netdev chains on different devices do not meet.
          if ((a.devices.length || b.devices.length) && !a.devices.some((d) => b.devices.includes(d))) continue;
          reported.add(b);
          const decl = b.hookDeclaration!;
          const ad = a.hookDeclaration!;
          const where = a.table === b.table ? 'in the same table' : `in table ${a.table.family} ${a.table.name}`;
          report({
            file: decl.file,
            range: decl.node.hook!.priority!.range,
            message:
              `Chain \`${b.name}\` has the same priority (${b.priority}) on the ${b.hook} hook as chain \`${a.name}\` ${where} (${ad.file}:${lineOf(files, ad.file, ad.node.range.start)}); ` +
              `the kernel runs them in an undefined order. If the order matters, give one a distinct priority (e.g. \`priority filter + 10\`).`,
          });
        }
      }
    }
  },
});
