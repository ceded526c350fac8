import type { TextRange, Word } from '@wglint/core';

/** Address family: `iptables` is ipv4, `ip6tables` is ipv6. */
export type IptFamily = 'ipv4' | 'ipv6';

/** The tables iptables knows (facts §2.2). */
export type IptTableName = 'filter' | 'nat' | 'mangle' | 'raw' | 'security';

/** What an iptables command does (`-A`, `-I`, ...), named after the long option. */
export type IptCommandKind =
  | 'append'
  | 'insert'
  | 'delete'
  | 'replace'
  | 'check'
  | 'policy'
  | 'new-chain'
  | 'delete-chain'
  | 'flush'
  | 'zero'
  | 'list'
  | 'list-rules'
  | 'rename-chain';

/** A word of the input as seen by the parser; `text` is after quote removal. */
export type IptWord = Word;

/**
 * One option with its arguments, as written:
 *   `! --dport 51820`
 *    ^negation ^name ^args[0]
 */
export interface IptOption {
  readonly type: 'IptOption';
  /** Canonical long name without dashes (`dport`, `source-port`); the name as written is `nameWord.text`. */
  readonly name: string;
  /** The option word as written (`--dport`, `--dp`, `--dport=22`). */
  readonly nameWord: IptWord;
  /** True when a `!` preceded the option. */
  readonly negated: boolean;
  /** Range of the `!` word, when present. */
  readonly negationRange?: TextRange;
  /** Argument words (zero for flags, two for `--tcp-flags` / `--match-set`). */
  readonly args: readonly IptWord[];
  /** From the `!` (or option name) to the last argument. */
  readonly range: TextRange;
}

/** One match: explicit (`-m tcp ...`) or implicit (loaded by `-p tcp --dport ...`). */
export interface IptMatch {
  readonly type: 'IptMatch';
  /** Module name as iptables-save prints it (`tcp`, `conntrack`, `state`). */
  readonly name: string;
  /** The `-m`/`--match` word and the module word; absent for implicit protocol matches. */
  readonly matchWord?: IptWord;
  readonly nameWord?: IptWord;
  /** True when loaded implicitly by `-p PROTO` and a protocol option (iptables-save prints `-m tcp`). */
  readonly implicit: boolean;
  readonly options: readonly IptOption[];
  readonly range: TextRange;
}

/** `-j NAME [options]` or `-g CHAIN`. */
export interface IptTarget {
  readonly type: 'IptTarget';
  readonly name: string;
  /** `standard` = ACCEPT/DROP/RETURN/QUEUE; `extension` = a known target module; `chain` = anything else (a user chain). */
  readonly kind: 'standard' | 'extension' | 'chain';
  /** True for `-g` (goto). */
  readonly goto: boolean;
  readonly flagWord: IptWord;
  readonly nameWord: IptWord;
  readonly options: readonly IptOption[];
  readonly range: TextRange;
}

/** A basic parameter (`-p`, `-s`, `-d`, `-i`, `-o`, `-f`). */
export interface IptParam {
  readonly type: 'IptParam';
  /** `-p` ... as the short letter. */
  readonly flag: 'p' | 's' | 'd' | 'i' | 'o' | 'f';
  readonly flagWord: IptWord;
  readonly negated: boolean;
  readonly negationRange?: TextRange;
  /** Value as written (absent for `-f`). */
  readonly value?: IptWord;
  readonly range: TextRange;
}

/** The rule part of -A/-I/-D/-R/-C: parameters, matches in order, target. */
export interface IptRuleSpec {
  readonly type: 'IptRuleSpec';
  readonly protocol?: IptParam;
  readonly source?: IptParam;
  readonly destination?: IptParam;
  readonly inInterface?: IptParam;
  readonly outInterface?: IptParam;
  readonly fragment?: IptParam;
  /** Matches in the order iptables keeps them (implicit protocol matches where first needed). */
  readonly matches: readonly IptMatch[];
  readonly target?: IptTarget;
  /** `-c PKTS BYTES` / `[p:b]` counters, when given. */
  readonly counters?: { readonly packets: string; readonly bytes: string; readonly range: TextRange };
  /** Range from the first to the last word of the spec; empty at the command's end when there are none. */
  readonly range: TextRange;
}

/** One parsed iptables/ip6tables invocation (argv without the program name). */
export interface IptCommand {
  readonly type: 'IptCommand';
  readonly family: IptFamily;
  /** Table name (default `filter`); `tableWord` when `-t` was given (the last one wins). */
  readonly table: string;
  readonly tableWord?: IptWord;
  readonly kind?: IptCommandKind;
  readonly commandWord?: IptWord;
  /** Chain operand (for -A/-I/-D/-R/-C/-P/-N/-X/-F/-Z/-L/-S/-E). */
  readonly chain?: IptWord;
  /** Rule number for -I/-D/-R (and -L/-S/-Z with a number). */
  readonly ruleNumber?: { readonly value: number; readonly word: IptWord };
  /** Policy word for -P. */
  readonly policy?: IptWord;
  /** New name for -E. */
  readonly newName?: IptWord;
  /** The rule for -A/-I/-D (by spec)/-R/-C. */
  readonly rule?: IptRuleSpec;
  /** Other global options given (`-w`, `-v`, `-n`, ...), as their words. */
  readonly globals: readonly IptWord[];
  readonly range: TextRange;
}

/** A problem of an iptables rule that is not plain syntax, found by `checkIptCommand` (facts §2.3–2.5). */
export interface IptIssue {
  /** Stable code; rules map codes to their ids (`interface-direction` → `iptables-interface-direction`). */
  readonly code: IptIssueCode;
  readonly severity: 'error' | 'warning';
  readonly range: TextRange;
  readonly message: string;
}

