import { defineRule } from '@wglint/core';
import type { HookCommand, HostModel } from '@wglint/host';
import { shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'postdown-needs-interface',
    severity: 'warning',
    summary: 'A PostDown command needs the interface, which wg-quick has already deleted',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (c.hook !== 'PostDown' || c.refused) continue;
        // a teardown that fails leaves its rule behind, `|| true` or not (a kill switch's REJECT stays)
        const undoes = (c.type === 'iptables' && c.ipt.kind === 'delete') || (c.type === 'nft' && (c.nft.verb === 'delete' || c.nft.verb === 'destroy'));
        if (c.tolerated && !undoes) continue;
        const why = needsInterface(c, i.name);
        if (!why) continue;
        const consequence = c.tolerated
          ? 'so it fails (`|| true` hides it) and what it deletes stays after `wg-quick down`. Move it to PreDown, where the interface still exists.'
          : `so it fails and the PostDown commands after it are skipped. ${
              c.type === 'ip-route'
                ? 'Routes through the interface vanish with it: delete this command.'
                : undoes
                  ? 'Move it to PreDown, where the interface still exists (`|| true` would leave what it deletes behind).'
                  : 'Move it to PreDown, or append `|| true` if it may fail.'
            }`;
        ctx.report({ file: c.file, range: c.range, message: `\`${shown(c, 70)}\` runs after wg-quick has deleted ${i.name} (${why}), ${consequence}` });
      }
    }
  },
});

/** Why a command needs the interface to exist, or undefined. */
export function needsInterface(c: HookCommand, iface: string): string | undefined {
  const t = c.words.map((w) => w.text);
  const has = (k: string): boolean => t.some((w, n) => w === k && t[n + 1] === iface);
  if (c.type === 'ip-route' && c.route.dev === iface) return `\`dev ${iface}\``;
  if ((c.type === 'ip-addr' || c.type === 'ip-link' || c.type === 'tc') && (has('dev') || t.includes(iface))) return `it works on ${iface}`;
  if (c.type === 'wg' && t.includes(iface)) return `\`wg\` on ${iface}`;
  if (c.type === 'sysctl' && c.assignments.some((a) => a.key.includes(`.conf.${iface}.`))) return `per-interface sysctl of ${iface}`;
  const sub = c.words.find((w) => new RegExp(`\\$\\(\\s*wg\\s+show\\s+${iface.replace(/[.+]/g, '\\$&')}\\b`).test(w.text));
  if (sub) return `\`$(wg show ${iface} ...)\``;
  return undefined;
}
