import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import type { WgDnsItem } from '@wglint/wg';
import { readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-dns-not-an-ip',
    severity: 'warning',
    summary: 'DNS entries that do not give wg-quick a usable nameserver',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      const items: WgDnsItem[] = readEntries(file.ast, 'DNS').flatMap((e) => (e.value.kind === 'dns-list' ? [...e.value.items] : []));
      for (const item of items) {
        if (item.role !== 'nameserver' || item.family !== null) continue;
        const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(item.text);
        ctx.report({
          file: file.path,
          range: item.range,
          message: withPort
            ? `DNS \`${item.text}\` has a port: wg-quick hands it to resolvconf as a nameserver address, which cannot carry a port. Write \`${withPort[1]}\` (nameservers use port 53).`
            : `DNS \`${item.text}\` is not a valid IP address, yet wg-quick uses it as a nameserver. Write the resolver's IP address.`,
        });
      }
      // Search domains are legitimate next to a nameserver; alone, the name was surely meant
      // to be the resolver (`DNS = dns.google`).
      if (items.length > 0 && items.every((i) => i.role === 'search')) {
        for (const item of items) {
          ctx.report({
            file: file.path,
            range: item.range,
            message: `DNS \`${item.text}\` is not an IP address, so wg-quick makes it a search domain and the interface gets no nameserver. Write the resolver's IP address (e.g. \`1.1.1.1\`); keep names only as search domains next to one.`,
          });
        }
      }
    }
  },
});
