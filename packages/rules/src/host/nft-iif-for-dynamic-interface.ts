import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';

export default defineRule<HostModel>({
  meta: {
    id: 'nft-iif-for-dynamic-interface',
    severity: 'warning',
    summary: 'An nft ruleset matches a WireGuard interface with iif/oif (its index, looked up at load time) instead of iifname/oifname',
    fixable: true,
    languages: ['nft'],
  },
  check(ctx) {
    const model = ctx.model;
    const own = new Set(model.interfaces.map((i) => i.name));
    // `wg0`, `wg-home`: WireGuard's naming; wg-quick and other tools create these when they start
    const dynamic = (name: string): boolean => own.has(name) || /^wg/i.test(name);
    const loadedByHook = hookLoadedFiles(model);
    for (const r of model.nft.rules) {
      if (!r.ifindexMatches || loadedByHook(r.location.file)) continue;
      // one-liners in hooks run while the interface exists; their facts carry no file of their own
      if (!model.files.some((f) => f.language === 'nft' && f.file.path === r.location.file)) continue;
      for (const m of r.ifindexMatches) {
        const names = m.names.filter(dynamic);
        if (names.length === 0) continue;
        const byName = `${m.key}name`;
        const shown = names.map((n) => `\`${n}\``).join(', ');
        ctx.report({
          file: r.location.file,
          range: m.range,
          message:
            `\`${m.key}\` compares the interface index, which nft looks up when it loads the ruleset: at boot ${shown} ` +
            `${names.length === 1 ? 'does' : 'do'} not exist yet (wg-quick creates ${names.length === 1 ? 'it' : 'them'} later), so nft refuses the whole file ` +
            `("Interface does not exist") and the host boots without this firewall; and each \`wg-quick up\` creates the interface with a new index, ` +
            `which the loaded rule no longer matches. Match the name: \`${byName}\`.`,
          // a verdict map's keys are typed by its key (a named map declared `iface_index` would not take names)
          ...(m.vmap ? {} : { fix: { title: `Use \`${byName}\``, edits: [{ range: { start: m.keyRange.end, end: m.keyRange.end }, text: 'name' }] } }),
        });
      }
    }
  },
});

/** Whether a ruleset file is the one a hook loads with `nft -f` (when the interface exists). */
function hookLoadedFiles(model: HostModel): (path: string) => boolean {
  const loaded: string[] = [];
  for (const i of model.interfaces) {
    for (const c of i.hooks) {
      if (c.type !== 'nft' || c.nft.verb !== 'file') continue;
      for (const w of c.words) if (w.text.includes('/')) loaded.push(w.text.replace(/^.*?(?=etc\/)/, ''));
    }
  }
  return (path) => loaded.some((p) => p !== '' && path.endsWith(p));
}
