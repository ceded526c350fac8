/** Keys of the `[Interface]` section (wg-quick's own keys plus the ones wg reads). */
export const INTERFACE_KEYS = [
  'PrivateKey',
  'ListenPort',
  'FwMark',
  'Address',
  'DNS',
  'MTU',
  'Table',
  'PreUp',
  'PostUp',
  'PreDown',
  'PostDown',
  'SaveConfig',
] as const;

/** Keys of a `[Peer]` section (all read by wg). */
export const PEER_KEYS = ['PublicKey', 'PresharedKey', 'AllowedIPs', 'Endpoint', 'PersistentKeepalive'] as const;

export type WgInterfaceKey = (typeof INTERFACE_KEYS)[number];
export type WgPeerKey = (typeof PEER_KEYS)[number];
export type WgKnownKey = WgInterfaceKey | WgPeerKey;

/** Keys wg-quick handles itself (only inside `[Interface]`); wg never sees them. */
export const WG_QUICK_KEYS: ReadonlySet<WgKnownKey> = new Set<WgKnownKey>([
  'Address',
  'DNS',
  'MTU',
  'Table',
  'PreUp',
  'PostUp',
  'PreDown',
  'PostDown',
  'SaveConfig',
]);

/** Hook keys: wg-quick (>= v1.0.20260223) hands their raw value, `#` included, to bash. */
export const HOOK_KEYS: ReadonlySet<WgKnownKey> = new Set<WgKnownKey>(['PreUp', 'PostUp', 'PreDown', 'PostDown']);

/** Keys whose values are secrets: never echoed in messages or dumps. */
export const SECRET_KEYS: ReadonlySet<WgKnownKey> = new Set<WgKnownKey>(['PrivateKey', 'PresharedKey']);

const BY_LOWER = new Map<string, WgKnownKey>([...INTERFACE_KEYS, ...PEER_KEYS].map((k) => [k.toLowerCase(), k]));

/** True for the bytes wg deletes from every line (9-13 and 32). */
export function isWgSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c === 32 || (c >= 9 && c <= 13);
}

/** Removes every wg whitespace character, as wg's `config_read_line` does. */
export function stripWgSpaces(s: string): string {
  let out = '';
  for (const ch of s) if (!isWgSpace(ch)) out += ch;
  return out;
}

/**
 * The known key a key as written stands for, or null. wg-quick matches its own keys exactly but
 * case-insensitively; wg deletes all whitespace first, so `Private Key` still means PrivateKey
 * but `Post Up` reaches wg (not wg-quick) and is rejected there.
 */
export function canonicalKeyOf(written: string): WgKnownKey | null {
  const exact = BY_LOWER.get(written.toLowerCase());
  if (exact) return exact;
  const squeezed = BY_LOWER.get(stripWgSpaces(written).toLowerCase());
  return squeezed && !WG_QUICK_KEYS.has(squeezed) ? squeezed : null;
}

export function isHookKeyText(written: string): boolean {
  const k = BY_LOWER.get(written.toLowerCase());
  return k !== undefined && HOOK_KEYS.has(k);
}

export function isInterfaceKey(key: WgKnownKey): key is WgInterfaceKey {
  return (INTERFACE_KEYS as readonly string[]).includes(key);
}
