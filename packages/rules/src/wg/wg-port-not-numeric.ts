import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { readEntries, wgFiles } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'wg-port-not-numeric',
    severity: 'warning',
    summary: 'ListenPort or Endpoint port given as a service name instead of a number',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const e of readEntries(file.ast, 'ListenPort')) {
        if (e.value.kind !== 'port' || e.value.service === null) continue;
        ctx.report({
          file: file.path,
          range: e.valueRange,
          message: `ListenPort \`${e.value.service}\` is not a number: wg looks it up in /etc/services, so it depends on that file and fails where the name is missing. Write the port number, e.g. \`ListenPort = 51820\`.`,
        });
      }
      for (const e of readEntries(file.ast, 'Endpoint')) {
        if (e.value.kind !== 'endpoint' || e.value.error || e.value.port === null || e.value.portNumber !== null) continue;
        ctx.report({
          file: file.path,
          range: e.value.portRange ?? e.valueRange,
          message: `Endpoint port \`${e.value.port}\` is not a number: an unknown UDP service name makes wg retry the lookup (forever under wg-quick@.service). Write the peer's port number, e.g. \`:51820\`.`,
        });
      }
    }
  },
});
