import type { TextRange, Word } from '@wglint/core';
import { SYSCTL_DEFAULTS, acceptsPortRange, acceptsReservedPorts, lastValidAssignment, normalizeSysctlKey, parsePortRange, parseReservedPorts } from '@wglint/sysctl';
import type { SysctlCommand } from '@wglint/sysctl';
import type { HostModel, Origin, SysctlAssignment, SysctlRead } from './model.js';
import type { PortRange } from './net.js';

/**
 * Normalises a sysctl key to the dotted form: `net/ipv4/conf/wg0/rp_filter` → `net.ipv4.conf.wg0.rp_filter`.
 * In the slash form a `.` belongs to a name (an interface `wg.home`), so it is kept as `/` there.
 */
export function normSysctlKey(key: string): string {
  return normalizeSysctlKey(key.trim());
}

/** The kernel's values before any file is applied (facts §4); one table with @wglint/sysctl. */
export const KERNEL_DEFAULTS: Readonly<Record<string, string>> = SYSCTL_DEFAULTS;

/**
 * What `sysctl ARGS` writes and reads. With `-p`/`--load`/`-f` procps reads every other argument
 * as a file to load, which this model does not follow: no assignment, no read.
 */
export function sysctlCommandFacts(
  cmd: SysctlCommand,
  originAt: (range: TextRange) => Origin,
): { assignments: SysctlAssignment[]; reads: SysctlRead[]; ignoreUnknown: boolean } {
  if (cmd.load) return { assignments: [], reads: [], ignoreUnknown: cmd.ignoreUnknown };
  return {
    assignments: cmd.assignments.map((e) => ({ key: e.key, value: e.value, origin: originAt(e.range) })),
    reads: cmd.reads.map((r) => ({ key: r.key, origin: originAt(r.range) })),
    ignoreUnknown: cmd.ignoreUnknown,
  };
}

/**
 * The writes of `echo VALUE > /proc/sys/net/ipv4/ip_forward` (`>`, `>>`, `>|`) and of
 * `echo VALUE | tee [-a] /proc/sys/...`: what `sysctl -w` does, by hand. `echoed` is what `echo`
 * prints (for `tee`, the `echo` piped into it); empty when the command writes no /proc/sys file.
 */
export function procSysWrites(echoed: string | undefined, targets: readonly Word[], origin: (w: Word) => Origin): SysctlAssignment[] {
  if (echoed === undefined) return [];
  const out: SysctlAssignment[] = [];
  for (const t of targets) {
    if (!t.text.startsWith(PROC_SYS) || t.text.length === PROC_SYS.length) continue;
    out.push({ key: normSysctlKey(t.text.slice(PROC_SYS.length)), value: echoed.trim(), origin: origin(t) });
  }
  return out;
}

const PROC_SYS = '/proc/sys/';

/** What `echo ARGS` prints (its `-n`/`-e`/`-E` options dropped); undefined for another program. */
export function echoedText(program: string, args: readonly Word[]): string | undefined {
  if (program !== 'echo') return undefined;
  let i = 0;
  while (i < args.length && /^-[neE]+$/.test(args[i]!.text)) i++;
  return args.slice(i).map((w) => w.text).join(' ');
}

/** The value of a key in a phase, falling back to the kernel default; undefined when unknown. */
export function sysctlValue(model: HostModel, phase: 'boot' | 'up', key: string): SysctlAssignment | undefined {
  const map = phase === 'boot' ? model.sysctl.boot : model.sysctl.up;
  const hit = map.get(key);
  if (hit) return hit;
  const d = KERNEL_DEFAULTS[key];
  return d === undefined ? undefined : { key, value: d, origin: { kind: 'default' } };
}

/**
 * The value of a per-interface ipv4 conf key for an interface created by wg-quick: the interface
 * starts with `conf.default.X` as it was at boot, then hooks may set `conf.IFACE.X`.
 */
export function interfaceConfValue(model: HostModel, iface: string, name: string): SysctlAssignment | undefined {
  const own = model.sysctl.up.get(`net.ipv4.conf.${iface.replace(/\./g, '/')}.${name}`);
  if (own) return own;
  // Per-interface keys in sysctl.d are applied at boot, before wg-quick creates the interface (facts §4.1).
  return sysctlValue(model, 'boot', `net.ipv4.conf.default.${name}`);
}

/**
 * The value the kernel uses for rp_filter/src_valid_mark on an interface: the max of
 * `conf.all` and `conf.IFACE` (facts §4.1), with the assignment that decides it.
 */
export function effectiveConf(model: HostModel, iface: string, name: 'rp_filter' | 'src_valid_mark'): { value: number; decidedBy: SysctlAssignment[] } {
  const all = sysctlValue(model, 'up', `net.ipv4.conf.all.${name}`);
  const own = interfaceConfValue(model, iface, name);
  const a = Number(all?.value ?? 0) || 0;
  const o = Number(own?.value ?? 0) || 0;
  const value = Math.max(a, o);
  const decidedBy = [all, own].filter((x): x is SysctlAssignment => x !== undefined && (Number(x.value) || 0) === value);
  return { value, decidedBy };
}

/**
 * The ephemeral port range minus the reserved ports once the interface is up (defaults, files,
 * hooks). Values are read by @wglint/sysctl's kernel rules; a write the kernel refuses leaves the
 * previous value, so the last valid assignment counts.
 */
export function ephemeralPorts(model: HostModel): { range: PortRange; reserved: PortRange[]; origin: Origin; reservedOrigin: Origin } {
  const r = lastValid(model, 'net.ipv4.ip_local_port_range', acceptsPortRange);
  const res = lastValid(model, 'net.ipv4.ip_local_reserved_ports', acceptsReservedPorts);
  const range = parsePortRange(r.value).range ?? { from: 32768, to: 60999 };
  return { range, reserved: parseReservedPorts(res.value).ranges, origin: r.origin, reservedOrigin: res.origin };
}

/** The last assignment of `key` on up whose value `valid` accepts, else the kernel default. */
function lastValid(model: HostModel, key: string, valid: (value: string) => boolean): SysctlAssignment {
  return lastValidAssignment(model.sysctl.assignments, key, valid) ?? { key, value: KERNEL_DEFAULTS[key] ?? '', origin: { kind: 'default' } };
}
