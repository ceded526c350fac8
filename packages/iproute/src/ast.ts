import type { TextRange, Word } from '@wglint/core';

/** An IPv4/IPv6 prefix as `ip` reads it (`get_prefix`): `10.0.0.0/8`, `10.0`, `default`, `fd00::/64`. */
export interface IpPrefix {
  /** Text as written. */
  readonly text: string;
  /** Undefined for `default`/`all`/`any` (family-neutral "everything"). */
  readonly family: 4 | 6 | undefined;
  /** `default`, `all`, `any`, or a `/0`. */
  readonly isDefault: boolean;
  /** Normalised address (`10.0.0.0`, `fd00::`), empty for `default`/`all`/`any`. */
  readonly address: string;
  /** Prefix length (32/128 when absent). */
  readonly length: number;
  /** True when the text had an explicit `/len` (or `/mask`). */
  readonly explicitLength: boolean;
  /** Bits set past the prefix length (`10.8.0.1/24`): the kernel refuses such routes. */
  readonly hostBits: boolean;
  /** The prefix with host bits cleared, e.g. `10.8.0.0/24` (for fixes). */
  readonly network: string;
}

/** A keyword argument `KEY VALUE` of an `ip` command, in the order written. */
export interface IpArg {
  /** Canonical keyword (`priority` for `pref`/`prio`/`order`, `table` for `lookup`/`t`). */
  readonly key: string;
  readonly keyWord: Word;
  /** The value word(s); empty for flags (`onlink`, `nop`, `not`). */
  readonly values: readonly Word[];
  readonly range: TextRange;
}

export interface IpNumber {
  readonly word: Word;
  /** Undefined when the text is not a valid number in range. */
  readonly value: number | undefined;
}

export interface IpPrefixValue {
  readonly word: Word;
  /** Undefined when `ip` would not parse it. */
  readonly prefix: IpPrefix | undefined;
}

/** A routing table reference (`table 100`, `lookup main`, `table vpn`). */
export interface IpTableRef {
  readonly word: Word;
  /** Numeric id: the number, or 255/254/253/0 for local/main/default/unspec; undefined for other names. */
  readonly id: number | undefined;
  /** `number`, a built-in name, or a name that must be in /etc/iproute2/rt_tables. */
  readonly kind: 'number' | 'builtin' | 'name' | 'invalid';
}

/** `fwmark VALUE[/MASK]`. */
export interface IpFwmark {
  readonly word: Word;
  readonly value: number | undefined;
  readonly mask: number | undefined;
}

/** `sport`/`dport`/`uidrange` `N` or `N-M`. */
export interface IpRangeValue {
  readonly word: Word;
  readonly from: number | undefined;
  readonly to: number | undefined;
}

/** The selector and action of an `ip rule` (ip-rule(8)). */
export interface IpRuleSpec {
  readonly not?: Word;
  readonly from?: IpPrefixValue;
  readonly to?: IpPrefixValue;
  readonly priority?: IpNumber;
  readonly fwmark?: IpFwmark;
  readonly table?: IpTableRef;
  readonly iif?: Word;
  readonly oif?: Word;
  readonly ipproto?: Word;
  readonly sport?: IpRangeValue;
  readonly dport?: IpRangeValue;
  readonly uidrange?: IpRangeValue;
  readonly suppressPrefixLength?: IpNumber;
  readonly suppressIfgroup?: Word;
  readonly goto?: IpNumber;
  readonly nop?: Word;
  readonly l3mdev?: Word;
  readonly tos?: Word;
  readonly realms?: Word;
  readonly protocol?: Word;
  /** `unreachable`, `prohibit`, `blackhole`, ... (with or without `type`). */
  readonly ruleType?: Word;
}

/** A route (ip-route(8) `ROUTE` / `SELECTOR`). */
export interface IpRouteSpec {
  readonly dst?: IpPrefixValue;
  /** `unicast`, `unreachable`, `blackhole`, `prohibit`, `local`, `throw`, ... */
  readonly routeType?: Word;
  readonly via?: IpPrefixValue;
  readonly dev?: Word;
  readonly table?: IpTableRef;
  readonly metric?: IpNumber;
  readonly scope?: Word;
  readonly protocol?: Word;
  readonly src?: IpPrefixValue;
  readonly from?: IpPrefixValue;
  readonly onlink?: Word;
  /** Words from the first `nexthop` on (multipath), unparsed. */
  readonly nexthops?: readonly Word[];
}

export type IpRuleAction = 'add' | 'delete' | 'flush' | 'list' | 'save' | 'restore' | 'help';
export type IpRouteAction =
  | 'add' | 'change' | 'replace' | 'prepend' | 'append' | 'test' | 'delete' | 'list' | 'get' | 'flush' | 'save' | 'restore' | 'showdump' | 'help';
export type IpLinkAction = 'add' | 'delete' | 'set' | 'change' | 'list' | 'help' | 'other';
export type IpAddressAction = 'add' | 'change' | 'replace' | 'delete' | 'flush' | 'list' | 'save' | 'restore' | 'help' | 'other';

interface IpCommandBase {
  readonly type: 'IpCommand';
  /** From the program word to the last argument. */
  readonly range: TextRange;
  /** Every word, the program name included. */
  readonly words: readonly Word[];
  /** `-4` → 4, `-6` → 6, `-family inet6` → 6; undefined when not given. */
  readonly family: 4 | 6 | undefined;
  /** Global options before the object (`-4`, `-n ns`, `-json`). */
  readonly options: readonly Word[];
  readonly objectWord?: Word;
  readonly actionWord?: Word;
  /** Keyword arguments after the action, in order. */
  readonly args: readonly IpArg[];
}

export interface IpRuleCommand extends IpCommandBase {
  readonly object: 'rule';
  readonly action: IpRuleAction;
  readonly rule: IpRuleSpec;
}

export interface IpRouteCommand extends IpCommandBase {
  readonly object: 'route';
  readonly action: IpRouteAction;
  readonly route: IpRouteSpec;
}

export interface IpLinkCommand extends IpCommandBase {
  readonly object: 'link';
  readonly action: IpLinkAction;
  readonly dev?: Word;
  /** `up`/`down` in `ip link set`. */
  readonly state?: 'up' | 'down';
  readonly mtu?: IpNumber;
  /** `type wireguard` in `ip link add`. */
  readonly linkType?: Word;
}

export interface IpAddressCommand extends IpCommandBase {
  readonly object: 'address';
  readonly action: IpAddressAction;
  readonly local?: IpPrefixValue;
  readonly dev?: Word;
}

/** Any other object (`neigh`, `netns`, `tuntap` ...) or none: words kept, not analysed. */
export interface IpOtherCommand extends IpCommandBase {
  readonly object: 'other' | 'none';
  readonly action: string | undefined;
}

export type IpCommand = IpRuleCommand | IpRouteCommand | IpLinkCommand | IpAddressCommand | IpOtherCommand;
