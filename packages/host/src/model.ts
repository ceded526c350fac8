import type { TextRange, Word } from '@wglint/core';
import type { IptCommand, IptRuleSummary } from '@wglint/iptables';
import type { Cidr, Family, PortRange } from './net.js';
import type { ParsedFile } from './parsed-file.js';

/** Versions of the real tools the host runs; version-dependent rules consult them. */
export interface TargetVersions {
  /** wireguard-tools release, e.g. "1.0.20210914" (Debian 12). Default: newest. */
  readonly wireguardTools: string;
  /** nftables release, e.g. "1.0.6". Default: newest. */
  readonly nftables: string;
}

/** A syntax problem found while building the model (inside a hook command); reported as `syntax-error`. */
export interface ModelProblem {
  readonly file: string;
  readonly range: TextRange;
  readonly message: string;
}

/** A place in a file. */
export interface Location {
  readonly file: string;
  readonly range: TextRange;
}

export type HookKind = 'PreUp' | 'PostUp' | 'PreDown' | 'PostDown';

/** Where a fact came from: a file of the host, a hook command, wg-quick itself, or the kernel default. */
export type Origin =
  | { readonly kind: 'file'; readonly file: string; readonly range: TextRange }
  | { readonly kind: 'hook'; readonly file: string; readonly range: TextRange; readonly iface: string; readonly hook: HookKind }
  | { readonly kind: 'wg-quick'; readonly file: string; readonly range: TextRange; readonly iface: string }
  | { readonly kind: 'default' };

// ---------------------------------------------------------------------------------------------
// iptables facts

/** An interface match `-i wg0` / `! -o eth0`; `wildcard` when the name ends in `+`. */
export interface IfaceMatch {
  readonly name: string;
  readonly negated: boolean;
  readonly wildcard: boolean;
}

/** What an iptables rule matches and does, derived from its parsed spec. */
export interface IptFacts {
  readonly protocol?: { readonly name: string; readonly negated: boolean };
  readonly inIface?: IfaceMatch;
  readonly outIface?: IfaceMatch;
  readonly source?: { readonly cidrs: readonly Cidr[]; readonly negated: boolean };
  readonly destination?: { readonly cidrs: readonly Cidr[]; readonly negated: boolean };
  /** `--dport`/`--dports` (tcp/udp/multiport); no ranges when a port is unknown (a `$(...)` bash computes). */
  readonly dports?: { readonly ranges: readonly PortRange[]; readonly negated: boolean };
  readonly sports?: { readonly ranges: readonly PortRange[]; readonly negated: boolean };
  /** `--ctstate` / `--state` values, upper-case. */
  readonly states?: { readonly values: readonly string[]; readonly negated: boolean };
  /** Match module names in order (`conntrack`, `limit`, `comment`, ...). */
  readonly modules: readonly string[];
  /** True when some match other than the understood ones (comment, the above) restricts the rule. */
  readonly hasOtherMatches: boolean;
  /** True when the rule matches every packet of the chain (no restricting match at all). */
  readonly matchesAll: boolean;
  readonly target?: string;
  /** Target options by long name without dashes (`set-mark` → `0x1`), for MARK/CONNMARK/DNAT/... */
  readonly targetOptions: Readonly<Record<string, string>>;
  /** `-m mark --mark` / `-m connmark --mark` values, as written. */
  readonly markMatch?: string;
  readonly connmarkMatch?: string;
  /** The rule's matches and target as written (normalised lightly), for messages. */
  readonly specKey: string;
  /**
   * The rules iptables stores for this one, which is what `-D`/`-C` compare (facts §2.6): one per
   * source × destination of `-s a,b -d c` (facts §2.5), each equal for `--ctstate
   * ESTABLISHED,RELATED` and `RELATED,ESTABLISHED`, `--dport domain` and `53`, `--icmp-type
   * echo-request` and `8`, `-s 0.0.0.0/0` and no `-s`, ... (see `canonicalRuleKey`).
   */
  readonly ruleKeys: readonly string[];
}

/** A rule in a chain of the simulated firewall, with provenance. */
export interface IptRuleFact {
  readonly family: Family;
  readonly table: string;
  readonly chain: string;
  readonly command: IptCommand;
  readonly facts: IptFacts;
  readonly origin: Origin;
  /** For a dump rule, its line's summary: read it instead of `command` where it suffices (see `IptSaveRule`). */
  readonly summary?: IptRuleSummary;
}

