import { defineRule } from '@wglint/core';
import type { HookCommand, HostModel, Location, WgInterface } from '@wglint/host';
import { effectiveConf, sysctlValue } from '@wglint/host';
import { isOwnTunnelRule, isUp, markRoutedInterfaces, originText, shown } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'rp-filter-strict-with-mark-routing',
    severity: 'warning',
    summary: 'Connmark/fwmark policy routing while the effective rp_filter of the interface is strict (1)',
    fixable: false,
    languages: ['wg', 'nft'],
  },
  check(ctx) {
    const model = ctx.model;
    for (const { iface: i, at, nftAt } of markRoutedInterfaces(model)) checkInterface(i, at, nftAt);
    for (const i of model.interfaces) {
      // A hand-made full tunnel: `ip rule add not fwmark N table T` with FwMark = N.
      for (const c of i.hooks) if (isUp(c) && !c.refused && c.type === 'ip-rule' && isOwnTunnelRule(i, c)) checkUplink(i, c);
    }

    function checkInterface(i: WgInterface, at: HookCommand | undefined, nftAt: Location | undefined): void {
      const rp = effectiveConf(model, i.name, 'rp_filter');
      if (rp.value !== 1) return;
      const svm = effectiveConf(model, i.name, 'src_valid_mark');
      if (svm.value === 1 && restoresMarkOn(model, i.name)) return;
      const where: Location = at ? { file: at.file, range: at.range } : nftAt!;
      const what = at ? `\`${shown(at, 70)}\`` : `the mark rule at ${originText(model, { kind: 'file', ...nftAt! })}`;
      const why = rp.decidedBy.map((a) => `${a.key} = ${a.value} from ${originText(model, a.origin)}`).join(', ');
      ctx.report({
        file: where.file,
        range: where.range,
        message:
          `Connections through ${i.name} are routed by mark (${what}), but the effective rp_filter of ${i.name} is strict (1: ${why}). ` +
          `Strict reverse-path filtering drops packets arriving on ${i.name} whose source is routed out another interface, so the marked connections break. ` +
          `Loosen it for this interface with \`PreUp = sysctl -w net.ipv4.conf.%i.rp_filter=2\` (the kernel uses the larger of conf.all and conf.${i.name}).`,
      });
    }

    function checkUplink(i: WgInterface, c: HookCommand): void {
      const all = sysctlValue(model, 'up', 'net.ipv4.conf.all.rp_filter');
      if (!all || all.value !== '1') return;
      const svm = sysctlValue(model, 'up', 'net.ipv4.conf.all.src_valid_mark');
      if (svm?.value === '1') return;
      ctx.report({
        file: c.file,
        range: c.range,
        message:
          `\`${shown(c, 70)}\` routes everything without ${i.name}'s fwmark into the tunnel, but rp_filter is strict (net.ipv4.conf.all.rp_filter = 1 from ${originText(model, all.origin)}) ` +
          `and src_valid_mark is off, so replies from the endpoint fail the reverse-path check and are dropped. ` +
          `Add \`PostUp = sysctl -w net.ipv4.conf.all.src_valid_mark=1\` (what wg-quick does for its own full tunnel) or set rp_filter to 2.`,
      });
    }
  },
});

/** True when the packet mark of packets arriving on `iface` is restored from the conntrack mark. */
function restoresMarkOn(model: HostModel, iface: string): boolean {
  const viaIpt = model.interfaces.some((i) =>
    i.hooks.some(
      (c) =>
        isUp(c) &&
        c.type === 'iptables' &&
        c.facts?.target === 'CONNMARK' &&
        'restore-mark' in c.facts.targetOptions &&
        c.ipt.chain?.text === 'PREROUTING' &&
        (!c.facts.inIface || (!c.facts.inIface.negated && c.facts.inIface.name === iface)),
    ),
  );
  return viaIpt || model.nft.rules.some((r) => r.restoresMark && (r.iifnames.length === 0 || r.iifnames.includes(iface)));
}

