import { BUILTIN_TABLES, parseRtTables } from '@wglint/iproute';
import { normTable } from './ip-facts.js';
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
  return path.endsWith('/rt_tables') ? 0 : 1;
}

/**
 * A table as the model writes it (`normTable`: `main`, `1234`, or a name), with a name the host's
 * rt_tables defines read as its number: `Table = vpn` and `ip rule ... table 200` are the same
 * table on a host that lists `200 vpn`.
 */
export function hostTable(tables: RoutingTables, table: string): string {
  const id = tables.names.get(table);
  return id === undefined ? table : normTable(String(id));
}