/** A chain of the simulated firewall. */
export interface IptChainState {
  readonly family: Family;
  readonly table: string;
  readonly chain: string;
  /** Policy of a built-in chain (`ACCEPT` when unknown), with where it was set. */
  readonly policy: string;
  readonly policyOrigin: Origin;
  readonly rules: readonly IptRuleFact[];
}

/** The iptables state: chains keyed by `${family} ${table} ${chain}`. */
export interface FirewallState {
  readonly chains: ReadonlyMap<string, IptChainState>;
}

/**
 * One rule entering a chain (a dump line, or a hook's -A/-I on `wg-quick up`), with the DROP/REJECT
 * rules the chain held before the insertion point (at most 64, with their 0-based positions).
 * `index` is the 0-based insertion point.
 */
export interface IptInsertion {
  readonly rule: IptRuleFact;
  readonly droppingBefore: readonly { readonly rule: IptRuleFact; readonly position: number }[];
  readonly index: number;
  /** The hook command, when the rule came from a hook. */
  readonly hook?: HookCommand;
  /** True when every rule before the insertion point comes from the dump or this interface's own hooks. */
  readonly certain: boolean;
}

// ---------------------------------------------------------------------------------------------
// Routing and sysctl facts

/** `ip rule add|del ...` (or one wg-quick adds). */
export interface IpRuleFact {
  readonly family: Family;
  readonly op: 'add' | 'del' | 'other';
  readonly priority?: number;
  readonly table?: string;
  readonly fwmark?: { readonly value: number; readonly mask: number; readonly negated: boolean };
  readonly from?: string;
  readonly to?: string;
  readonly iif?: string;
  readonly oif?: string;
  readonly suppressPrefixlength?: number;
  readonly not: boolean;
  /** Selector words other than priority, canonicalised (for add/del pairing). */
  readonly selectorKey: string;
  readonly origin: Origin;
}

/** `ip route add|del|replace ...` (or one wg-quick adds). */
export interface RouteFact {
  readonly family: Family;
  readonly op: 'add' | 'del' | 'replace' | 'change' | 'append' | 'other';
  /** Destination as written (`default`, `10.0.0.0/24`). */
  readonly destination?: string;
  readonly cidr?: Cidr;
  readonly dev?: string;
  readonly via?: string;
  /** Table name/number; `main` when absent. */
  readonly table: string;
  readonly origin: Origin;
}

/** A sysctl assignment (file line, `sysctl -w` in a hook, or wg-quick's own). */
export interface SysctlAssignment {
  /** Normalised dotted key (`net.ipv4.conf.wg0.rp_filter`; slashes turned into dots). */
  readonly key: string;
  readonly value: string;
  readonly origin: Origin;
}

/** What one `firewall-cmd` command changes in firewalld (see `firewallCmdFactOf`). */
export interface FirewallCmdFact {
  /** `--permanent`: the saved configuration, which takes effect on the next reload. */
  readonly permanent: boolean;
  /** `--timeout=`: firewalld undoes the runtime change itself. */
  readonly timeout: boolean;
  /** The `--zone=Z` (or `policy P`); the default zone when absent. */
  readonly scope?: string;
  readonly changes: readonly FirewallCmdChange[];
}

/** One `--add-port=51820/udp`, `--remove-masquerade`, `--direct --add-rule ...`. */
export interface FirewallCmdChange {
  readonly op: 'add' | 'remove';
  /** `port`, `interface`, `rich-rule`, `masquerade`, `direct-rule`, ... */
  readonly setting: string;
  /** As written ('' for settings without a value). */
  readonly value: string;
  /** The value as firewalld compares it: a rich rule without its quoting and extra blanks. */
  readonly key: string;
  /** The option and its value as written. */
  readonly range: TextRange;
}

/** A key a hook's `sysctl KEY` (no `=`) reads. */
export interface SysctlRead {
  /** Normalised dotted key, as in `SysctlAssignment`. */
  readonly key: string;
  readonly origin: Origin;
}

