import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { ephemeralPorts, formatPorts, subtractPorts } from '@wglint/host';

export default defineRule<HostModel>({
  meta: {
    id: 'listen-port-not-reserved',
    severity: 'info',
    summary: 'The ListenPort is inside the ephemeral port range and not reserved',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const eph = ephemeralPorts(ctx.model);
    const free = subtractPorts([eph.range], eph.reserved);
    for (const i of ctx.model.interfaces) {
      const p = i.listenPort;
      if (!p || !free.some((f) => f.from <= p.value && p.value <= f.to)) continue;
      ctx.report({
        file: i.file,
        range: p.range,
        message:
          `ListenPort ${p.value} is inside the ephemeral port range ${formatPorts(eph.range)} and not reserved: if an outgoing connection takes it first, ` +
          `\`wg-quick up ${i.name}\` fails with "Address already in use". Reserve it (\`net.ipv4.ip_local_reserved_ports = ${p.value}\` in /etc/sysctl.d/) or pick a port below ${eph.range.from}.`,
      });
    }
  },
});
