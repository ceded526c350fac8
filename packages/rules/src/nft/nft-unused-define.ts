import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import type { NftDefineSymbol, NftRuleset } from '@wglint/nft';
import { nftFiles, nftLoads, reporter } from './utils.js';

/** `include` lines with a glob (`/etc/nftables.d/*.nft`) of a file: the scope they are in and where they stand. */
function globIncludes(ast: NftRuleset): { scope: string; start: number }[] {
  const out: { scope: string; start: number }[] = [];
  const isGlob = (p: string): boolean => /[*?[]/.test(p);
  for (const c of ast.commands) {
    if (c.type === 'NftInclude' && isGlob(c.path.text)) out.push({ scope: 'top', start: c.range.start });
    else if (c.type === 'NftTable' && c.name)
      for (const i of c.items) if (i.type === 'NftInclude' && isGlob(i.path.text)) out.push({ scope: `${c.family} ${c.name.text}`, start: i.range.start });
  }
  return out;
}

/**
 * Whether a glob `include` after the define sees it: a drop-in directory (fw4's `/etc/nftables.d/*.nft`) is
 * where the files that use such a define go, now or later, so the define is there for them.
 */
function offeredToDropIns(d: NftDefineSymbol, includes: readonly { scope: string; start: number }[]): boolean {
  if (d.chain !== null) return false;
  return includes.some((i) => i.start > d.node.range.start && (d.scope === 'top' || d.scope === i.scope));
}

export default defineRule<HostModel>({
  meta: {
    id: 'nft-unused-define',
    severity: 'info',
    summary: 'A `define` is never used',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    const asts = new Map(nftFiles(ctx.model.files).map((f) => [f.file.path, f.ast]));
    const globs = new Map<string, { scope: string; start: number }[]>();
    const globsOf = (file: string): { scope: string; start: number }[] => {
      let g = globs.get(file);
      if (!g) globs.set(file, (g = asts.has(file) ? globIncludes(asts.get(file)!) : []));
      return g;
    };
    // A define file included by several loads counts as used when any load uses it.
    const used = new Set<string>();
    const candidates = new Map<string, { file: string; range: { start: number; end: number }; name: string; kind: string }>();
    for (const load of nftLoads(ctx.model.files)) {
      const m = load.model;
      for (const d of m.defines) {
        const key = `${d.file}\0${d.node.range.start}`;
        if (d.uses.length > 0 || m.incomplete || load.hasProblems || !load.standalone || offeredToDropIns(d, globsOf(d.file))) used.add(key);
        else candidates.set(key, { file: d.file, range: d.node.name.range, name: d.name, kind: d.node.kind });
      }
    }
    for (const [key, c] of candidates) {
      if (used.has(key)) continue;
      report({
        file: c.file,
        range: c.range,
        message: `\`${c.kind} ${c.name}\` is never used as \`$${c.name}\`; remove it, or use it where the value is written out.`,
      });
    }
  },
});
