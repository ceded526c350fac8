import type { HostModel, TargetVersions } from './model.js';
import type { ParsedFile } from './parsed-file.js';

export const DEFAULT_TARGETS: TargetVersions = { wireguardTools: '1.0.20260223', nftables: '1.1.6' };

/** Builds the model of one host from its parsed files. */
export function buildHostModel(root: string, files: readonly ParsedFile[], targets: Partial<TargetVersions> = {}): HostModel {
  return { root, files, targets: { ...DEFAULT_TARGETS, ...targets } };
}
