import { defineRule } from '@wglint/core';
import type { HostModel, PortRange } from '@wglint/host';
import { ephemeralPorts, formatPorts, intersectPorts, subtractPorts } from '@wglint/host';
import { originText } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'listen-port-in-ephemeral-range',
    severity: 'warning',
    summary: 'A WireGuard UDP port range opened in the firewall overlaps the ephemeral port range and is not reserved',
    fixable: false,
    languages: ['wg', 'nft', 'iptables-save'],
  },
  check(ctx) {
    const model = ctx.model;
    const eph = ephemeralPorts(model);
    const free = subtractPorts([eph.range], eph.reserved);
    const listen = model.ports.bound.map((b) => b.port);
    for (const o of model.ports.opened) {
      if (o.protocol !== 'udp') continue;
      for (const r of o.ranges) {
        if (r.to === r.from) continue;
        // A WireGuard range: it holds a ListenPort of this host, or WireGuard's 51820.
        const wgPorts = [...listen, 51820].filter((p) => p >= r.from && p <= r.to);
        if (wgPorts.length === 0) continue;
        const overlap = free.map((f) => intersectPorts(f, r)).filter((x): x is PortRange => x !== undefined);
        if (overlap.length === 0) continue;
        const rangeSrc = eph.origin.kind === 'default' ? 'the kernel default' : `net.ipv4.ip_local_port_range from ${originText(model, eph.origin)}`;
        ctx.report({
          file: o.valueLocation.file,
          range: o.valueLocation.range,
          message:
            `UDP ports ${formatPorts(r)} are opened for WireGuard, but ${overlap.map(formatPorts).join(', ')} ${overlap.length === 1 && overlap[0]!.from === overlap[0]!.to ? 'is' : 'are'} inside the ephemeral port range ` +
            `${formatPorts(eph.range)} (${rangeSrc}) and not in net.ipv4.ip_local_reserved_ports: the kernel may give such a port to another program's socket, ` +
            `which the firewall then exposes. Reserve the range (\`net.ipv4.ip_local_reserved_ports = ${overlap.map(formatPorts).join(',')}\` in /etc/sysctl.d/) or move it outside ${formatPorts(eph.range)}.`,
        });
      }
    }
  },
});
