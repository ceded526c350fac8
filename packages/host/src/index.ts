export type { ParsedFile } from './parsed-file.js';
export type * from './model.js';
export { parseSourceFile } from './parse-file.js';
export { buildHostModel, chainKey, DEFAULT_TARGETS, wgToolsBefore } from './build.js';
export { iptCovers, isDropping, parseIptPort } from './ipt-facts.js';
export { effectiveConf, ephemeralPorts, interfaceConfValue, KERNEL_DEFAULTS, normSysctlKey, sysctlValue } from './sysctl-facts.js';
export { type Cidr, cidrContains, cidrKey, cidrOverlaps, type Family, formatPorts, intersectPorts, parseCidr, parseMark, type PortRange, subtractPorts } from './net.js';
export { interfaceNameOf } from './wg-interface.js';
export { hostTable, isRtTablesPath } from './routing-tables.js';
