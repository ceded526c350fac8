import type { WgKnownKey } from '@wglint/wg';

/** One-line documentation of each wg-quick key, shown on hover and in completion (wg(8), wg-quick(8)). */
export const WG_KEY_DOCS: Readonly<Record<WgKnownKey, string>> = {
  PrivateKey: 'Base64 private key of this interface (`wg genkey`). A secret: keep the file mode 600.',
  ListenPort: 'UDP port to listen on (0-65535); chosen randomly when absent.',
  FwMark: 'fwmark for outgoing encrypted packets: `off`, decimal or `0x` hex. wg-quick sets 51820 for Table=auto full tunnels.',
  Address: 'Comma-separated IP addresses (with prefix length) assigned to the interface by wg-quick.',
  DNS: 'DNS servers and search domains set through resolvconf while the interface is up.',
  MTU: 'Interface MTU; wg-quick derives it from the default route minus 80 when absent.',
  Table: '`auto` (default), `off`, or a routing table (number or name) for the AllowedIPs routes.',
  PreUp: 'bash command run before the interface is set up (after the link exists). `%i` is the interface name.',
  PostUp: 'bash command run after addresses, routes and DNS are set. Pair every lasting change with a PostDown.',
  PreDown: 'bash command run before the interface is torn down.',
  PostDown: 'bash command run after the interface is removed: undo what PreUp/PostUp added.',
  SaveConfig: '`true` writes the running configuration back to this file on down (comments are lost).',
  PublicKey: 'Base64 public key of the peer (`wg pubkey`).',
  PresharedKey: 'Optional base64 symmetric key (`wg genpsk`) mixed into the handshake. A secret.',
  AllowedIPs: 'Comma-separated prefixes routed to this peer and accepted from it (cryptokey routing).',
  Endpoint: 'Peer address `host:port` or `[IPv6]:port`; resolved once at `up`.',
  PersistentKeepalive: 'Seconds between keepalives (`off` or 1-65535); 25 keeps NAT mappings open.',
};
