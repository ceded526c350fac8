// Typed AST of an nft ruleset. Every node has `type` (discriminant) and `range` (0-based,
// end-exclusive UTF-16 offsets, already passed through `mapOffset`).
import type { TextRange } from '@wglint/core';

export type NftFamily = 'ip' | 'ip6' | 'inet' | 'arp' | 'bridge' | 'netdev';
export type NftVerb =
  | 'add' | 'create' | 'insert' | 'replace' | 'delete' | 'destroy' | 'flush' | 'list' | 'reset' | 'rename'
  | 'get' | 'describe' | 'monitor' | 'import' | 'export';

/** A name or other word as written, with its range. */
export interface NftName {
  readonly text: string;
  readonly range: TextRange;
}

interface Base {
  readonly range: TextRange;
}

// ---- top level -----------------------------------------------------------------------------------

export interface NftRuleset extends Base {
  readonly type: 'NftRuleset';
  /** Top-level commands in source order (tables in block form are `NftTable` with `verb: 'add'`). */
  readonly commands: readonly NftCommand[];
  /** `#` comments, in order. */
  readonly comments: readonly NftName[];
}

export type NftCommand =
  | NftTable | NftChain | NftRule | NftSet | NftFlowtable | NftObject | NftElementCommand
  | NftDefine | NftInclude | NftGenericCommand;

/** `define`/`redefine`/`undefine NAME [= value]`. Allowed at top level and inside blocks. */
export interface NftDefine extends Base {
  readonly type: 'NftDefine';
  readonly kind: 'define' | 'redefine' | 'undefine';
  readonly name: NftName;
  readonly value: NftExpr | null;
}

/** `include "path"`; `resolved` holds the parsed files when a `readFile` callback was given. */
export interface NftInclude extends Base {
  readonly type: 'NftInclude';
  readonly path: NftName;
  readonly resolved?: readonly { readonly file: string; readonly ruleset: NftRuleset }[];
}

/** `table [family] NAME [{ … }]` (block form or `add/create/delete/… table …`). */
export interface NftTable extends Base {
  readonly type: 'NftTable';
  readonly verb: NftVerb;
  readonly family: NftFamily;
  /** False when the family was omitted (then it is `ip`). */
  readonly familyExplicit: boolean;
  readonly name: NftName | null;
  readonly handle?: number;
  readonly hasBlock: boolean;
  readonly flags: readonly string[];
  readonly comment: string | null;
  readonly chains: readonly NftChain[];
  readonly sets: readonly NftSet[];
  readonly flowtables: readonly NftFlowtable[];
  readonly objects: readonly NftObject[];
  readonly defines: readonly NftDefine[];
  /** All items in source order (chains, sets, objects, defines …). */
  readonly items: readonly (NftChain | NftSet | NftFlowtable | NftObject | NftDefine | NftInclude)[];
}

export type NftHook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting' | 'ingress' | 'egress';
export type NftChainType = 'filter' | 'nat' | 'route';

/** Priority as written and resolved: `filter - 10` → value -10 in family ip. */
export interface NftPriority extends Base {
  readonly type: 'NftPriority';
  readonly text: string;
  /** Keyword used (`filter`, `dstnat` …), if any. */
  readonly keyword: string | null;
  /** Resolved number; null when it is a variable or an unknown keyword. */
  readonly value: number | null;
}

export interface NftChainHook extends Base {
  readonly type: 'NftChainHook';
  readonly chainType: NftName;
  readonly hook: NftName;
  readonly device: NftName | null;
  /** `devices = { … }` in the hook spec. */
  readonly devices: readonly NftName[];
  readonly priority: NftPriority | null;
}

/** `chain NAME { … }` in a table block, or `add/create/delete … chain [family] TABLE NAME`. */
export interface NftChain extends Base {
  readonly type: 'NftChain';
  readonly verb: NftVerb;
  readonly family: NftFamily;
  readonly table: NftName | null;
  readonly name: NftName | null;
  readonly handle?: number;
  readonly hasBlock: boolean;
  /** `type … hook … priority …` when the chain is a base chain. */
  readonly hook: NftChainHook | null;
  readonly policy: NftName | null;
  readonly devices: readonly NftName[];
  readonly comment: string | null;
  readonly flags: readonly string[];
  readonly rules: readonly NftRule[];
  /**
   * `define`/`redefine`/`undefine` lines of the chain block, in source order (absent when there
   * are none). nft scopes them to the block: visible to the lines after them in this chain only.
   */
  readonly defines?: readonly NftDefine[];
  /** For `rename chain`. */
  readonly newName?: NftName;
}

