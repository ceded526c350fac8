import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { readEntries, wgFiles } from './utils.js';

/** What glibc's getaddrinfo makes of a port above 65535: it keeps the low 16 bits. */
function wrapped(port: number): string {
  const p = port % 65536;
  return p === 0 ? '0 (a random port)' : String(p);
}

function negative(what: string, value: string): string {
  return `${what} \`${value}\` is not a port from 0 to 65535: wg refuses it ("Servname not supported for ai_socktype") and the interface does not come up. Write a port number such as 51820.`;
}

export default defineRule<HostModel>({
  meta: {
    id: 'wg-port-out-of-range',
    severity: 'error',
    summary: 'ListenPort or Endpoint port above 65535 (silently wrapped by glibc) or negative (refused)',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const e of readEntries(file.ast, 'ListenPort')) {
        if (e.value.kind === 'port' && e.value.error === 'negative') {
          ctx.report({ file: file.path, range: e.valueRange, message: negative('ListenPort', e.rawValue) });
          continue;
        }
        if (e.value.kind !== 'port' || e.value.port === null || e.value.port <= 65535) continue;
        ctx.report({
          file: file.path,
          range: e.valueRange,
          message: `ListenPort ${e.value.port} is above 65535: wg accepts it but glibc wraps it to ${wrapped(e.value.port)}, so the interface listens somewhere else. Use a port from 1 to 65535 (51820 is the usual one).`,
        });
      }
      for (const e of readEntries(file.ast, 'Endpoint')) {
        if (e.value.kind === 'endpoint' && e.value.error === 'negative-port' && e.value.port !== null) {
          ctx.report({ file: file.path, range: e.value.portRange ?? e.valueRange, message: negative('Endpoint port', e.value.port) });
          continue;
        }
        if (e.value.kind !== 'endpoint' || e.value.portNumber === null || e.value.portNumber <= 65535) continue;
        ctx.report({
          file: file.path,
          range: e.value.portRange ?? e.valueRange,
          message: `Endpoint port ${e.value.portNumber} is above 65535: glibc wraps it to ${wrapped(e.value.portNumber)}, so handshakes go to the wrong port. Use the peer's real ListenPort (1-65535).`,
        });
      }
    }
  },
});
