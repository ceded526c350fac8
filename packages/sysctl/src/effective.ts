import type { TextRange } from '@wglint/core';
import type { SysctlEntry, SysctlFile } from './ast.js';
import { sysctlGlobMatches } from './normalize.js';

/** A parsed sysctl file with its path as the host sees it (`etc/sysctl.d/99-wg.conf`). */
export interface SysctlSource {
  readonly path: string;
  readonly ast: SysctlFile;
}

/** Where an effective value comes from. */
export type SysctlProvenance =
  | { readonly kind: 'file'; readonly path: string; readonly entry: SysctlEntry; readonly range: TextRange }
  | { readonly kind: 'default' };

export interface SysctlSetting {
  readonly key: string;
  readonly value: string;
  readonly provenance: SysctlProvenance;
}

/** The kernel's values before any file is applied (facts §4; `ip_local_port_range` tested in a fresh netns). */
export const SYSCTL_DEFAULTS: Readonly<Record<string, string>> = {
  'net.ipv4.ip_forward': '0',
  'net.ipv4.conf.all.forwarding': '0',
  'net.ipv4.conf.default.forwarding': '0',
  'net.ipv6.conf.all.forwarding': '0',
  'net.ipv6.conf.default.forwarding': '0',
  'net.ipv4.conf.all.rp_filter': '0',
  'net.ipv4.conf.default.rp_filter': '0',
  'net.ipv4.conf.all.src_valid_mark': '0',
  'net.ipv4.conf.default.src_valid_mark': '0',
  'net.ipv6.conf.all.accept_ra': '1',
  'net.ipv6.conf.default.accept_ra': '1',
  'net.ipv4.ip_local_port_range': '32768 60999',
  'net.ipv4.ip_local_reserved_ports': '',
};

/** systemd-sysctl directories, highest priority first: a file name in an earlier one masks the same name later. */
const DIRS: readonly string[] = ['etc/sysctl.d/', 'run/sysctl.d/', 'usr/local/lib/sysctl.d/', 'usr/lib/sysctl.d/', 'lib/sysctl.d/'];

function dirRank(path: string): number {
  const p = path.replace(/\\/g, '/');
  const i = DIRS.findIndex((d) => p.includes(`/${d}`) || p.startsWith(d));
  return i < 0 ? DIRS.length : i;
}

