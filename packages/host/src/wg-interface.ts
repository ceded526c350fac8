import { createHash } from 'node:crypto';
import type { WgCidrItem, WgConfig, WgEntry } from '@wglint/wg';
import type { AddressFact, HookKind, HookLine, PeerFact } from './model.js';
import { type Cidr, parseCidr } from './net.js';

/** The interface name wg-quick derives from a config path (`etc/wireguard/wg0.conf` → `wg0`). */
export function interfaceNameOf(path: string): string {
  const base = path.replace(/\\/g, '/').replace(/^.*\//, '');
  return base.endsWith('.conf') ? base.slice(0, -'.conf'.length) : base;
}

const HOOKS: readonly HookKind[] = ['PreUp', 'PostUp', 'PreDown', 'PostDown'];

/** What the `[Interface]` and `[Peer]` sections of one config say, before hooks are typed. */
export interface WgSections {
  readonly headerRange: { start: number; end: number };
  readonly addresses: AddressFact[];
  readonly listenPort?: { value: number; range: { start: number; end: number } };
  readonly fwMark?: { value: number; range: { start: number; end: number } };
  readonly table: { value: string; range?: { start: number; end: number } };
  readonly privateKeyFingerprint?: string;
  readonly privateKeyRange?: { start: number; end: number };
  readonly peers: PeerFact[];
  readonly hookLines: HookLine[];
  readonly hookInsertOffset: number;
}

function cidrOfItem(item: WgCidrItem): Cidr | undefined {
  if (item.error || item.sign === '-') return undefined;
  return parseCidr(item.sign ? item.text.slice(1) : item.text);
}

/** Reads the sections of a parsed config (wg-quick semantics: last one wins, lists accumulate). */
export function readWgSections(ast: WgConfig, text: string, legacyHash = false): WgSections {
  let headerRange = { start: 0, end: 0 };
  const addresses: AddressFact[] = [];
  let listenPort: WgSections['listenPort'];
  let fwMark: WgSections['fwMark'];
  let table: WgSections['table'] = { value: 'auto' };
  let privateKeyFingerprint: string | undefined;
  let privateKeyRange: WgSections['privateKeyRange'];
  const peers: PeerFact[] = [];
  const hookLines: HookLine[] = [];
  let lastInterfaceLineEnd = -1;
  let lastHookLineEnd = -1;
  let sawInterface = false;

  for (const section of ast.sections) {
    if (section.kind === 'Interface') {
      if (!sawInterface) headerRange = section.header.range;
      sawInterface = true;
      lastInterfaceLineEnd = Math.max(lastInterfaceLineEnd, section.header.range.end);
      for (const item of section.items) {
        if (item.type !== 'WgBlankLine') lastInterfaceLineEnd = Math.max(lastInterfaceLineEnd, item.range.end);
      }
      for (const e of section.entries) readInterfaceEntry(e);
    } else if (section.kind === 'Peer') {
      const peer: { publicKey?: string; allowedIps: PeerFact['allowedIps'][number][]; endpoint?: PeerFact['endpoint'] } = { allowedIps: [] };
      for (const e of section.entries) {
        if (e.canonicalKey === 'PublicKey' && e.rawValue) peer.publicKey = e.rawValue;
        else if (e.canonicalKey === 'AllowedIPs' && e.value.kind === 'cidr-list') {
          for (const item of e.value.items) {
            const cidr = cidrOfItem(item);
            if (cidr) peer.allowedIps.push({ cidr, range: item.range });
          }
        } else if (e.canonicalKey === 'Endpoint' && e.rawValue) peer.endpoint = { text: e.rawValue, range: e.valueRange };
      }
      peers.push({ ...peer, range: section.range });
    }
  }

  function readInterfaceEntry(e: WgEntry): void {
    switch (e.canonicalKey) {
      case 'Address':
        if (e.value.kind === 'cidr-list') {
          for (const item of e.value.items) {
            const cidr = cidrOfItem(item);
            const host = item.error ? undefined : parseCidr(item.text.replace(/\/.*$/, ''));
            if (cidr && host) addresses.push({ text: item.text, cidr, host, range: item.range });
          }
        }
        break;
      case 'ListenPort':
        if (e.value.kind === 'port' && e.value.port !== null && !e.value.error) listenPort = { value: e.value.port, range: e.valueRange };
        break;
      case 'FwMark':
        if (e.value.kind === 'fwmark' && !e.value.error) fwMark = { value: e.value.off ? 0 : (e.value.mark ?? 0), range: e.valueRange };
        break;
      case 'Table':
        table = { value: e.rawValue.trim() || 'auto', range: e.valueRange };
        break;
      case 'PrivateKey':
        if (e.rawValue) {
          privateKeyFingerprint = createHash('sha256').update('wglint:' + e.rawValue).digest('hex').slice(0, 16);
          privateKeyRange = e.valueRange;
        }
        break;
      default: {
        const kind = HOOKS.find((h) => h === e.canonicalKey);
        if (kind && e.value.kind === 'hook') {
          // wg-quick < 1.0.20260223 cuts hook values at the first `#` (facts §1.3).
          const value = legacyHash ? e.value.legacyCommand : e.rawValue;
          const valueRange = { start: e.valueRange.start, end: e.valueRange.start + value.length };
          hookLines.push({ kind, value, valueRange, lineRange: lineRangeOf(e, text) });
          lastHookLineEnd = Math.max(lastHookLineEnd, lineRangeOf(e, text).end);
        }
      }
    }
  }

  const hookInsertOffset = lastHookLineEnd >= 0 ? lastHookLineEnd : lastInterfaceLineEnd >= 0 ? lastInterfaceLineEnd : 0;
  return {
    headerRange,
    addresses,
    ...(listenPort ? { listenPort } : {}),
    ...(fwMark ? { fwMark } : {}),
    table,
    ...(privateKeyFingerprint ? { privateKeyFingerprint, privateKeyRange: privateKeyRange! } : {}),
    peers,
    hookLines,
    hookInsertOffset,
  };
}

/** The entry's line without its line break. */
function lineRangeOf(e: WgEntry, text: string): { start: number; end: number } {
  let end = e.range.end;
  while (end > e.range.start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return { start: e.range.start, end };
}
