import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { parseUnsigned } from '@wglint/iproute';

/** `VALUE[/MASK]` of `--set-mark`/`--set-xmark` as numbers (mask defaults to all bits). */
function markOf(text: string): { value: number; mask: number } | undefined {
  const [v, m] = text.split('/');
  const value = parseUnsigned(v ?? '');
  const mask = m === undefined ? 0xffffffff : parseUnsigned(m);
  return value === undefined || mask === undefined ? undefined : { value, mask };
}

export default defineRule<HostModel>({
  meta: {
    id: 'mark-collides-with-wireguard-fwmark',
    severity: 'warning',
    summary: "A hook that marks packets with a WireGuard interface's own fwmark",
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const marks = ctx.model.interfaces.flatMap((i) => (i.effectiveFwMark ? [{ iface: i, mark: i.effectiveFwMark }] : []));
    if (marks.length === 0) return;
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (c.type !== 'iptables' || !c.facts || c.dynamic || c.refused) continue;
        if (c.hook !== 'PreUp' && c.hook !== 'PostUp') continue;
        const target = c.facts.target;
        if (target !== 'MARK' && target !== 'CONNMARK') continue;
        const raw = c.facts.targetOptions['set-mark'] ?? c.facts.targetOptions['set-xmark'];
        if (raw === undefined) continue;
        const m = markOf(raw);
        if (!m) continue;
        for (const { iface, mark } of marks) {
          // The rule makes (mark & mask) equal the WireGuard mark on the bits it sets.
          if ((m.value & m.mask) >>> 0 !== (mark & m.mask) >>> 0 || (mark & m.mask) === 0) continue;
          const how = iface.fwMark ? `its FwMark = ${iface.fwMark.value}` : `the fwmark wg-quick gives its full tunnel (${mark} = 0x${mark.toString(16)})`;
          ctx.report({
            file: c.file,
            range: c.range,
            message:
              `This ${target} rule sets mark ${raw}, the mark of ${iface.name}'s own encrypted packets (${how}). ` +
              `wg-quick's rule \`not fwmark ${mark} table ${mark}\` and any \`fwmark\` rule then treat these packets as tunnel traffic: they bypass the tunnel or loop. ` +
              'Use a different mark (and a mask, e.g. `--set-xmark 0x1/0xff`) that leaves the WireGuard mark bits alone.',
          });
          break;
        }
      }
    }
  },
});
