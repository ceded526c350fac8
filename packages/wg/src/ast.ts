import type { TextRange } from '@wglint/core';
import type { WgKnownKey } from './keys.js';

/** Fields every node has. Ranges are 0-based, end-exclusive UTF-16 offsets into the file. */
export interface WgBaseNode {
  readonly type: string;
  readonly range: TextRange;
}

/** A whole wg-quick config file. */
export interface WgConfig extends WgBaseNode {
  readonly type: 'WgConfig';
  /** Interface name as wg-quick takes it from the file name, when the caller knew the path. */
  readonly interfaceName: string | null;
  /** A UTF-8 byte order mark at offset 0 (neither wg nor wg-quick accept one). */
  readonly bom: TextRange | null;
  /** Lines before the first section header (wg rejects any key there). */
  readonly preamble: readonly WgItem[];
  readonly sections: readonly WgSection[];
  /** The file's line terminator, used by the printer. */
  readonly eol: '\n' | '\r\n';
}

/** Which section a header opens. `unknown` is anything but `[Interface]`/`[Peer]`. */
export type WgSectionKind = 'Interface' | 'Peer' | 'unknown';

/** A section: its header line and every line up to the next header. */
export interface WgSection extends WgBaseNode {
  readonly type: 'WgSection';
  /** Kind as wg reads the header (whitespace removed, case-insensitive). */
  readonly kind: WgSectionKind;
  readonly header: WgHeader;
  /** Every line after the header, in file order. */
  readonly items: readonly WgItem[];
  /** The key/value lines of `items`. */
  readonly entries: readonly WgEntry[];
}

/**
 * A section header line.
 *  `[Interface]  # local`
 *   ^name^     ^comment
 */
export interface WgHeader extends WgBaseNode {
  readonly type: 'WgHeader';
  /** Name between the brackets, trimmed, as written (`Interface`, `peer`, `Inter face`). */
  readonly name: string;
  readonly nameRange: TextRange | null;
  /** False when the `]` is missing (a syntax problem was reported). */
  readonly closed: boolean;
  /** Whitespace inside the brackets: wg accepts `[ Interface ]`, wg-quick does not. */
  readonly innerSpace: boolean;
  /** The header text as written, from `[` to `]` (or to the name's end when unclosed). */
  readonly raw: string;
  /** The whole line as written when it has a syntax problem; the printer keeps it verbatim. */
  readonly verbatim: string | null;
  readonly comment: WgComment | null;
}

/** A line inside a section (or before the first one). */
export type WgItem = WgEntry | WgComment | WgBlankLine | WgInvalidLine;

/**
 * A `Key = value` line.
 *  `PostUp = nft -f /etc/wg.nft`
 *   <key>  ^eq <----value---->
 */
export interface WgEntry extends WgBaseNode {
  readonly type: 'WgEntry';
  /** Key as written, trimmed (`postup`, `Private Key`). */
  readonly key: string;
  readonly keyRange: TextRange;
  /** The known key it stands for (case-insensitive; see `canonicalKeyOf`), or null. */
  readonly canonicalKey: WgKnownKey | null;
  readonly equalsRange: TextRange;
  /**
   * Value text, trimmed: up to the first `#` for normal keys, the whole raw rest of the line for
   * hook keys in `[Interface]`. Not enumerable for PrivateKey/PresharedKey, so dumps skip it.
   */
  readonly rawValue: string;
  /** Range of `rawValue`; empty (start = end) when the value is empty. */
  readonly valueRange: TextRange;
  readonly value: WgValue;
  /** Trailing comment; never set for hook keys (their `#` belongs to the command). */
  readonly comment: WgComment | null;
  /** True for PrivateKey/PresharedKey: never echo `rawValue`. */
  readonly secret: boolean;
}

/** A `#` comment: a line of its own, or the tail of a header or entry line. */
export interface WgComment extends WgBaseNode {
  readonly type: 'WgComment';
  /** Text from `#` to the end of the line, trailing whitespace removed. */
  readonly text: string;
}

export interface WgBlankLine extends WgBaseNode {
  readonly type: 'WgBlankLine';
}

/** A line neither tool can read (a syntax problem was reported for it); kept verbatim. */
export interface WgInvalidLine extends WgBaseNode {
  readonly type: 'WgInvalidLine';
  /** The line as written, without its line terminator. */
  readonly text: string;
}

/** The typed reading of a value; invalid values carry `error` instead of failing the parse. */
export type WgValue =
  | WgEmptyValue
  | WgKeyValue
  | WgPortValue
  | WgMtuValue
  | WgFwMarkValue
  | WgKeepaliveValue
  | WgEndpointValue
  | WgCidrListValue
  | WgDnsListValue
  | WgTableValue
  | WgBoolValue
  | WgHookValue
  | WgTextValue;

