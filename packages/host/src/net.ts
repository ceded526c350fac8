/** Small address helpers for the host model: CIDR parsing and containment, IPv4 and IPv6. */

export type Family = 'ipv4' | 'ipv6';

/** A parsed prefix; `network` has the host bits cleared. */
export interface Cidr {
  readonly family: Family;
  readonly network: bigint;
  readonly prefix: number;
  /** As written, e.g. `10.0.0.1/24`. */
  readonly text: string;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseV6(s: string): bigint | undefined {
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    const items = h.split(':');
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      if (it.includes('.')) {
        if (i !== items.length - 1) return undefined;
        const v4 = parseV4(it);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(it)) return undefined;
        out.push(parseInt(it, 16));
      }
    }
    return out;
  };
  const head = toGroups(halves[0]!);
  const tail = halves.length === 2 ? toGroups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const fill = 8 - head.length - tail.length;
    if (fill < 1) return undefined;
    groups = [...head, ...new Array<number>(fill).fill(0), ...tail];
  } else {
    groups = head;
  }
  if (groups.length !== 8) return undefined;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** Parses `addr[/len]`; a bare address is a /32 or /128. Undefined when it is not an address. */
export function parseCidr(text: string): Cidr | undefined {
  const t = text.trim();
  const slash = t.indexOf('/');
  const addr = slash >= 0 ? t.slice(0, slash) : t;
  const lenText = slash >= 0 ? t.slice(slash + 1) : undefined;
  const family: Family = addr.includes(':') ? 'ipv6' : 'ipv4';
  const value = family === 'ipv4' ? parseV4(addr) : parseV6(addr);
  if (value === undefined) return undefined;
  const bits = family === 'ipv4' ? 32 : 128;
  let prefix = bits;
  if (lenText !== undefined) {
    if (!/^\d{1,3}$/.test(lenText)) return undefined;
    prefix = Number(lenText);
    if (prefix > bits) return undefined;
  }
  return { family, network: value & maskOf(bits, prefix), prefix, text: t };
}

function maskOf(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return prefix === 0 ? 0n : (all >> BigInt(bits - prefix)) << BigInt(bits - prefix);
}

/** True when `outer` contains every address of `inner` (same family). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || outer.prefix > inner.prefix) return false;
  const bits = outer.family === 'ipv4' ? 32 : 128;
  return (inner.network & maskOf(bits, outer.prefix)) === outer.network;
}

/** True when the two prefixes share at least one address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

/** The prefix written canonically (`10.0.0.0/24`), for messages and comparisons. */
export function cidrKey(c: Cidr): string {
  if (c.family === 'ipv4') {
    const n = c.network;
    const o = [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn));
    return `${o.join('.')}/${c.prefix}`;
  }
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((c.network >> BigInt(i * 16)) & 0xffffn).toString(16));
  return `${groups.join(':')}/${c.prefix}`;
}

/** A closed port range `[from, to]`. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** Intersection of two port ranges, or undefined. */
export function intersectPorts(a: PortRange, b: PortRange): PortRange | undefined {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? { from, to } : undefined;
}

/** `ranges` minus `holes`, as a sorted list of disjoint ranges. */
export function subtractPorts(ranges: readonly PortRange[], holes: readonly PortRange[]): PortRange[] {
  let cur = [...ranges];
  for (const h of holes) {
    const next: PortRange[] = [];
    for (const r of cur) {
      if (h.to < r.from || h.from > r.to) {
        next.push(r);
        continue;
      }
      if (h.from > r.from) next.push({ from: r.from, to: h.from - 1 });
      if (h.to < r.to) next.push({ from: h.to + 1, to: r.to });
    }
    cur = next;
  }
  return cur.sort((a, b) => a.from - b.from);
}

export function formatPorts(r: PortRange): string {
  return r.from === r.to ? String(r.from) : `${r.from}-${r.to}`;
}

/** Parses a 32-bit mark `v[/m]` (decimal or 0x hex). */
export function parseMark(text: string): { value: number; mask: number } | undefined {
  const [v, m] = text.split('/');
  const num = (s: string | undefined): number | undefined => {
    if (s === undefined) return undefined;
    if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
    if (/^\d+$/.test(s)) return Number(s);
    return undefined;
  };
  const value = num(v);
  if (value === undefined || value > 0xffffffff) return undefined;
  const mask = m === undefined ? 0xffffffff : num(m);
  if (mask === undefined || mask > 0xffffffff) return undefined;
  return { value, mask };
}
