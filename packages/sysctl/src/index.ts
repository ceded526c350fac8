export type { SysctlCommand, SysctlComment, SysctlEntry, SysctlFile, SysctlInvalidLine, SysctlLine } from './ast.js';
export { parseSysctl, parseSysctlCommand } from './parse.js';
export { normalizeSysctlKey, sysctlGlobMatches, sysctlPath } from './normalize.js';
export {
  SYSCTL_DEFAULTS,
  effectiveInterfaceConf,
  effectiveSysctls,
  ephemeralPorts,
  interfaceSetting,
  ipv4Forwarding,
  ipv6Forwarding,
  isEphemeral,
  acceptsPortRange,
  acceptsReservedPorts,
  lastValid,
  lastValidAssignment,
  parsePortRange,
  parseReservedPorts,
  subtractRanges,
  sysctlApplyOrder,
  sysctlInt,
  type EffectiveSysctls,
  type PortSpan,
  type SysctlProvenance,
  type SysctlSetting,
  type SysctlSource,
} from './effective.js';
export { CORE_KEYS, IPV4_CONF_KEYS, IPV4_KEYS, IPV6_CONF_KEYS, IPV6_KEYS, checkSysctlKey, editDistance } from './known-keys.js';
export { formatSysctl } from './format.js';