/** Nothing after `=` (wg: "Line unrecognized"; wg-quick keys: no effect). */
export interface WgEmptyValue {
  readonly kind: 'empty';
}

/** Why a key is refused by wg's `key_from_base64`. */
export type WgKeyError = 'length' | 'characters' | 'padding' | 'noncanonical';

/** PrivateKey / PublicKey / PresharedKey: 44 base64 characters encoding 32 bytes. */
export interface WgKeyValue {
  readonly kind: 'key';
  readonly error: WgKeyError | null;
}

/** ListenPort: a number or an `/etc/services` name, resolved by `getaddrinfo`. */
export interface WgPortValue {
  readonly kind: 'port';
  /** The number as written (may exceed 65535, which glibc wraps), or null for a service name. */
  readonly port: number | null;
  /** Service name when not numeric. */
  readonly service: string | null;
  /** Above 65535 (glibc wraps it), or negative (wg refuses it). */
  readonly error: 'out-of-range' | 'negative' | null;
}

/** MTU: passed to `ip link set mtu`. */
export interface WgMtuValue {
  readonly kind: 'mtu';
  readonly mtu: number | null;
  readonly error: 'not-a-number' | 'too-small' | 'too-large' | null;
}

/** FwMark: `off`, decimal, or `0x` hex, at most 0xffffffff. */
export interface WgFwMarkValue {
  readonly kind: 'fwmark';
  readonly off: boolean;
  readonly mark: number | null;
  readonly error: 'uppercase-hex-prefix' | 'format' | 'out-of-range' | null;
}

/** PersistentKeepalive: `off` or 0-65535 seconds. */
export interface WgKeepaliveValue {
  readonly kind: 'keepalive';
  readonly off: boolean;
  readonly seconds: number | null;
  readonly error: 'format' | 'out-of-range' | null;
}

/** Endpoint: `host:port` (split at the last `:`) or `[v6]:port`. */
export interface WgEndpointValue {
  readonly kind: 'endpoint';
  readonly host: string | null;
  readonly hostRange: TextRange | null;
  readonly hostKind: 'ipv4' | 'ipv6' | 'hostname' | null;
  readonly port: string | null;
  readonly portRange: TextRange | null;
  /** Numeric port as getaddrinfo reads it (`+5` is 5), null when not numeric or negative. */
  readonly portNumber: number | null;
  readonly bracketed: boolean;
  readonly error: 'missing-port' | 'unmatched-bracket' | 'unbracketed-ipv6' | 'negative-port' | null;
}

/** One element of an AllowedIPs or Address list. */
export interface WgCidrItem {
  /** Item as written, trimmed. */
  readonly text: string;
  readonly range: TextRange;
  /** `+`/`-` incremental prefix (AllowedIPs, wireguard-tools >= 1.0.20250521). */
  readonly sign: '+' | '-' | null;
  readonly family: 4 | 6 | null;
  /** The address as a number (host bits kept). */
  readonly address: bigint | null;
  /** Prefix length; the full width when not written. */
  readonly prefix: number | null;
  readonly explicitPrefix: boolean;
  /** Bits set below the prefix (wg warns and uses the network). */
  readonly hostBits: boolean;
  readonly error: 'empty' | 'address' | 'prefix' | null;
}

/** AllowedIPs (split at commas, whitespace removed as wg does) or Address (commas or spaces). */
export interface WgCidrListValue {
  readonly kind: 'cidr-list';
  readonly items: readonly WgCidrItem[];
}

/** One DNS item: an IP becomes a nameserver, anything else a search domain. */
export interface WgDnsItem {
  readonly text: string;
  readonly range: TextRange;
  readonly role: 'nameserver' | 'search';
  /** Parsed address when `text` is a valid IP. */
  readonly family: 4 | 6 | null;
}

export interface WgDnsListValue {
  readonly kind: 'dns-list';
  readonly items: readonly WgDnsItem[];
}

/** Table: `off`, `auto` (both case-sensitive in wg-quick), a number, or a table name. */
export interface WgTableValue {
  readonly kind: 'table';
  readonly mode: 'off' | 'auto' | 'number' | 'name';
  readonly table: number | null;
}

/** SaveConfig: `true`/`false`, case-insensitive. */
export interface WgBoolValue {
  readonly kind: 'bool';
  readonly bool: boolean | null;
}

/** PreUp/PostUp/PreDown/PostDown: a bash snippet. */
export interface WgHookValue {
  readonly kind: 'hook';
  /** What wg-quick >= v1.0.20260223 runs: the raw value, `#` included. */
  readonly command: string;
  /** What older wg-quick runs: the value cut at the first `#`, trimmed. */
  readonly legacyCommand: string;
}

/** Any other key's value. */
export interface WgTextValue {
  readonly kind: 'text';
}

/** Every node type, for visitors. */
export type WgNode = WgConfig | WgSection | WgHeader | WgEntry | WgComment | WgBlankLine | WgInvalidLine;