// ---------------------------------------------------------------------------------------------
// nftables facts

/** One rule of an nft ruleset (file or hook one-liner) summarised for cross-file rules. */
export interface NftRuleFact {
  readonly family: string;
  readonly table: string;
  readonly chain: string;
  /** Hook of the base chain it is in (`input`, `forward`, ...), when known. */
  readonly hook?: string;
  readonly udpDports: readonly PortRange[];
  readonly tcpDports: readonly PortRange[];
  /** Range of the value of the (last) `udp dport` / `tcp dport` match, for precise reports. */
  readonly dportValueRange?: TextRange;
  /** `accept`, `drop`, `jump`, ... ; `vmap` when a verdict map decides (any of its verdicts). */
  readonly verdict?: string;
  /** A typed reject's implicit limit (see `rejectScope`): it rejects only TCP, or only one family. */
  readonly rejectOnly?: 'tcp' | 'ipv4' | 'ipv6';
  readonly setsMetaMark: boolean;
  /** The value of `meta mark set NUMBER`; absent when the rule sets none or computes it. */
  readonly metaMarkValue?: number;
  readonly setsCtMark: boolean;
  /** `tcp option maxseg size set ...`: MSS clamping. */
  readonly clampsMss: boolean;
  /** `meta mark set ct mark`: the packet mark is restored from the connection. */
  readonly restoresMark: boolean;
  readonly matchesMark: boolean;
  readonly iifnames: readonly string[];
  /** Left side of every match, as `meta iifname`, `udp dport`, `ct state`, with the values when simple. */
  readonly matches: readonly { readonly key: string; readonly values: readonly string[]; readonly negated: boolean }[];
  /**
   * `iif`/`oif` matches and verdict maps (interface *indexes*, which nft looks up when it loads the
   * rule), with the names they compare; absent when the rule has none.
   */
  readonly ifindexMatches?: readonly {
    readonly key: 'iif' | 'oif';
    readonly names: readonly string[];
    /** The match or `vmap` statement, and its `iif`/`meta iif` key. */
    readonly range: TextRange;
    readonly keyRange: TextRange;
    readonly vmap: boolean;
  }[];
  readonly location: Location;
}

/** An nft base chain with its policy. */
export interface NftChainFact {
  readonly family: string;
  readonly table: string;
  readonly chain: string;
  readonly hook?: string;
  /** The base chain's type: `filter`, `route` or `nat`. */
  readonly type?: string;
  readonly policy?: string;
  readonly location: Location;
}

// ---------------------------------------------------------------------------------------------
// Hooks

/** One `PreUp`/`PostUp`/`PreDown`/`PostDown` line. */
export interface HookLine {
  readonly kind: HookKind;
  /** Value as bash receives it, before `%i` substitution. */
  readonly value: string;
  readonly valueRange: TextRange;
  /** The whole `Key = value` line (no line break). */
  readonly lineRange: TextRange;
}

export interface HookCommandBase {
  readonly iface: string;
  readonly file: string;
  readonly hook: HookKind;
  readonly line: HookLine;
  /** argv after `%i` substitution; `words[0]` is the program. */
  readonly words: readonly Word[];
  /** Basename of the program (`iptables`, `ip`, `nft`, ...). */
  readonly program: string;
  /** From the first to the last word of the command (in the .conf). */
  readonly range: TextRange;
  /** Source text of the command as written (with `%i`). */
  readonly sourceText: string;
  /** True when bash computes part of some word at run time (`$(...)`, `$VAR`). */
  readonly dynamic: boolean;
  /** True when the command runs only if an earlier one failed (`a || b`). */
  readonly conditional: boolean;
  /** True when a failure does not abort the hook (`cmd || true`, `if cmd`, `cmd &`, `cmd && more; rest`; see @wglint/shell). */
  readonly tolerated: boolean;
  /**
   * True when bash or the command's own parser refuses it (a `syntax-error` was reported): it has
   * no effect, so it neither adds nor undoes anything.
   */
  readonly refused: boolean;
}