const baseName = (p: string): string => p.replace(/\\/g, '/').replace(/^.*\//, '');
const isSysctlConf = (p: string): boolean => baseName(p) === 'sysctl.conf';

/**
 * Orders sysctl files as `sysctl --system` / systemd-sysctl apply them: sysctl.d files from all
 * directories sorted by file name (a name in /etc masks the same name in /run, /usr/lib ...), then
 * `/etc/sysctl.conf` last (procps; Debian's `99-sysctl.conf` symlink gives nearly the same order).
 * Returns the applied sources in order and the masked ones.
 */
export function sysctlApplyOrder<T extends { readonly path: string }>(sources: readonly T[]): { applied: T[]; masked: T[] } {
  const byName = new Map<string, T>();
  const masked: T[] = [];
  const confs: T[] = [];
  for (const s of sources) {
    if (isSysctlConf(s.path)) {
      confs.push(s);
      continue;
    }
    const name = baseName(s.path);
    const prev = byName.get(name);
    if (!prev) byName.set(name, s);
    else if (dirRank(s.path) < dirRank(prev.path)) {
      masked.push(prev);
      byName.set(name, s);
    } else masked.push(s);
  }
  const applied = [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
  return { applied: [...applied, ...confs], masked };
}

/** The result of applying a host's sysctl files in order. */
export interface EffectiveSysctls {
  /** Explicit (non-glob) keys and their last assignment. */
  readonly values: ReadonlyMap<string, SysctlSetting>;
  /** Every assignment in the order applied (globs included). */
  readonly applied: readonly SysctlSetting[];
  /** Assignments overridden later by another assignment of the same key. */
  readonly overridden: readonly { readonly setting: SysctlSetting; readonly by: SysctlSetting }[];
  /** Files masked by a same-named file in a higher-priority directory. */
  readonly masked: readonly string[];
  /** The value of a key: the last explicit or glob assignment, else the kernel default, else undefined. */
  get(key: string): SysctlSetting | undefined;
}

/** Applies the files in systemd-sysctl order (see `sysctlApplyOrder`); later assignments win. */
export function effectiveSysctls(sources: readonly SysctlSource[]): EffectiveSysctls {
  const { applied: files, masked } = sysctlApplyOrder(sources);
  const applied: SysctlSetting[] = [];
  const values = new Map<string, SysctlSetting>();
  const overridden: { setting: SysctlSetting; by: SysctlSetting }[] = [];
  for (const f of files) {
    for (const entry of f.ast.entries) {
      if (!entry.key) continue;
      const setting: SysctlSetting = { key: entry.key, value: entry.value, provenance: { kind: 'file', path: f.path, entry, range: entry.range } };
      applied.push(setting);
      if (entry.glob) continue;
      const prev = values.get(entry.key);
      if (prev) overridden.push({ setting: prev, by: setting });
      values.set(entry.key, setting);
    }
  }
  const get = (key: string): SysctlSetting | undefined => {
    for (let i = applied.length - 1; i >= 0; i--) {
      const s = applied[i]!;
      if (s.key === key || (s.provenance.kind === 'file' && s.provenance.entry.glob && sysctlGlobMatches(s.key, key))) return s;
    }
    const d = SYSCTL_DEFAULTS[key];
    return d === undefined ? undefined : { key, value: d, provenance: { kind: 'default' } };
  };
  return { values, applied, overridden, masked: masked.map((m) => m.path), get };
}

/**
 * The value of `net.ipv4.conf.<iface>.<name>` for an interface. An interface created after boot
 * (every wg-quick interface) starts from `conf.default` as the files left it: `conf.<iface>` lines
 * in sysctl.d ran before it existed (facts §4.1).
 */
export function interfaceSetting(
  eff: EffectiveSysctls,
  iface: string,
  name: string,
  options: { readonly createdAfterBoot?: boolean; readonly family?: 4 | 6 } = {},
): SysctlSetting | undefined {
  const fam = options.family === 6 ? 'ipv6' : 'ipv4';
  const own = `net.${fam}.conf.${iface.replace(/\./g, '/')}.${name}`;
  if (!(options.createdAfterBoot ?? true)) {
    const s = eff.get(own);
    if (s) return s;
  }
  return eff.get(`net.${fam}.conf.default.${name}`);
}

/** An integer sysctl value (`'1'`, `' 2 '`), or undefined. */
export function sysctlInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  return /^-?\d+$/.test(t) ? Number(t) : undefined;
}

/**
 * rp_filter (or src_valid_mark) the kernel uses for an interface: max(conf.all, conf.IFACE)
 * (facts §4.1), with the settings that decide it.
 */
export function effectiveInterfaceConf(
  eff: EffectiveSysctls,
  iface: string,
  name: 'rp_filter' | 'src_valid_mark' | 'accept_local' | 'log_martians',
  options: { readonly createdAfterBoot?: boolean } = {},
): { value: number; all: SysctlSetting | undefined; iface: SysctlSetting | undefined; decidedBy: SysctlSetting | undefined } {
  const all = eff.get(`net.ipv4.conf.all.${name}`);
  const own = interfaceSetting(eff, iface, name, options);
  const a = sysctlInt(all?.value) ?? 0;
  const o = sysctlInt(own?.value) ?? 0;
  const value = Math.max(a, o);
  const decidedBy = a >= o ? all : own;
  return { value, all, iface: own, decidedBy };
}

/** True when IPv4 forwarding is on after the files (`ip_forward` or `conf.all.forwarding`, the same switch). */
export function ipv4Forwarding(eff: EffectiveSysctls): { enabled: boolean; setting: SysctlSetting | undefined } {
  const a = eff.get('net.ipv4.ip_forward');
  const b = eff.get('net.ipv4.conf.all.forwarding');
  const pick = [a, b].filter((s): s is SysctlSetting => s !== undefined && s.provenance.kind === 'file');
  const last = pick.length === 0 ? a : pick.reduce((x, y) => (order(eff, x) > order(eff, y) ? x : y));
  return { enabled: (sysctlInt(last?.value) ?? 0) !== 0, setting: last };
}

/** True when IPv6 forwarding is on after the files (only `net.ipv6.conf.all.forwarding` forwards). */
export function ipv6Forwarding(eff: EffectiveSysctls): { enabled: boolean; setting: SysctlSetting | undefined } {
  const s = eff.get('net.ipv6.conf.all.forwarding');
  return { enabled: (sysctlInt(s?.value) ?? 0) !== 0, setting: s };
}

function order(eff: EffectiveSysctls, s: SysctlSetting): number {
  return eff.applied.indexOf(s);
}

/** An inclusive port range. */
export interface PortSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * `ip_local_port_range` value: two integers separated by whitespace, the first at least
 * `ip_unprivileged_port_start` (1024 by default), the second at most 65535, increasing (facts §4.2,
 * tested). `error`: the kernel refuses the write; `warning`: accepted but not what was meant.
 */
export function parsePortRange(value: string, unprivilegedPortStart = 1024): { range?: PortSpan; error?: string; warning?: string } {
  const parts = value.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p))) {
    return { error: 'expected two port numbers separated by a space, e.g. `32768 60999`' };
  }
  const from = Number(parts[0]);
  const to = Number(parts[1] ?? parts[0]);
  if (from > to) return { error: `the first port (${from}) is larger than the second (${to}); the kernel refuses it (Invalid argument)` };
  if (to > 65535) return { error: `${to} is above 65535; the kernel refuses it (Invalid argument)` };
  if (from < unprivilegedPortStart) {
    return { error: `the first port (${from}) is below ip_unprivileged_port_start (${unprivilegedPortStart}); the kernel refuses it (Invalid argument)` };
  }
  if (parts.length !== 2) {
    return { range: { from, to }, warning: `expected exactly two numbers, found ${parts.length}; the kernel reads ${parts.length === 1 ? 'only the first' : 'the first two'}` };
  }
  return { range: { from, to } };
}

