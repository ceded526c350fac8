import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { CHAIN_TYPE_RULES, FAMILY_HOOKS } from '@wglint/nft';
import { nftBefore, nftLoads, reporter } from './utils.js';

const KNOWN_HOOKS = new Set(['prerouting', 'input', 'forward', 'output', 'postrouting', 'ingress', 'egress']);

export default defineRule<HostModel>({
  meta: {
    id: 'nft-chain-type-hook',
    severity: 'error',
    summary: 'A base chain uses a hook or chain type its family does not support',
    fixable: false,
    languages: ['nft'],
  },
  check(ctx) {
    const report = reporter(ctx);
    const old = nftBefore(ctx.model.targets.nftables, '1.0.7');
    for (const load of nftLoads(ctx.model.files)) {
      for (const t of load.model.allTables) {
        const fam = t.family;
        for (const c of t.allChains.values()) {
          for (const d of c.declarations) {
            const h = d.node.hook;
            if (!h) continue;
            const type = h.chainType.text;
            const hook = h.hook.text;
            // Unknown names (typos) are syntax errors, the parser's to report.
            if (!KNOWN_HOOKS.has(hook) || !CHAIN_TYPE_RULES.has(type)) continue;
            const hooks = FAMILY_HOOKS.get(fam);
            const rule = CHAIN_TYPE_RULES.get(type);
            if (hooks && !hooks.has(hook)) {
              const fix =
                hook === 'ingress' || hook === 'egress'
                  ? `use \`table netdev …\` with \`type filter hook ${hook} device "eth0" priority 0;\`${hook === 'ingress' && fam !== 'arp' && fam !== 'bridge' ? ' (or table inet on kernel ≥ 5.10)' : ''}`
                  : `use one of ${[...hooks].join(', ')}`;
              report({
                file: d.file,
                range: h.hook.range,
                message: `The ${fam} family has no \`${hook}\` hook, so nft refuses the chain ("The ${fam} family does not support this hook"); ${fix}.`,
              });
              continue;
            }
            if (rule && !rule.families.has(fam)) {
              report({
                file: d.file,
                range: h.chainType.range,
                message:
                  `Chain type \`${type}\` does not exist in the ${fam} family, so the kernel refuses the chain; ` +
                  `use \`type filter\`${type === 'nat' ? ', and do NAT in an ip, ip6 or inet table' : ''}.`,
              });
              continue;
            }
            if (rule?.hooks && !rule.hooks.has(hook)) {
              report({
                file: d.file,
                range: h.hook.range,
                message:
                  `A \`type ${type}\` chain cannot use the ${hook} hook (only ${[...rule.hooks].join(', ')}); the kernel refuses it ("Operation not supported"). ` +
                  (type === 'nat'
                    ? 'Filter forwarded traffic in a `type filter hook forward` chain and do NAT in prerouting/postrouting.'
                    : `Use \`type filter hook ${hook}\`, or \`type route hook output\` for rerouting locally generated packets.`),
              });
              continue;
            }
            if (type === 'nat' && h.priority?.value !== null && h.priority?.value !== undefined && h.priority.value <= -200) {
              report({
                file: d.file,
                range: h.priority.range,
                message: `A \`type nat\` chain needs a priority above -200 (conntrack); ${h.priority.value} is refused ("Operation not supported"). Use \`priority dstnat\` or \`priority srcnat\`.`,
              });
              continue;
            }
            const needsDevice = fam === 'netdev' || (fam === 'inet' && hook === 'ingress');
            if (old && needsDevice && !h.device && h.devices.length === 0 && d.node.devices.length === 0) {
              report({
                file: d.file,
                range: h.hook.range,
                message: `An ${hook} chain of the ${fam} family needs a device on nft ${ctx.model.targets.nftables} ("Missing \`device' in this chain definition"); add \`device "eth0"\` before \`priority\`.`,
              });
            }
          }
        }
      }
    }
  },
});
