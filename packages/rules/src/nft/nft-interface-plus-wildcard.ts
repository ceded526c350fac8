import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { type NftExpr, type NftString, walkNft } from '@wglint/nft';
import { nftFiles, reporter } from './utils.js';

const NAME_KEYS: ReadonlySet<string> = new Set(['iifname', 'oifname']);

export default defineRule<HostModel>({
  meta: {
    id: 'nft-interface-plus-wildcard',
    severity: 'warning',
    summary: 'An interface name ends in `+`, iptables\' wildcard, which nft compares literally (nft\'s wildcard is `*`)',
    fixable: true,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    for (const f of nftFiles(ctx.model.files)) {
      const text = f.file.text;
      walkNft(f.ast, {
        enter(node) {
          const pair = node.type === 'NftMatch' ? { key: node.left, values: node.right } : node.type === 'NftVmap' ? { key: node.key, values: node.map } : undefined;
          const key = pair?.key;
          if (!pair || !key || key.type !== 'NftMeta' || !NAME_KEYS.has(key.key)) return;
          for (const s of plusNames(pair.values)) {
            const plus = text.lastIndexOf('+', s.range.end - 1);
            if (plus < s.range.start) continue;
            report({
              file: f.file.path,
              range: s.range,
              message:
                `nft compares \`${key.key} "${s.value}"\` literally: it matches only an interface named \`${s.value}\`. ` +
                `\`+\` is the wildcard of iptables (\`-i ${s.value}\`); nft's is \`*\`: \`"${s.value.slice(0, -1)}*"\`.`,
              fix: { title: `Use \`"${s.value.slice(0, -1)}*"\``, edits: [{ range: { start: plus, end: plus + 1 }, text: '*' }] },
            });
          }
        },
      });
    }
  },
});

/** Quoted names ending in `+` (`"wg+"`, and in sets and maps `{ "wg+", "eth0" }`). */
function plusNames(e: NftExpr | null): NftString[] {
  if (!e) return [];
  if (e.type === 'NftString') return e.quoted && e.value.length > 1 && e.value.endsWith('+') ? [e] : [];
  if (e.type === 'NftSetExpr') return e.elements.flatMap((el) => plusNames(el.key));
  if (e.type === 'NftList') return e.items.flatMap(plusNames);
  return [];
}
