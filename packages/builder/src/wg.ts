import { keyError } from '@wglint/wg';
import { fail } from './errors.js';
import { checkCidr, checkInt, checkPort, describe, ipFamily } from './values.js';

/** The `[Interface]` section of a wg-quick config. */
export interface WgInterfaceSpec {
  /** Base64 private key (44 characters). Never echoed in errors. */
  readonly privateKey: string;
  /** Interface addresses (`10.0.0.1/24`, `fd00::1/64`); host bits are expected here. */
  readonly address?: readonly string[];
  /** UDP port to listen on, 0-65535 (0 or absent: random). */
  readonly listenPort?: number;
  /** Routing table for AllowedIPs routes: `off`, `auto`, a number or an `rt_tables` name. */
  readonly table?: 'off' | 'auto' | number | string;
  /** Firewall mark for outgoing encrypted packets: 0-0xffffffff or `off`; printed in hex. */
  readonly fwMark?: number | 'off';
  /** Interface MTU, 68-65535 (at least 1280 when an IPv6 address is set). */
  readonly mtu?: number;
  /** Nameservers (IP addresses) and search domains. */
  readonly dns?: readonly string[];
  /** Hook commands, one line each, run by bash in order. */
  readonly preUp?: readonly string[];
  readonly postUp?: readonly string[];
  readonly preDown?: readonly string[];
  readonly postDown?: readonly string[];
  /** wg-quick `SaveConfig`. */
  readonly saveConfig?: boolean;
}

/** A `[Peer]` section. */
export interface WgPeerSpec {
  /** Base64 public key (44 characters). */
  readonly publicKey: string;
  /** Base64 preshared key (44 characters). Never echoed in errors. */
  readonly presharedKey?: string;
  /** Networks routed to this peer; host bits are refused (wg would silently drop them). */
  readonly allowedIPs?: readonly string[];
  /** `host:port`, `[v6]:port`, or an object (IPv6 hosts are bracketed for you). */
  readonly endpoint?: string | { readonly host: string; readonly port: number };
  /** Seconds, 0-65535 or `off`. */
  readonly persistentKeepalive?: number | 'off';
}

/** Input of `wgConfig`. */
export interface WgConfigSpec {
  readonly interface: WgInterfaceSpec;
  readonly peers?: readonly WgPeerSpec[];
}

/**
 * Builds a wg-quick config (`/etc/wireguard/wg0.conf`) in the canonical layout that
 * `printWgConfig` produces. Throws a `BuilderError` for any value wg or wg-quick would refuse.
 */
export function wgConfig(spec: WgConfigSpec): string {
  const i = spec.interface;
  const lines: string[] = ['[Interface]'];
  const put = (key: string, value: string): void => {
    lines.push(`${key} = ${value}`);
  };
  put('PrivateKey', checkKey(i.privateKey, 'interface.privateKey', true));
  const families = new Set<number>();
  if (i.address?.length) {
    put('Address', i.address.map((a, n) => {
      const c = checkCidr(a, `interface.address[${n}]`, { hostBits: 'allow' });
      families.add(c.family);
      return a;
    }).join(', '));
  }
  if (i.listenPort !== undefined) put('ListenPort', String(checkPort(i.listenPort, 'interface.listenPort')));
  if (i.fwMark !== undefined) put('FwMark', i.fwMark === 'off' ? 'off' : `0x${checkInt(i.fwMark, 'interface.fwMark', 0, 0xffffffff, 'fwmark').toString(16)}`);
  if (i.table !== undefined) put('Table', checkTable(i.table));
  if (i.mtu !== undefined) {
    const min = families.has(6) ? 1280 : 68;
    checkInt(i.mtu, 'interface.mtu', min, 65535, families.has(6) ? 'MTU; IPv6 needs at least 1280' : 'MTU');
    put('MTU', String(i.mtu));
  }
  if (i.dns?.length) put('DNS', i.dns.map((d, n) => checkDns(d, `interface.dns[${n}]`)).join(', '));
  for (const [key, list] of [['PreUp', i.preUp], ['PostUp', i.postUp], ['PreDown', i.preDown], ['PostDown', i.postDown]] as const) {
    list?.forEach((cmd, n) => put(key, checkHook(cmd, `interface.${key[0]!.toLowerCase()}${key.slice(1)}[${n}]`)));
  }
  if (i.saveConfig !== undefined) put('SaveConfig', i.saveConfig ? 'true' : 'false');

  const seen = new Map<string, number>();
  (spec.peers ?? []).forEach((p, n) => {
    const path = `peers[${n}]`;
    lines.push('', '[Peer]');
    const pub = checkKey(p.publicKey, `${path}.publicKey`, false);
    const before = seen.get(pub);
    if (before !== undefined) fail('duplicate', `${path}.publicKey`, `same public key as peers[${before}]; wg would merge the two peers`);
    seen.set(pub, n);
    put('PublicKey', pub);
    if (p.presharedKey !== undefined) put('PresharedKey', checkKey(p.presharedKey, `${path}.presharedKey`, true));
    if (p.allowedIPs?.length) {
      const prefixes = new Set<string>();
      put('AllowedIPs', p.allowedIPs.map((a, k) => {
        checkCidr(a, `${path}.allowedIPs[${k}]`, { hostBits: 'refuse' });
        if (prefixes.has(a)) fail('duplicate', `${path}.allowedIPs[${k}]`, `\`${a}\` is listed twice`);
        prefixes.add(a);
        return a;
      }).join(', '));
    }
    if (p.endpoint !== undefined) put('Endpoint', checkEndpoint(p.endpoint, `${path}.endpoint`));
    if (p.persistentKeepalive !== undefined) {
      put('PersistentKeepalive', p.persistentKeepalive === 'off' ? 'off' : String(checkInt(p.persistentKeepalive, `${path}.persistentKeepalive`, 0, 65535, 'seconds')));
    }
  });
  return `${lines.join('\n')}\n`;
}

