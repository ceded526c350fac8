import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { parseIp } from '@wglint/wg';
import { readEntries, wgFiles } from './utils.js';

// A host name as getaddrinfo can resolve it (underscores occur in real DNS names).
const HOSTNAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_.])?$/;

export default defineRule<HostModel>({
  meta: {
    id: 'wg-endpoint-format',
    severity: 'error',
    summary: 'Endpoint that is not `host:port` or `[IPv6]:port`',
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    for (const file of wgFiles(ctx.model)) {
      for (const e of readEntries(file.ast, 'Endpoint')) {
        const v = e.value;
        if (v.kind !== 'endpoint') continue;
        const raw = e.rawValue;
        let message: string | undefined;
        if (v.error === 'unmatched-bracket') {
          message = `Endpoint \`${raw}\` opens \`[\` without closing it: wg refuses it ("Unable to find matching brace of endpoint"). Write \`[address]:port\`.`;
        } else if (v.error === 'missing-port') {
          const ip6 = !v.bracketed && raw.includes(':') && parseIp(raw.replace(/\s+/g, ''))?.family === 6;
          message = ip6
            ? `Endpoint \`${raw}\` is an IPv6 address without a port: wg splits at the last \`:\` and fails. Write \`[${raw}]:51820\` with the peer's port.`
            : `Endpoint \`${raw}\` has no port: wg refuses it ("Unable to find port of endpoint"). Add the peer's ListenPort, e.g. \`${v.bracketed ? raw : raw.replace(/:$/, '')}:51820\`.`;
        } else if (v.error === 'unbracketed-ipv6' && v.hostKind !== 'ipv6') {
          message = `Endpoint \`${raw}\` looks like an IPv6 address without brackets: wg splits it at the last \`:\` into host \`${v.host}\` and port \`${v.port}\`, which cannot resolve. Write \`[address]:port\`, e.g. \`[${raw}]:51820\`.`;
        } else if (v.error === null && v.hostKind === 'hostname' && v.host !== null && !HOSTNAME.test(v.host)) {
          message = `Endpoint host \`${v.host}\` is neither an IP address nor a valid host name: the lookup fails when the interface comes up. Write the peer's address or DNS name.`;
        }
        if (message) ctx.report({ file: file.path, range: e.valueRange, message });
      }
    }
  },
});