/** A hook command, typed by what it does. */
export type HookCommand = HookCommandBase &
  (
    | { readonly type: 'iptables'; readonly family: Family; readonly ipt: IptCommand; readonly facts?: IptFacts }
    | { readonly type: 'ip-rule'; readonly rule: IpRuleFact }
    | { readonly type: 'ip-route'; readonly route: RouteFact }
    | { readonly type: 'ip-link' | 'ip-addr' | 'ip-other' }
    | {
        readonly type: 'sysctl';
        readonly assignments: readonly SysctlAssignment[];
        /** Keys `sysctl KEY` reads (each one must exist, or the command fails). */
        readonly reads: readonly SysctlRead[];
        /** `sysctl -e`: a key that does not exist is neither an error nor a failure. */
        readonly ignoreUnknown: boolean;
      }
    | { readonly type: 'nft'; readonly nft: NftCommandFact }
    | { readonly type: 'firewall-cmd'; readonly firewalld: FirewallCmdFact }
    | { readonly type: 'resolvconf' | 'wg' | 'tc' | 'iptables-restore' | 'opaque' }
  );

/** What an nft one-liner does, for pairing adds with deletes. */
export interface NftCommandFact {
  /** `add`, `insert`, `create`, `delete`, `destroy`, `flush`, `file` (`nft -f`), ... */
  readonly verb: string;
  /** `table`, `chain`, `rule`, `set`, `element`, `ruleset`, ... */
  readonly object: string;
  readonly family?: string;
  readonly table?: string;
  readonly chain?: string;
  readonly rules: readonly NftRuleFact[];
}

// ---------------------------------------------------------------------------------------------
// Interfaces

/** One step of `wg-quick up`/`down` for an interface, in the order wg-quick runs them (facts §1.9/§1.10). */
export type HostAction =
  | { readonly kind: 'hook'; readonly command: HookCommand }
  | {
      readonly kind: 'wg-quick';
      readonly step:
        | 'link-add'
        | 'setconf'
        | 'address'
        | 'link-up'
        | 'dns'
        | 'route'
        | 'fwmark'
        | 'rule'
        | 'firewall'
        | 'sysctl'
        | 'rule-del'
        | 'link-del'
        | 'dns-del'
        | 'firewall-del';
      /** The command wg-quick runs, e.g. `ip -4 rule add not fwmark 51820 table 51820`. */
      readonly text: string;
    };

export interface AddressFact {
  readonly text: string;
  /** The address's prefix (host bits cleared). */
  readonly cidr: Cidr;
  /** The address itself as a /32 or /128. */
  readonly host: Cidr;
  readonly range: TextRange;
}

export interface PeerFact {
  /** Public key (not a secret). */
  readonly publicKey?: string;
  readonly range: TextRange;
  readonly allowedIps: readonly { readonly cidr: Cidr; readonly range: TextRange }[];
  readonly endpoint?: { readonly text: string; readonly range: TextRange };
}

/** A WireGuard interface: one `etc/wireguard/NAME.conf`. */
export interface WgInterface {
  /** From the file name, as wg-quick takes it. */
  readonly name: string;
  readonly file: string;
  readonly lint: boolean;
  /** Range of the `[Interface]` header (or the file start). */
  readonly headerRange: TextRange;
  readonly addresses: readonly AddressFact[];
  readonly listenPort?: { readonly value: number; readonly range: TextRange };
  /** Explicit `FwMark` (0 = off). */
  readonly fwMark?: { readonly value: number; readonly range: TextRange };
  /** `Table` as written (`auto` when absent). */
  readonly table: { readonly value: string; readonly range?: TextRange };
  /**
   * A one-way fingerprint of the private key, to compare interfaces without holding the secret.
   * Never print it either.
   */
  readonly privateKeyFingerprint?: string;
  readonly privateKeyRange?: TextRange;
  readonly peers: readonly PeerFact[];
  readonly hookLines: readonly HookLine[];
  /** Every hook command in file order. */
  readonly hooks: readonly HookCommand[];
  /** Where a new hook line goes: just after the last hook line (or the last line) of `[Interface]`. */
  readonly hookInsertOffset: number;
  /** The file's line break (`\n` or `\r\n`). */
  readonly eol: string;
  /** A `/0` AllowedIP with Table auto, per family: wg-quick's fwmark full tunnel. */
  readonly fullTunnel: { readonly ipv4: boolean; readonly ipv6: boolean };
  /** The fwmark the interface's encrypted packets carry (explicit FwMark or wg-quick's 51820). */
  readonly effectiveFwMark?: number;
  /** The table wg-quick puts AllowedIPs routes in, or undefined for Table = off. */
  readonly routeTable?: string;
  /** `wg-quick up` steps in order: link add, PreUp, addresses, routes, ..., PostUp. */
  readonly up: readonly HostAction[];
  /** `wg-quick down` steps in order: PreDown, rule cleanup, link delete, ..., PostDown. */
  readonly down: readonly HostAction[];
  /** Families the tunnel carries (from Address and AllowedIPs). */
  readonly families: readonly Family[];
}

