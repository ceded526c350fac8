import type { HostRule } from '../host-rule.js';
import wgAllowedIpsHostBits from './wg-allowed-ips-host-bits.js';
import wgAllowedIpsSyntax from './wg-allowed-ips-syntax.js';
import wgBom from './wg-bom.js';
import wgDnsNotAnIp from './wg-dns-not-an-ip.js';
import wgDuplicateAllowedIps from './wg-duplicate-allowed-ips.js';
import wgDuplicatePeer from './wg-duplicate-peer.js';
import wgEndpointFormat from './wg-endpoint-format.js';
import wgEndpointRoutedIntoTunnel from './wg-endpoint-routed-into-tunnel.js';
import wgEndpointUnbracketedIpv6 from './wg-endpoint-unbracketed-ipv6.js';
import wgFullTunnelIpv6Leak from './wg-full-tunnel-ipv6-leak.js';
import wgFwmarkFormat from './wg-fwmark-format.js';
import wgHeaderInnerSpace from './wg-header-inner-space.js';
import wgHookHashTruncated from './wg-hook-hash-truncated.js';
import wgInterfaceMissingPrivateKey from './wg-interface-missing-private-key.js';
import wgInterfaceName from './wg-interface-name.js';
import wgInterfaceNameDotSysctl from './wg-interface-name-dot-sysctl.js';
import wgInvalidKey from './wg-invalid-key.js';
import wgKeepaliveRange from './wg-keepalive-range.js';
import wgMtuBelowIpv6Minimum from './wg-mtu-below-ipv6-minimum.js';
import wgMtuInvalid from './wg-mtu-invalid.js';
import wgPeerIsSelf from './wg-peer-is-self.js';
import wgPeerMissingPublicKey from './wg-peer-missing-public-key.js';
import wgPeerMultiplePublicKeys from './wg-peer-multiple-public-keys.js';
import wgPortNotNumeric from './wg-port-not-numeric.js';
import wgPortOutOfRange from './wg-port-out-of-range.js';
import wgSaveconfigRewritesFile from './wg-saveconfig-rewrites-file.js';
import wgSaveconfigValue from './wg-saveconfig-value.js';
import wgTableKeywordCase from './wg-table-keyword-case.js';
import wgWhitespaceInsideValue from './wg-whitespace-inside-value.js';

/** The wg config rules, by id. Lines wg refuses outright ("Line unrecognized") are syntax errors
 * reported by the wg parser, not rules. */
export const rules: readonly HostRule[] = [
  wgAllowedIpsHostBits,
  wgAllowedIpsSyntax,
  wgBom,
  wgDnsNotAnIp,
  wgDuplicateAllowedIps,
  wgDuplicatePeer,
  wgEndpointFormat,
  wgEndpointRoutedIntoTunnel,
  wgEndpointUnbracketedIpv6,
  wgFullTunnelIpv6Leak,
  wgFwmarkFormat,
  wgHeaderInnerSpace,
  wgHookHashTruncated,
  wgInterfaceMissingPrivateKey,
  wgInterfaceName,
  wgInterfaceNameDotSysctl,
  wgInvalidKey,
  wgKeepaliveRange,
  wgMtuBelowIpv6Minimum,
  wgMtuInvalid,
  wgPeerIsSelf,
  wgPeerMissingPublicKey,
  wgPeerMultiplePublicKeys,
  wgPortNotNumeric,
  wgPortOutOfRange,
  wgSaveconfigRewritesFile,
  wgSaveconfigValue,
  wgTableKeywordCase,
  wgWhitespaceInsideValue,
];
