import type { ParsedFile } from './parsed-file.js';

/** Versions of the real tools the host runs; version-dependent rules consult them. */
export interface TargetVersions {
  /** wireguard-tools release, e.g. "1.0.20210914" (Debian 12). Default: newest. */
  readonly wireguardTools: string;
  /** nftables release, e.g. "1.0.6". Default: newest. */
  readonly nftables: string;
}

/**
 * One machine as the kernel sees it after `wg-quick up` of every interface, built from all of
 * the host's files. Rules are pure functions of this model.
 */
export interface HostModel {
  /** Host root (the part of the path before `/etc/`), or the directory the files sit in. */
  readonly root: string;
  readonly files: readonly ParsedFile[];
  readonly targets: TargetVersions;
}
