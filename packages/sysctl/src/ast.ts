import type { TextRange } from '@wglint/core';

/**
 * One `key = value` line of a sysctl.d file.
 *   `-net.ipv4.ip_forward = 1`
 *    ^prefix <----key---->   ^value      range = the whole line without its line break
 */
export interface SysctlEntry {
  readonly type: 'SysctlEntry';
  readonly range: TextRange;
  /** Normalised dotted key (`net/ipv4/conf/eth0.100/rp_filter` → `net.ipv4.conf.eth0/100.rp_filter`). */
  readonly key: string;
  /** Key as written (without the `-` prefix), trimmed. */
  readonly rawKey: string;
  readonly keyRange: TextRange;
  /** Value with surrounding whitespace removed (inner whitespace kept: `32768 60999`). */
  readonly value: string;
  /** Range of the trimmed value (empty range after `=` when the value is empty). */
  readonly valueRange: TextRange;
  readonly equalsRange: TextRange;
  /** `-key = value`: systemd-sysctl ignores a failure to write this key. */
  readonly ignoreFailure: boolean;
  /** The key contains a glob (`net.ipv4.conf.*.rp_filter`, systemd ≥ 238). */
  readonly glob: boolean;
}

/** A `#` or `;` comment line. */
export interface SysctlComment {
  readonly type: 'SysctlComment';
  readonly range: TextRange;
  readonly text: string;
}

/** A non-empty line that is not an assignment (systemd-sysctl ignores it with a warning). */
export interface SysctlInvalidLine {
  readonly type: 'SysctlInvalidLine';
  readonly range: TextRange;
  readonly text: string;
}

export type SysctlLine = SysctlEntry | SysctlComment | SysctlInvalidLine;

/** A sysctl.conf / sysctl.d file (sysctl.d(5)). */
export interface SysctlFile {
  readonly type: 'SysctlFile';
  readonly range: TextRange;
  /** Assignments in file order. */
  readonly entries: readonly SysctlEntry[];
  readonly comments: readonly SysctlComment[];
  /** Every non-blank line in order. */
  readonly lines: readonly SysctlLine[];
}

/** `sysctl [options] [key[=value] ...]` as run from a hook (procps-ng sysctl(8)). */
export interface SysctlCommand {
  readonly type: 'SysctlCommand';
  readonly range: TextRange;
  /** Options as written (`-w`, `-q`, `-p`, `--system` ...). */
  readonly options: readonly string[];
  /** `-w`/`--write` given. */
  readonly write: boolean;
  /** `-q`/`--quiet` given. */
  readonly quiet: boolean;
  /** `-e`/`--ignore` given: unknown keys are not errors. */
  readonly ignoreUnknown: boolean;
  /** `-p [FILE]`/`--load[=FILE]`/`-f`: files to load (`/etc/sysctl.conf` when none is named). */
  readonly load?: { readonly files: readonly { readonly path: string; readonly range: TextRange }[] };
  /** `--system`: reload every sysctl.d directory. */
  readonly system: boolean;
  /** `key=value` arguments (written). */
  readonly assignments: readonly SysctlEntry[];
  /** `key` arguments without `=` (read). */
  readonly reads: readonly { readonly key: string; readonly range: TextRange }[];
}