function checkKey(key: unknown, path: string, secret: boolean): string {
  if (typeof key !== 'string') fail('invalid-key', path, `expected a base64 key string, got ${secret ? typeof key : describe(key)}`);
  const err = keyError(key);
  if (err === null) return key;
  const why: Record<string, string> = {
    length: `must be 44 characters, got ${key.length}`,
    padding: 'must end with `=`',
    characters: 'has characters outside the base64 alphabet',
    noncanonical: 'is not a canonical encoding of 32 bytes (wrong 43rd character)',
  };
  // Only the length and the kind of defect are reported: the value itself may be a secret.
  return fail('invalid-key', path, `not a WireGuard key: it ${why[err] ?? err}; generate one with \`wg genkey\` / \`wg pubkey\``);
}

function checkTable(t: unknown): string {
  if (t === 'off' || t === 'auto') return t;
  if (typeof t === 'number') return String(checkInt(t, 'interface.table', 0, 0xffffffff, 'table id'));
  if (typeof t === 'string' && /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/.test(t)) return t;
  return fail('invalid-value', 'interface.table', `${describe(t)} is not \`off\`, \`auto\`, a table number or a table name`);
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

function checkDns(d: unknown, path: string): string {
  if (typeof d === 'string' && (ipFamily(d) !== null || (HOSTNAME.test(d) && !/^[0-9.]+$/.test(d)))) return d;
  return fail('invalid-value', path, `${describe(d)} is neither an IP address (nameserver) nor a domain name (search domain)`);
}

function checkHook(cmd: unknown, path: string): string {
  if (typeof cmd !== 'string' || cmd.trim() === '') fail('invalid-value', path, 'expected a non-empty command');
  if (/[\r\n\0]/.test(cmd)) fail('invalid-value', path, 'a hook command must be one line; add one entry per command');
  return cmd.trim();
}

function checkEndpoint(e: unknown, path: string): string {
  let host: string;
  let port: unknown;
  if (typeof e === 'object' && e !== null && 'host' in e) {
    host = String((e as { host: unknown }).host);
    port = (e as unknown as { port: unknown }).port;
    if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  } else if (typeof e === 'string') {
    const m = /^\[([^\]]+)\]:([0-9]+)$/.exec(e) ?? /^([^:[\]]+):([0-9]+)$/.exec(e);
    if (!m) fail('invalid-value', path, `\`${e}\` is not \`host:port\` or \`[ipv6]:port\``);
    host = m[1]!;
    port = Number(m[2]);
    if (e.startsWith('[') && ipFamily(host.replace(/%.*$/, '')) !== 6) fail('invalid-address', path, `\`${host}\` in brackets is not an IPv6 address`);
  } else {
    return fail('invalid-value', path, `expected \`host:port\` or { host, port }, got ${describe(e)}`);
  }
  checkPort(port, `${path}.port`, 1);
  const fam = ipFamily(host.replace(/%[A-Za-z0-9_.-]+$/, ''));
  if (fam === 6) return `[${host}]:${port}`;
  if (fam === 4 || (HOSTNAME.test(host) && !/^[0-9.]+$/.test(host))) return `${host}:${port}`;
  return fail('invalid-address', `${path}.host`, `\`${host}\` is not an IP address or a host name`);
}