export type IptIssueCode =
  | 'interface-direction'
  | 'target-wrong-table'
  | 'target-wrong-hook'
  | 'match-wrong-hook'
  | 'needs-protocol'
  | 'drop-in-nat'
  | 'policy'
  | 'unknown-chain'
  | 'reversed-range'
  | 'value-out-of-range';

// ---------------------------------------------------------------------------------------------
// iptables-save files

/** An `iptables-save` file: tables in order, with every line kept. */
export interface IptablesSave {
  readonly type: 'IptablesSave';
  readonly tables: readonly IptSaveTable[];
  /** Every line in order, including comments and blank lines (for formatting). */
  readonly lines: readonly IptSaveLine[];
  /** The family guessed from the content (`ip6tables-save` header or IPv6 addresses); default ipv4. */
  readonly family: IptFamily;
  readonly range: TextRange;
}

/** `*table` ... `COMMIT`. */
export interface IptSaveTable {
  readonly type: 'IptSaveTable';
  readonly name: string;
  readonly nameRange: TextRange;
  readonly chains: readonly IptSaveChain[];
  readonly rules: readonly IptSaveRule[];
  /** Range of the `COMMIT` line, absent when missing. */
  readonly commitRange?: TextRange;
  /** From `*table` to `COMMIT` (or the last line of the table). */
  readonly range: TextRange;
}

/** `:CHAIN POLICY [p:b]`. */
export interface IptSaveChain {
  readonly type: 'IptSaveChain';
  readonly name: string;
  readonly nameRange: TextRange;
  /** `ACCEPT`/`DROP` for built-ins, `-` for user chains. */
  readonly policy: string;
  readonly policyRange: TextRange;
  readonly counters?: string;
  readonly range: TextRange;
}

/**
 * A rule line (`-A CHAIN ...`, or any other command line inside a table).
 *
 * A dump holds up to hundreds of thousands of rules, and the whole-dump analyses read only a few
 * facts of most of them: those are in `summary`, computed while parsing. `command` (the full AST)
 * is built again from the line when first read and kept from then on, so reading it for the rules
 * a diagnostic or a hover is about costs little, and reading it for every rule costs a second parse.
 */
export interface IptSaveRule {
  readonly type: 'IptSaveRule';
  readonly table: string;
  readonly command: IptCommand;
  /** What the whole-dump analyses read of the rule, without its AST. */
  readonly summary: IptRuleSummary;
  /** `[p:b]` prefix, when the dump was saved with `-c`. */
  readonly counters?: string;
  readonly range: TextRange;
}

/** Which parameters and match options a rule has, without their values (see `IptRuleSummary.shape`). */
export interface IptRuleShape {
  /**
   * The letters of the parameters given, in `sdiopf` order. `p` only when it restricts: a plain
   * (not negated) `-p all` or `-p 0` matches every protocol and is left out.
   */
  readonly params: string;
  /** The matches in order, each with the canonical names of its options in order. */
  readonly matches: readonly { readonly name: string; readonly options: readonly string[] }[];
}

/** See `IptRuleSummary.states`. */
export interface IptStatesOption {
  readonly negated: boolean;
  readonly args: readonly string[];
}

/** The facts of one dump line that analyses of every rule of a dump read (see `IptSaveRule`). */
export interface IptRuleSummary {
  readonly kind?: IptCommandKind;
  /** The chain operand as written (`-A CHAIN`, `-N CHAIN`). */
  readonly chain?: string;
  /** Where `-A CHAIN` (the command word and the chain operand) starts and ends; -1 when either is missing. */
  readonly headStart: number;
  readonly headEnd: number;
  /** True when the command carries a rule spec (`cmd.rule`). */
  readonly hasRule: boolean;
  /** `-j`/`-g` target name, absent without a target. */
  readonly target?: string;
  readonly targetKind?: IptTarget['kind'];
  /** True for `-g`. */
  readonly goto: boolean;
  /** The parameters and matches the rule has, without their values (absent without a rule spec). */
  readonly shape?: IptRuleShape;
  /**
   * `conditionTokens(rule, family)` of the rule spec; absent when the spec lists several
   * addresses (`-s a,b`), which iptables expands into one rule per address.
   */
  readonly conditions?: readonly string[];
  /** `checkIptCommand` issues that depend on this line alone (every code but `unknown-chain`). */
  readonly issues: readonly IptIssue[];
  /** True when a match is `-m state`. */
  readonly stateMatch: boolean;
  /**
   * The last `-m conntrack --ctstate` or `-m state --state` option (the one the kernel module
   * keeps): its negation and arguments as written. Equal ones are one shared object.
   */
  readonly states?: IptStatesOption;
  /** The `-p` value as written, absent without `-p`. */
  readonly protocol?: string;
  /** True when the -i or -o value holds a `*`. */
  readonly starInterface: boolean;
  /** `matchesEstablished(rule)`: a non-negated conntrack/state ESTABLISHED or RELATED. */
  readonly established: boolean;
}

export type IptSaveLine =
  | { readonly kind: 'blank'; readonly range: TextRange }
  | { readonly kind: 'comment'; readonly range: TextRange }
  | { readonly kind: 'table'; readonly range: TextRange; readonly table: IptSaveTable }
  | { readonly kind: 'chain'; readonly range: TextRange; readonly chain: IptSaveChain }
  | { readonly kind: 'rule'; readonly range: TextRange; readonly rule: IptSaveRule }
  | { readonly kind: 'commit'; readonly range: TextRange }
  | { readonly kind: 'unknown'; readonly range: TextRange };
