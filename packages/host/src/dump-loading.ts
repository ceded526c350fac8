/**
 * How a host loads an iptables-save file at boot, decided by where the file lives. netfilter-persistent
 * and `iptables-restore < FILE` restore without `--noflush`: each table in the file replaces the
 * table. ufw's rules files are restored by ufw-init with `iptables-restore -n` (src/ufw-init-functions),
 * in the order before, user, after, once it has created its own chains: with `-n` a table keeps its
 * rules and only the user chains the file declares (`:NAME -`) are emptied (facts §2.9, tested).
 */
export interface DumpLoading {
  /** Restored with `--noflush`. */
  readonly noflush: boolean;
  /** Files with a lower rank are restored first; equal ranks keep their order. */
  readonly rank: number;
  /** Chains of the filter table that exist before the file is restored (the loader created them). */
  readonly loaderChains: ReadonlySet<string>;
}

const UFW_FILE = /(^|\/)etc\/ufw\/(before|user|after)6?\.rules$/;
const UFW_RANK: Readonly<Record<string, number>> = { before: 1, user: 2, after: 3 };

/**
 * ufw's chains, which ufw-init creates (`chains_command`, then `iptables-restore -n`) before it
 * restores its rules files: those files may jump to them without declaring them. For IPv4 `ufw-`,
 * for IPv6 `ufw6-`.
 */
const UFW_CHAINS = [
  'logging-deny', 'logging-allow', 'not-local', 'user-logging-input', 'user-limit-accept', 'user-limit',
  'skip-to-policy-input', 'reject-input', 'after-logging-input', 'after-input', 'user-input', 'before-input',
  'before-logging-input', 'skip-to-policy-forward', 'reject-forward', 'after-logging-forward', 'after-forward',
  'user-logging-forward', 'user-forward', 'before-forward', 'before-logging-forward', 'track-forward',
  'track-output', 'track-input', 'skip-to-policy-output', 'reject-output', 'after-logging-output', 'after-output',
  'user-logging-output', 'user-output', 'before-output', 'before-logging-output',
];
const UFW_CHAIN_SET: ReadonlySet<string> = new Set(UFW_CHAINS.flatMap((c) => [`ufw-${c}`, `ufw6-${c}`]));

const PLAIN: DumpLoading = { noflush: false, rank: 0, loaderChains: new Set() };

export function dumpLoadingOf(path: string): DumpLoading {
  const m = UFW_FILE.exec(path.replace(/\\/g, '/'));
  return m ? { noflush: true, rank: UFW_RANK[m[2]!]!, loaderChains: UFW_CHAIN_SET } : PLAIN;
}

/** Chains that exist before the file's `table` is restored because the tool that loads it creates them (ufw). */
export function chainsCreatedByLoader(path: string, table: string): ReadonlySet<string> {
  return table === 'filter' ? dumpLoadingOf(path).loaderChains : PLAIN.loaderChains;
}
