import type { Word } from '@wglint/core';
import type { IpRuleFact, Origin, RouteFact } from './model.js';
import { type Family, parseCidr, parseMark } from './net.js';

/** What `ip ...` does: the object and the words after it. */
export interface IpInvocation {
  readonly family?: Family;
  /** `rule`, `route`, `link`, `addr`, `neigh`, ... (full name), or undefined. */
  readonly object?: string;
  /** Words after the object (the subcommand first). */
  readonly rest: readonly Word[];
}

const OBJECTS: readonly [string, string][] = [
  ['route', 'route'],
  ['rule', 'rule'],
  ['address', 'addr'],
  ['link', 'link'],
  ['neighbour', 'neigh'],
  ['neighbor', 'neigh'],
  ['tunnel', 'tunnel'],
  ['netns', 'netns'],
  ['monitor', 'monitor'],
];

/** Splits `ip [-4|-6|-family F|...] OBJECT ...` (argv without `ip`). Abbreviations follow iproute2's prefix matching. */
export function splitIpInvocation(args: readonly Word[]): IpInvocation {
  let family: Family | undefined;
  let i = 0;
  while (i < args.length && args[i]!.text.startsWith('-')) {
    const t = args[i]!.text;
    if (t === '-4') family = 'ipv4';
    else if (t === '-6') family = 'ipv6';
    else if (t === '-f' || t === '-family') {
      const f = args[i + 1]?.text;
      if (f === 'inet') family = 'ipv4';
      else if (f === 'inet6') family = 'ipv6';
      i++;
    } else if (t === '-n' || t === '-netns' || t === '-b' || t === '-batch' || t === '-rc' || t === '-rcvbuf') i++;
    i++;
  }
  const obj = args[i]?.text;
  let object: string | undefined;
  if (obj) {
    // iproute2 resolves `r` to route (first match in its table), `ru` to rule, `a` to addr.
    if (obj === 'r' || obj === 'ro') object = 'route';
    else if (obj === 'a' || obj === 'addr') object = 'addr';
    else object = OBJECTS.find(([full]) => full.startsWith(obj) && obj.length >= 2)?.[1] ?? obj;
  }
  return { ...(family ? { family } : {}), ...(object ? { object } : {}), rest: args.slice(i + 1) };
}

function verbOf(w: string | undefined): string | undefined {
  if (w === undefined) return undefined;
  if ('add'.startsWith(w) && w.length >= 1) return 'add';
  if (w === 'del' || w === 'delete' || w === 'd') return 'del';
  if (w === 'replace' || w === 'change' || w === 'append' || w === 'flush' || w === 'show' || w === 'list' || w === 'get') return w;
  return w;
}