/** A rule: statements in order (`ip saddr 10.0.0.0/8 counter accept` → match, counter, verdict). */
export interface NftRule extends Base {
  readonly type: 'NftRule';
  /** `add` for rules inside chain blocks. */
  readonly verb: NftVerb;
  readonly family: NftFamily;
  readonly table: NftName | null;
  readonly chain: NftName | null;
  readonly position: { readonly kind: 'handle' | 'index' | 'position'; readonly value: number } | null;
  readonly statements: readonly NftStatement[];
  readonly comment: string | null;
}

export type NftSetFlag = 'constant' | 'dynamic' | 'interval' | 'timeout' | (string & {});

/** Named `set`/`map` declaration. `keyType` is `ipv4_addr . inet_service` split on `.`. */
export interface NftSet extends Base {
  readonly type: 'NftSet';
  readonly kind: 'set' | 'map';
  readonly verb: NftVerb;
  readonly family: NftFamily;
  readonly table: NftName | null;
  readonly name: NftName | null;
  readonly handle?: number;
  readonly hasBlock: boolean;
  readonly keyType: readonly NftName[];
  /** Map data type (`: verdict`, `: interval ipv4_addr`). */
  readonly dataType: readonly NftName[];
  readonly dataInterval: boolean;
  /** `typeof EXPR` key expressions (and data for maps). */
  readonly typeofKey: readonly NftExpr[];
  readonly typeofData: readonly NftExpr[];
  readonly flags: readonly NftSetFlag[];
  readonly timeout: string | null;
  readonly gcInterval: string | null;
  readonly size: number | null;
  /** Element count from nft's `size N	# count M` listing annotation. */
  readonly count?: number;
  readonly policy: string | null;
  readonly autoMerge: boolean;
  readonly elements: readonly NftSetElement[] | null;
  /** Stateful statements attached to the set (`counter`, `quota …`). */
  readonly stateful: readonly NftStatement[];
  readonly comment: string | null;
  /**
   * `define`/`redefine`/`undefine` lines of the block, in source order (absent when there are
   * none). A set or map block opens no scope of its own: nft binds them in the enclosing table block (or
   * the file), visible to everything after them there.
   */
  readonly defines?: readonly NftDefine[];
}

/** `add/delete/get/reset/destroy element [family] TABLE SET { … }`. */
export interface NftElementCommand extends Base {
  readonly type: 'NftElementCommand';
  readonly verb: NftVerb;
  readonly family: NftFamily;
  readonly table: NftName | null;
  readonly set: NftName | null;
  readonly elements: readonly NftSetElement[];
}

export interface NftFlowtable extends Base {
  readonly type: 'NftFlowtable';
  readonly verb: NftVerb;
  readonly family: NftFamily;
  readonly table: NftName | null;
  readonly name: NftName | null;
  readonly hasBlock: boolean;
  readonly hook: NftName | null;
  readonly priority: NftPriority | null;
  readonly devices: readonly NftExpr[];
  readonly flags: readonly string[];
  readonly counter: boolean;
  /**
   * `define`/`redefine`/`undefine` lines of the block, in source order (absent when there are
   * none). A flowtable block opens no scope of its own: nft binds them in the enclosing table block (or
   * the file), visible to everything after them there.
   */
  readonly defines?: readonly NftDefine[];
}

export type NftObjectKind =
  | 'counter' | 'quota' | 'limit' | 'ct helper' | 'ct timeout' | 'ct expectation' | 'secmark' | 'synproxy' | 'tunnel';

/** Stateful object; `properties` are its `key value…` lines. */
export interface NftObject extends Base {
  readonly type: 'NftObject';
  readonly kind: NftObjectKind;
  readonly verb: NftVerb;
  readonly family: NftFamily;
  readonly table: NftName | null;
  readonly name: NftName | null;
  readonly hasBlock: boolean;
  readonly properties: readonly { readonly key: string; readonly words: readonly NftName[]; readonly range: TextRange }[];
  readonly comment: string | null;
  /** Source text of each block line (with its `;` when it had one) but its `define`s and `include`s, for printing. */
  readonly lines: readonly string[];
  /**
   * `define`/`redefine`/`undefine` lines of the block, in source order (absent when there are
   * none). A stateful object block opens no scope of its own: nft binds them in the enclosing table block (or
   * the file), visible to everything after them there.
   */
  readonly defines?: readonly NftDefine[];
}

/** Other commands: `list ruleset`, `flush table ip t`, `delete rule … handle 4`, `reset counters` … */
export interface NftGenericCommand extends Base {
  readonly type: 'NftGenericCommand';
  readonly verb: NftVerb;
  /** Object keyword (`ruleset`, `table`, `chains`, `counters`, …). */
  readonly object: string;
  readonly family: NftFamily | null;
  readonly args: readonly NftName[];
}

