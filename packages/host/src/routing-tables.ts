import { BUILTIN_TABLES, parseRtTables } from '@wglint/iproute';
import type { HostConfigFile, RoutingTables } from './model.js';

/**
 * Routing table names of a host: iproute2's built-ins (`local`, `main`, `default`, `unspec`) and
 * the names of its `rt_tables` files, read in order (`etc/iproute2/rt_tables`, then
 * `rt_tables.d/*.conf` by name; a later file's name for an id adds to the earlier ones, as
 * iproute2's hash does).
 */
export function routingTablesOf(files: readonly HostConfigFile[]): RoutingTables {
  const names = new Map<string, number>(Object.entries(BUILTIN_TABLES));
  const read = files.filter((f) => isRtTablesPath(f.path)).sort((a, b) => rtTablesOrder(a.path) - rtTablesOrder(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of read) for (const e of parseRtTables(f.text)) if (!names.has(e.name)) names.set(e.name, e.id);
  return { names, files: read.map((f) => f.path) };
}

/** `etc/iproute2/rt_tables` or `etc/iproute2/rt_tables.d/NAME.conf` (host-relative, any prefix before `etc/`). */
export function isRtTablesPath(path: string): boolean {
  return RT_TABLES.test(path);
}

const RT_TABLES = /(?:^|\/)etc\/iproute2\/(?:rt_tables|rt_tables\.d\/[^/]+\.conf)$/;

function rtTablesOrder(path: string): number {
  return path.endsWith('/rt_tables') || path === 'etc/iproute2/rt_tables' ? 0 : 1;
}