/** A UDP/TCP port the firewall accepts. */
export interface OpenedPort {
  readonly protocol: 'udp' | 'tcp';
  readonly ranges: readonly PortRange[];
  /** In-interface restriction, when any. */
  readonly iifnames: readonly string[];
  readonly location: Location;
  /** Where the ranges are written (the `--dport` argument / nft expression), for precise reports. */
  readonly valueLocation: Location;
  readonly via: 'iptables' | 'nft';
}

/**
 * One machine as the kernel sees it after `wg-quick up` of every interface, built from all of
 * the host's files. Rules are pure functions of this model.
 */
/**
 * A host file wglint reads for facts but does not lint (no language of its own): for now the
 * iproute2 `rt_tables` files. `path` is host-relative (`etc/iproute2/rt_tables`).
 */
export interface HostConfigFile {
  readonly path: string;
  readonly text: string;
}

/** The routing table names `ip rule`/`ip route` resolve on the host. */
export interface RoutingTables {
  /** Name → table id: iproute2's built-ins and the names of the host's rt_tables files. */
  readonly names: ReadonlyMap<string, number>;
  /** The rt_tables files read (host-relative paths), in order; empty when none was provided. */
  readonly files: readonly string[];
}

export interface HostModel {
  /** Host root (the part of the path before `/etc/`), or the directory the files sit in. */
  readonly root: string;
  readonly files: readonly ParsedFile[];
  readonly targets: TargetVersions;
  /** Routing table names known on the host (from `etc/iproute2/rt_tables*` when provided). */
  readonly routingTables: RoutingTables;
  /** Syntax problems inside hook commands (reported by the engine as `syntax-error`). */
  readonly extraProblems: readonly ModelProblem[];
  /** WireGuard interfaces, sorted by name. */
  readonly interfaces: readonly WgInterface[];
  readonly iptables: {
    /** From the dumps (`rules.v4`, `rules.v6`), as restored at boot. */
    readonly boot: FirewallState;
    /** After `wg-quick up` of every interface (in name order). */
    readonly up: FirewallState;
    /** After `up` then `down` of every interface: what the hooks left behind. */
    readonly afterDown: FirewallState;
    /** Every rule entering a chain: dump lines, then each interface's hooks on top of the dump. */
    readonly insertions: readonly IptInsertion[];
    /** Hook `-I CHAIN N` that iptables refuses (`Index of insertion too big`): N > length + 1 on top of the dump. */
    readonly badInserts: readonly { readonly hook: HookCommand; readonly length: number }[];
  };
  readonly sysctl: {
    /** Every assignment in the order it happens: kernel defaults, files (systemd-sysctl order), then hooks on up. */
    readonly assignments: readonly SysctlAssignment[];
    /** Values after boot (defaults + files). */
    readonly boot: ReadonlyMap<string, SysctlAssignment>;
    /** Values after every interface is up. */
    readonly up: ReadonlyMap<string, SysctlAssignment>;
  };
  readonly nft: {
    readonly rules: readonly NftRuleFact[];
    readonly chains: readonly NftChainFact[];
  };
  /** ip rules after every interface is up (hooks and wg-quick's own). */
  readonly ipRules: readonly IpRuleFact[];
  /** Routes added on up (hooks and wg-quick's own). */
  readonly routes: readonly RouteFact[];
  readonly ports: {
    /** ListenPort of each interface (UDP). */
    readonly bound: readonly { readonly iface: string; readonly port: number; readonly location: Location }[];
    /** Ports the firewall accepts in INPUT / input hook. */
    readonly opened: readonly OpenedPort[];
  };
}