// ---- statements ----------------------------------------------------------------------------------

export type NftVerdictKind = 'accept' | 'drop' | 'continue' | 'return' | 'jump' | 'goto';

export interface NftVerdict extends Base {
  readonly type: 'NftVerdict';
  readonly verdict: NftVerdictKind;
  /** jump/goto target: a chain name, a `$variable`, or an anonymous chain. */
  readonly target: NftName | NftRule[] | null;
}

/** `left op right`; `op` is `implicit` when no operator was written (equality or flag test). */
export interface NftMatch extends Base {
  readonly type: 'NftMatch';
  readonly left: NftExpr;
  readonly op: '==' | '!=' | '<' | '>' | '<=' | '>=' | 'implicit';
  readonly right: NftExpr;
}

/** `EXPR set VALUE` for meta, ct, payload, exthdr keys (`meta mark set 1`, `ip ttl set 64`). */
export interface NftMangle extends Base {
  readonly type: 'NftMangle';
  readonly target: NftExpr;
  readonly value: NftExpr;
}

/** `EXPR vmap { … }` / `vmap @m`. */
export interface NftVmapStatement extends Base {
  readonly type: 'NftVmap';
  readonly key: NftExpr;
  readonly map: NftExpr;
}

export interface NftNat extends Base {
  readonly type: 'NftNat';
  readonly kind: 'snat' | 'dnat' | 'masquerade' | 'redirect';
  /** `ip`/`ip6` qualifier (`dnat ip to …`). */
  readonly family: 'ip' | 'ip6' | null;
  /** `to` expression: address, range, map, with optional `:port`. */
  readonly address: NftExpr | null;
  readonly port: NftExpr | null;
  readonly flags: readonly string[];
  /** `prefix`/`interval` modifiers. */
  readonly modifiers: readonly string[];
}

/** A statement given by keyword with options: counter, limit, quota, log, reject, queue, dup, fwd,
 *  tproxy, notrack, synproxy, last, meter, set add/update/delete, object reference, xt. */
export interface NftOptionStatement extends Base {
  readonly type: 'NftStatement';
  readonly keyword:
    | 'counter' | 'limit' | 'quota' | 'log' | 'reject' | 'queue' | 'dup' | 'fwd' | 'tproxy' | 'notrack'
    | 'synproxy' | 'last' | 'meter' | 'set' | 'xt' | 'flow' | 'ct count' | 'reset' | 'comment' | 'secmark' | 'tunnel';
  /** Options as key → value expression (`burst` → 5, `with` → `icmp port-unreachable`). */
  readonly options: readonly NftOption[];
  /** Referenced object (`counter name "c"`) or set (`add @s { … }`). */
  readonly ref: NftName | null;
  /** Element/key expression of set statements and meters, `to` of dup/fwd/tproxy/queue. */
  readonly expr: NftExpr | null;
  /** Stateful statements inside set/meter elements. */
  readonly inner?: readonly NftStatement[];
}

export interface NftOption {
  readonly key: string;
  readonly value: NftExpr | null;
  readonly range: TextRange;
}

export type NftStatement = NftVerdict | NftMatch | NftMangle | NftVmapStatement | NftNat | NftOptionStatement;

// ---- expressions ---------------------------------------------------------------------------------

/** `ip saddr`, `tcp dport`, `vxlan ip saddr` (inner), `icmpv6 type`. */
export interface NftPayload extends Base {
  readonly type: 'NftPayload';
  readonly protocol: string;
  readonly field: string;
  /** Tunnel header for inner matches (`vxlan`, `geneve`, `gre`, `gretap`). */
  readonly inner: string | null;
}
/** Raw payload `@nh,8,8`. */
export interface NftRawPayload extends Base {
  readonly type: 'NftRawPayload';
  readonly base: string;
  readonly offset: number;
  readonly length: number;
}
/** IPv6 extension headers, `exthdr X exists`, `tcp option X [field]`, `ip option`, `sctp chunk`, `dccp option`. */
export interface NftExthdr extends Base {
  readonly type: 'NftExthdr';
  readonly header: string;
  readonly name: string;
  readonly field: string | null;
}
export interface NftMeta extends Base {
  readonly type: 'NftMeta';
  readonly key: string;
  /** Written with the `meta` prefix. */
  readonly qualified: boolean;
}
export interface NftCt extends Base {
  readonly type: 'NftCt';
  readonly key: string;
  readonly direction: 'original' | 'reply' | null;
  /** `ip`/`ip6` in `ct original ip saddr`. */
  readonly protocol: string | null;
}
/** fib, rt, socket, osf, numgen, jhash, symhash, ipsec, tunnel: `words` after the keyword. */
export interface NftSpecialExpr extends Base {
  readonly type: 'NftSpecialExpr';
  readonly kind: 'fib' | 'rt' | 'socket' | 'osf' | 'numgen' | 'jhash' | 'symhash' | 'ipsec' | 'tunnel' | 'ct count' | 'exthdr';
  readonly words: readonly string[];
  /** Hashed expression of jhash. */
  readonly operand: NftExpr | null;
}

