import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { isDown, isUp } from './utils.js';

const KEYS = /^(net\.ipv4\.ip_forward|net\.ipv4\.conf\.all\.forwarding|net\.ipv6\.conf\.all\.forwarding)$/;

export default defineRule<HostModel>({
  meta: {
    id: 'forwarding-set-in-hook',
    severity: 'info',
    summary: 'Forwarding is switched on from a hook instead of /etc/sysctl.d/',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      for (const c of i.hooks) {
        if (!isUp(c) || c.refused || c.type !== 'sysctl') continue;
        const a = c.assignments.find((x) => KEYS.test(x.key) && x.value === '1');
        if (!a || a.origin.kind !== 'hook') continue;
        // A down hook that switches it off again (`PostDown = sysctl -w net.ipv4.ip_forward=0`): it does not stay on.
        const off = i.hooks.find((d) => isDown(d) && !d.refused && d.type === 'sysctl' && d.assignments.some((x) => x.key === a.key && x.value !== '1'));
        const afterDown = off
          ? `so switching it off again in ${off.hook} stops forwarding for the whole host (other tunnels, containers) on every \`wg-quick down\``
          : 'so it stays on after `wg-quick down`';
        ctx.report({
          file: c.file,
          range: a.origin.range,
          message:
            `${a.key} is switched on by ${i.name}'s ${c.hook}: forwarding is host-wide, ${afterDown}, is off until ${i.name} first comes up, ` +
            `and other services cannot see that the host is a router. Set \`${a.key} = 1\` in /etc/sysctl.d/ and remove it from the hook.`,
        });
      }
    }
  },
});