/** Reads `ip rule add|del SELECTOR ACTION` words (after `rule`). */
export function ipRuleFactOf(rest: readonly Word[], family: Family | undefined, origin: Origin): IpRuleFact {
  const verb = verbOf(rest[0]?.text);
  const op: IpRuleFact['op'] = verb === 'add' ? 'add' : verb === 'del' ? 'del' : 'other';
  let priority: number | undefined;
  let table: string | undefined;
  let fwmark: IpRuleFact['fwmark'];
  let from: string | undefined;
  let to: string | undefined;
  let iif: string | undefined;
  let oif: string | undefined;
  let suppress: number | undefined;
  let not = false;
  let fam = family;
  const selector: string[] = [];
  for (let i = 1; i < rest.length; i++) {
    const k = rest[i]!.text;
    const v = rest[i + 1]?.text;
    switch (ruleKeyword(k)) {
      case 'not':
        not = true;
        selector.push('not');
        continue;
      case 'priority':
        if (v !== undefined && /^\d+$/.test(v)) priority = Number(v);
        i++;
        continue;
      case 'table':
        table = v;
        i++;
        selector.push(`table ${normTable(v ?? '')}`);
        continue;
      case 'fwmark': {
        const m = v ? parseMark(v) : undefined;
        if (m) fwmark = { ...m, negated: not };
        i++;
        selector.push(`fwmark ${m ? `${m.value}/${m.mask}` : v}`);
        continue;
      }
      case 'from':
      case 'to': {
        const c = v && v !== 'all' ? parseCidr(v) : undefined;
        if (c && !fam) fam = c.family;
        if (k === 'from') from = v;
        else to = v;
        i++;
        if (v !== 'all') selector.push(`${k} ${c ? `${c.network}/${c.prefix}` : v}`);
        continue;
      }
      case 'iif':
      case 'dev':
        iif = v;
        i++;
        selector.push(`iif ${v}`);
        continue;
      case 'oif':
        oif = v;
        i++;
        selector.push(`oif ${v}`);
        continue;
      case 'suppress_prefixlength':
        if (v !== undefined && /^\d+$/.test(v)) suppress = Number(v);
        i++;
        selector.push(`suppress_prefixlength ${v}`);
        continue;
      default:
        if (v !== undefined && !['nat', 'l3mdev', 'unreachable', 'prohibit', 'blackhole'].includes(k)) {
          selector.push(`${k} ${v}`);
          i++;
        } else selector.push(k);
    }
  }
  return {
    family: fam ?? 'ipv4',
    op,
    ...(priority !== undefined ? { priority } : {}),
    ...(table !== undefined ? { table: normTable(table) } : {}),
    ...(fwmark ? { fwmark } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(iif !== undefined ? { iif } : {}),
    ...(oif !== undefined ? { oif } : {}),
    ...(suppress !== undefined ? { suppressPrefixlength: suppress } : {}),
    not,
    selectorKey: selector.join(' '),
    origin,
  };
}

/**
 * The keyword `ip rule` reads for `k`: iproute2 takes any prefix of `preference`, `order` and
 * `priority` (`prio`, `pref`) and of `table` (`tab`), as its `matches()` does; other words as written.
 */
function ruleKeyword(k: string): string {
  if (k === '') return k;
  if ('preference'.startsWith(k) || 'order'.startsWith(k) || 'priority'.startsWith(k)) return 'priority';
  if ('table'.startsWith(k) || k === 'lookup') return 'table';
  return k;
}

/**
 * Canonical table: numbers as decimal (iproute2 reads them with base 0: `0x4d2` and `02322` are
 * 1234), `main`/`local`/`default` for 254/255/253, other names as written.
 */
export function normTable(t: string): string {
  const n = /^0x[0-9a-f]+$/i.test(t) ? parseInt(t.slice(2), 16) : /^0[0-7]+$/.test(t) ? parseInt(t, 8) : /^[1-9]\d*$/.test(t) ? Number(t) : undefined;
  const id = n === undefined ? t : String(n);
  if (id === '254') return 'main';
  if (id === '255') return 'local';
  if (id === '253') return 'default';
  return id;
}

const ROUTE_TYPES = new Set(['unicast', 'local', 'broadcast', 'multicast', 'throw', 'unreachable', 'prohibit', 'blackhole', 'nat', 'anycast']);
const ROUTE_KEYS_WITH_VALUE = new Set([
  'via', 'dev', 'oif', 'table', 'metric', 'preference', 'priority', 'proto', 'protocol', 'scope', 'src', 'mtu', 'advmss',
  'tos', 'dsfield', 'realm', 'realms', 'weight', 'nexthop', 'rtt', 'rttvar', 'window', 'cwnd', 'initcwnd', 'initrwnd',
  'hoplimit', 'features', 'quickack', 'congctl', 'pref', 'expires', 'nhid', 'encap', 'from', 'ssthresh', 'reordering',
]);

/** Reads `ip route add|del|replace PREFIX [via X] [dev D] [table T] ...` words (after `route`). */
export function routeFactOf(rest: readonly Word[], family: Family | undefined, origin: Origin): RouteFact {
  const verb = verbOf(rest[0]?.text) ?? 'other';
  const op: RouteFact['op'] = (['add', 'del', 'replace', 'change', 'append'] as const).find((v) => v === verb) ?? 'other';
  let destination: string | undefined;
  let dev: string | undefined;
  let via: string | undefined;
  let table = 'main';
  for (let i = 1; i < rest.length; i++) {
    const k = rest[i]!.text;
    const v = rest[i + 1]?.text;
    if (k === 'to') {
      destination = v;
      i++;
    } else if (k === 'dev' || k === 'oif') {
      dev = v;
      i++;
    } else if (k === 'via') {
      if (v === 'inet' || v === 'inet6') i++;
      via = rest[i + 1]?.text;
      i++;
    } else if (k === 'table') {
      table = normTable(v ?? 'main');
      i++;
    } else if (ROUTE_KEYS_WITH_VALUE.has(k)) i++;
    else if (ROUTE_TYPES.has(k)) continue;
    else if (destination === undefined) destination = k;
  }
  const cidr = destination === 'default' ? parseCidr(family === 'ipv6' ? '::/0' : '0.0.0.0/0') : destination ? parseCidr(destination) : undefined;
  return {
    family: family ?? cidr?.family ?? 'ipv4',
    op,
    ...(destination !== undefined ? { destination } : {}),
    ...(cidr ? { cidr } : {}),
    ...(dev !== undefined ? { dev } : {}),
    ...(via !== undefined ? { via } : {}),
    table,
    origin,
  };
}