export interface NftNumber extends Base {
  readonly type: 'NftNumber';
  readonly text: string;
  readonly value: number;
}
export interface NftString extends Base {
  readonly type: 'NftString';
  readonly value: string;
  readonly quoted: boolean;
}
/** Interface name wildcard `eth*` / `"wg*"`. */
export interface NftWildcard extends Base {
  readonly type: 'NftWildcard';
  readonly prefix: string;
}
/** An IPv4, IPv6 or MAC address literal. */
export interface NftAddress extends Base {
  readonly type: 'NftAddress';
  readonly family: 'ip' | 'ip6' | 'ether';
  readonly text: string;
}
/** `ADDR/LEN`. */
export interface NftPrefix extends Base {
  readonly type: 'NftPrefix';
  readonly address: NftExpr;
  readonly length: number;
}
/** `LOW-HIGH`. */
export interface NftRange extends Base {
  readonly type: 'NftRange';
  readonly low: NftExpr;
  readonly high: NftExpr;
}
/** A symbolic constant (`established`, `tcp`, `echo-request`, `ssh`) or keyword value. */
export interface NftSymbol extends Base {
  readonly type: 'NftSymbol';
  readonly name: string;
}
export interface NftTime extends Base {
  readonly type: 'NftTime';
  readonly text: string;
  /** Milliseconds. */
  readonly ms: number;
}
export interface NftVariable extends Base {
  readonly type: 'NftVariable';
  readonly name: string;
}
/** `@name`. */
export interface NftSetRef extends Base {
  readonly type: 'NftSetRef';
  readonly name: string;
}
/** `{ a, b, c : d }` anonymous set or element list. */
export interface NftSetExpr extends Base {
  readonly type: 'NftSetExpr';
  readonly elements: readonly NftSetElement[];
}
export interface NftSetElement extends Base {
  readonly type: 'NftSetElement';
  readonly key: NftExpr;
  /** Map value (`: accept`, `: 10.0.0.1`). */
  readonly value: NftExpr | null;
  /** `timeout 1h`, `expires 2m`, `comment "x"`, `counter …` … */
  readonly options: readonly NftOption[];
  /** Whether the source put a line break before this element (kept by the canonical printer). */
  readonly breakBefore: boolean;
}
/** `a . b . c`. */
export interface NftConcat extends Base {
  readonly type: 'NftConcat';
  readonly parts: readonly NftExpr[];
}
/** `a,b,c` (flag lists like `ct state established,related`). */
export interface NftList extends Base {
  readonly type: 'NftList';
  readonly items: readonly NftExpr[];
}
export interface NftBinary extends Base {
  readonly type: 'NftBinary';
  /** `/` is a mask (`tcp flags syn / syn,ack`). */
  readonly op: '&' | '|' | '^' | '<<' | '>>' | '/';
  readonly left: NftExpr;
  readonly right: NftExpr;
}
/** `KEY map { … }` / `KEY map @m`. */
export interface NftMapLookup extends Base {
  readonly type: 'NftMapLookup';
  readonly key: NftExpr;
  readonly map: NftExpr;
}
/** A verdict used as a value (vmap data). */
export interface NftVerdictExpr extends Base {
  readonly type: 'NftVerdictExpr';
  readonly verdict: NftVerdictKind;
  readonly target: string | null;
}
/** `( expr )`. */
export interface NftParen extends Base {
  readonly type: 'NftParen';
  readonly expr: NftExpr;
}

export type NftExpr =
  | NftPayload | NftRawPayload | NftExthdr | NftMeta | NftCt | NftSpecialExpr | NftNumber | NftString
  | NftWildcard | NftAddress | NftPrefix | NftRange | NftSymbol | NftTime | NftVariable | NftSetRef
  | NftSetExpr | NftSetElement | NftConcat | NftList | NftBinary | NftMapLookup | NftVerdictExpr | NftParen;

export type NftNode = NftRuleset | NftCommand | NftStatement | NftExpr | NftPriority | NftChainHook;