/** A setup command and the command that undoes it. */
export interface HookPair {
  readonly up: string;
  readonly down: string;
}

/**
 * Derives the teardown for a hook command: `iptables … -A/-I` → `-D` (an `-I` rule number is
 * dropped), `-N` → `-X`, `ip [-4|-6] rule|route|address|link add` → `del`,
 * `nft add|create table F T` → `nft delete table F T`. Throws (`no-teardown`) for commands whose
 * undo cannot be derived, e.g. `nft add rule` (deleting needs a handle) or compound commands.
 */
export function hookPair(up: string): HookPair {
  const cmd = checkHook(up, 'hookPair');
  if (/[;&|`<>\n]|\$\(/.test(cmd.replace(/"[^"]*"|'[^']*'/g, ''))) {
    fail('no-teardown', 'hookPair', 'compound commands (`;`, `&&`, `|`, redirections, substitutions) are not paired; pass one command at a time');
  }
  const parts = cmd.split(/(\s+)/);
  // indices of words (even positions), up to the first quoted word
  const words: number[] = [];
  for (let k = 0; k < parts.length; k += 2) {
    if (/["']/.test(parts[k]!)) break;
    words.push(k);
  }
  const w = (n: number): string | undefined => (words[n] === undefined ? undefined : parts[words[n]!]);
  const set = (n: number, text: string): void => {
    parts[words[n]!] = text;
  };
  const prog = w(0)?.replace(/^.*\//, '');
  if (prog === 'iptables' || prog === 'ip6tables' || prog === 'iptables-nft' || prog === 'ip6tables-nft' || prog === 'iptables-legacy' || prog === 'ip6tables-legacy') {
    for (let n = 1; w(n) !== undefined; n++) {
      const t = w(n)!;
      if (t === '-A' || t === '--append') {
        set(n, '-D');
        return { up: cmd, down: parts.join('') };
      }
      if (t === '-I' || t === '--insert') {
        set(n, '-D');
        // `-I CHAIN 3 spec`: the rule number means nothing to `-D CHAIN spec`
        const num = words[n + 2];
        if (num !== undefined && /^[0-9]+$/.test(parts[num]!)) parts.splice(num, 2);
        return { up: cmd, down: parts.join('') };
      }
      if (t === '-N' || t === '--new-chain') {
        set(n, '-X');
        return { up: cmd, down: parts.join('') };
      }
    }
    return fail('no-teardown', 'hookPair', 'only iptables -A, -I and -N commands have a derivable teardown');
  }
  if (prog === 'ip') {
    let n = 1;
    while (w(n) !== undefined && /^-[46]$|^-family$/.test(w(n)!)) n++;
    const obj = w(n);
    const verb = w(n + 1);
    if (obj && verb === 'add' && /^(rule|ru|route|r|ro|address|addr|a|link|l|neighbour|neigh|n)$/.test(obj)) {
      set(n + 1, 'del');
      return { up: cmd, down: parts.join('') };
    }
    return fail('no-teardown', 'hookPair', 'only `ip rule|route|address|link|neigh add` commands have a derivable teardown');
  }
  if (prog === 'nft') {
    const n = 1;
    const verb = w(n);
    if ((verb === 'add' || verb === 'create') && w(n + 1) === 'table' && w(n + 3) !== undefined && w(n + 4) === undefined) {
      return { up: cmd, down: `${parts.slice(0, words[n]!).join('')}delete table ${w(n + 2)} ${w(n + 3)}` };
    }
    return fail('no-teardown', 'hookPair', 'for nft, add a whole table (`nft add table inet NAME`, or `nft -f FILE` defining it) and delete it on teardown; `nft delete rule` needs a handle');
  }
  return fail('no-teardown', 'hookPair', `no teardown is known for \`${prog ?? ''}\` commands`);
}

/** Pairs several setup commands: PostUp in order, PostDown in reverse order. */
export function pairedHooks(upCommands: readonly string[]): { postUp: string[]; postDown: string[] } {
  const pairs = upCommands.map(hookPair);
  return { postUp: pairs.map((p) => p.up), postDown: pairs.map((p) => p.down).reverse() };
}