/**
 * `ip_local_reserved_ports` value: comma-separated ports and `FROM-TO` ranges, no spaces
 * (`51820,60000-60010`); empty clears the list. Every error means the kernel refuses the whole write.
 */
export function parseReservedPorts(value: string): { ranges: PortSpan[]; errors: { item: string; offset: number; message: string }[] } {
  const ranges: PortSpan[] = [];
  const errors: { item: string; offset: number; message: string }[] = [];
  if (value === '') return { ranges, errors };
  let offset = 0;
  for (const item of value.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(item);
    if (!m) {
      const message =
        item === '' ? 'empty item (stray comma)' : /\s/.test(item) ? `\`${item}\` contains whitespace; separate ports with commas only` : `\`${item}\` is not a port or \`FROM-TO\` range`;
      errors.push({ item, offset, message });
    } else {
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      if (from > 65535 || to > 65535) errors.push({ item, offset, message: `\`${item}\` is outside 0-65535` });
      else if (from > to) errors.push({ item, offset, message: `\`${item}\` is an inverted range` });
      else ranges.push({ from, to });
    }
    offset += item.length + 1;
  }
  return { ranges, errors };
}

/** Subtracts `holes` from `range` (inclusive ranges), giving sorted disjoint spans. */
export function subtractRanges(range: PortSpan, holes: readonly PortSpan[]): PortSpan[] {
  let out: PortSpan[] = [range];
  for (const h of holes) {
    const next: PortSpan[] = [];
    for (const r of out) {
      if (h.to < r.from || h.from > r.to) next.push(r);
      else {
        if (h.from > r.from) next.push({ from: r.from, to: h.from - 1 });
        if (h.to < r.to) next.push({ from: h.to + 1, to: r.to });
      }
    }
    out = next;
  }
  return out;
}

/**
 * The ports the kernel may pick automatically: `ip_local_port_range` minus
 * `ip_local_reserved_ports` (facts §4.2), with the settings they come from.
 */
export function ephemeralPorts(eff: EffectiveSysctls): {
  range: PortSpan;
  reserved: PortSpan[];
  free: PortSpan[];
  rangeSetting: SysctlSetting | undefined;
  reservedSetting: SysctlSetting | undefined;
} {
  // A write the kernel refuses leaves the previous value: take the last valid assignment.
  const rangeSetting = lastValid(eff, 'net.ipv4.ip_local_port_range', acceptsPortRange);
  const reservedSetting = lastValid(eff, 'net.ipv4.ip_local_reserved_ports', acceptsReservedPorts);
  const range = parsePortRange(rangeSetting?.value ?? '').range ?? { from: 32768, to: 60999 };
  const reserved = parseReservedPorts(reservedSetting?.value ?? '').ranges;
  return { range, reserved, free: subtractRanges(range, reserved), rangeSetting, reservedSetting };
}

/** True when `port` is auto-assignable (in the ephemeral range and not reserved). */
export function isEphemeral(free: readonly PortSpan[], port: number): boolean {
  return free.some((r) => port >= r.from && port <= r.to);
}

/** Whether the kernel takes these values; a write it refuses leaves the previous value. */
export const acceptsPortRange = (value: string): boolean => parsePortRange(value).range !== undefined;
export const acceptsReservedPorts = (value: string): boolean => parseReservedPorts(value).errors.length === 0;

/** The last of `assignments` to `key` whose value the kernel accepts (`valid`). */
export function lastValidAssignment<T extends { readonly key: string; readonly value: string }>(
  assignments: readonly T[],
  key: string,
  valid: (value: string) => boolean,
): T | undefined {
  for (let i = assignments.length - 1; i >= 0; i--) {
    const a = assignments[i]!;
    if (a.key === key && valid(a.value)) return a;
  }
  return undefined;
}

/** The last assignment of `key` whose value the kernel accepts (`valid`), else the default. */
export function lastValid(eff: EffectiveSysctls, key: string, valid: (value: string) => boolean): SysctlSetting | undefined {
  const hit = lastValidAssignment(eff.applied, key, valid);
  if (hit) return hit;
  const d = SYSCTL_DEFAULTS[key];
  return d === undefined ? undefined : { key, value: d, provenance: { kind: 'default' } };
}
