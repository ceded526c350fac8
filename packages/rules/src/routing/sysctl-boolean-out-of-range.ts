import { defineRule } from '@wglint/core';
import type { HostModel } from '@wglint/host';
import { bareValue, confKey, sysctlUses } from './utils.js';

/** Top-level sysctls documented as BOOLEAN (ip-sysctl.rst). */
const GLOBAL_BOOLEANS = new Set([
  'net.ipv4.ip_forward',
  'net.ipv4.ip_nonlocal_bind',
  'net.ipv6.ip_nonlocal_bind',
  'net.ipv4.icmp_echo_ignore_all',
  'net.ipv4.icmp_echo_ignore_broadcasts',
  'net.ipv4.icmp_ignore_bogus_error_responses',
  'net.ipv4.tcp_window_scaling',
  'net.ipv4.tcp_sack',
  'net.ipv4.tcp_rfc1337',
  'net.ipv6.bindv6only',
]);
/** Per-interface conf sysctls documented as BOOLEAN. */
const CONF_BOOLEANS: Readonly<Record<4 | 6, ReadonlySet<string>>> = {
  4: new Set(['forwarding', 'src_valid_mark', 'accept_local', 'proxy_arp', 'send_redirects', 'accept_redirects', 'secure_redirects', 'accept_source_route', 'log_martians', 'route_localnet', 'bootp_relay', 'disable_xfrm', 'disable_policy']),
  6: new Set(['disable_ipv6', 'autoconf', 'accept_redirects', 'proxy_ndp', 'disable_policy']),
};

export default defineRule<HostModel>({
  meta: {
    id: 'sysctl-boolean-out-of-range',
    severity: 'warning',
    summary: 'A boolean sysctl (ip_forward, src_valid_mark, ...) set to something other than 0 or 1',
    fixable: false,
    languages: ['sysctl', 'wg'],
  },
  check(ctx) {
    for (const u of sysctlUses(ctx.model)) {
      const k = confKey(u.key);
      const boolean = GLOBAL_BOOLEANS.has(u.key) || (k !== undefined && CONF_BOOLEANS[k.family].has(k.name));
      const v = bareValue(u.value);
      if (!boolean || /^[01]$/.test(v)) continue;
      ctx.report({
        file: u.file,
        range: u.valueRange,
        message:
          `\`${u.key}\` is a boolean, but it is set to \`${u.value}\`. ` +
          `${/^\d+$/.test(v) ? 'The kernel accepts the number without complaint, but only 0 and 1 are defined' : 'The kernel refuses a value that is not a number'}; use 1 to enable it or 0 to disable it.`,
      });
    }
  },
});
