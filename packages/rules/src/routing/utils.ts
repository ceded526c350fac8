import type { TextRange } from '@wglint/core';
import type { HookKind, HostModel } from '@wglint/host';
import { type SysctlEntry, type SysctlFile, sysctlApplyOrder } from '@wglint/sysctl';

/** One sysctl assignment of the host: a sysctl.d line or a `sysctl -w` in a hook. */
export interface SysctlUse {
  readonly key: string;
  readonly value: string;
  readonly file: string;
  /** The whole line (file) or the `key=value` word (hook). */
  readonly range: TextRange;
  readonly keyRange: TextRange;
  readonly valueRange: TextRange;
  readonly source: 'file' | 'hook';
  readonly hook?: HookKind;
  readonly iface?: string;
  /** The parsed line, for file assignments. */
  readonly entry?: SysctlEntry;
}

/** The host's sysctl files in the order systemd-sysctl applies them. */
export function sysctlFiles(model: HostModel): { path: string; ast: SysctlFile }[] {
  const files = model.files.flatMap((f) => (f.language === 'sysctl' ? [{ path: f.file.path, ast: f.ast }] : []));
  return sysctlApplyOrder(files).applied;
}

/**
 * Every sysctl assignment in the order it happens: files (systemd-sysctl order), then hook
 * commands on `wg-quick up` as the host model lists them.
 */
export function sysctlUses(model: HostModel): SysctlUse[] {
  const out: SysctlUse[] = [];
  for (const f of sysctlFiles(model)) {
    for (const e of f.ast.entries) {
      if (!e.key) continue;
      out.push({ key: e.key, value: e.value, file: f.path, range: e.range, keyRange: e.keyRange, valueRange: e.valueRange, source: 'file', entry: e });
    }
  }
  for (const a of model.sysctl.assignments) {
    const o = a.origin;
    if (o.kind !== 'hook') continue;
    out.push({ key: a.key, value: a.value, file: o.file, range: o.range, keyRange: o.range, valueRange: o.range, source: 'hook', hook: o.hook, iface: o.iface });
  }
  return out;
}

/** `etc/sysctl.d/99-wg.conf:3` or `PostUp of wg0`. */
export function useText(model: HostModel, u: SysctlUse): string {
  if (u.source === 'hook') return `${u.hook} of ${u.iface}`;
  const text = model.files.find((f) => f.file.path === u.file)?.file.text ?? '';
  let line = 1;
  for (let i = 0; i < u.range.start && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return `${u.file}:${line}`;
}

/** The interface part of `net.ipv4.conf.IFACE.name` / `net.ipv6.conf.IFACE.name`, with the family. */
export function confKey(key: string): { family: 4 | 6; iface: string; name: string } | undefined {
  const m = /^net\.ipv([46])\.conf\.([^.]+)\.([^.]+)$/.exec(key);
  return m ? { family: m[1] === '6' ? 6 : 4, iface: m[2]!.replace(/\//g, '.'), name: m[3]! } : undefined;
}

/** The value without a trailing ` # ...` that sysctl.d would (wrongly) include; see sysctl-inline-comment. */
export function bareValue(value: string): string {
  return value.replace(/\s+[#;].*$/, '').trim();
}
