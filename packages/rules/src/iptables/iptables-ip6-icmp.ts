import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { saveFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'iptables-ip6-icmp',
    severity: 'warning',
    summary: 'An ip6tables rule matches -p icmp (IPv4 ICMP), which never appears in IPv6 traffic',
    fixable: true,
    languages: ['iptables-save'],
  },
  check(ctx) {
    for (const file of saveFiles(ctx.model.files)) {
      if (file.ast.family !== 'ipv6') continue;
      for (const t of file.ast.tables) {
        for (const r of t.rules) {
          const proto = r.summary.protocol;
          if (proto === undefined || (proto.toLowerCase() !== 'icmp' && proto !== '1')) continue;
          const p = r.command.rule?.protocol;
          const v = p?.value;
          if (!p || !v || (v.text.toLowerCase() !== 'icmp' && v.text !== '1')) continue;
          ctx.report({
            file: file.file.path,
            range: p.range,
            message:
              '`-p icmp` in ip6tables matches IPv4 ICMP (protocol 1), which never occurs in IPv6 packets, so this rule never matches' +
              (p.negated ? ' (negated: it matches every packet)' : '') +
              '. Use `-p ipv6-icmp` (with `--icmpv6-type`).',
            fix: { title: 'Use `-p ipv6-icmp`', edits: [{ range: v.range, text: 'ipv6-icmp' }] },
          });
        }
      }
    }
  },
});
