// Grammar-aware fast-check generators, one per language, and byte-level mutation of real files.
// A generated case carries `keep`: text a formatter must not drop (comments, unknown keys, broken
// lines), compared with whitespace squashed.
import fc from 'fast-check';
import type { Language } from '@wglint/core';
import { atoms, samples, type Sample } from './corpus.js';

export interface Case {
  readonly language: Language;
  readonly text: string;
  /** Squashed snippets the formatter output must contain. */
  readonly keep: readonly string[];
  readonly label: string;
}

interface Line {
  readonly text: string;
  readonly keep?: string;
}

const line = (text: string, keep?: string): Line => (keep === undefined ? { text } : { text, keep });
const tag = fc.nat(99_999);
const ws = fc.constantFrom('', ' ', '  ', '\t', ' \t ');

/** Joins lines with a chosen line ending, optional BOM and optional final newline. */
function assemble(language: Language, lines: readonly Line[], eol: string, bom: boolean, finalNewline: boolean, label: string): Case {
  const body = lines.map((l) => l.text).join(eol) + (finalNewline ? eol : '');
  return {
    language,
    text: (bom ? '\uFEFF' : '') + body,
    keep: lines.flatMap((l) => (l.keep ? [l.keep.replace(/\s+/g, '')] : [])),
    label,
  };
}

const layout = fc.record({ eol: fc.constantFrom('\n', '\n', '\n', '\r\n'), bom: fc.integer({ min: 0, max: 9 }).map((n) => n === 0), finalNewline: fc.boolean() });

const comment = tag.chain((n) => ws.map((w) => line(`${w}# c${n} note`, `#c${n}note`)));
const blank = ws.map((w) => line(w));
const junk = tag.map((n) => line(`@@junk${n} %% ??`, `@@junk${n}%%??`));

// ---------------------------------------------------------------------------------------------
// shell (hook values)

const ipt = () => atoms().iptRules;
const nftr = () => atoms().nftRules;

/** One shell command as people write them in PostUp/PreDown. */
export const shellCommand: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'iptables -A FORWARD -i %i -j ACCEPT',
    'iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE',
    'iptables -D FORWARD -i %i -j ACCEPT',
    'ip6tables -I INPUT 1 -p udp --dport 51820 -j ACCEPT',
    'ip rule add fwmark 51820 table 200',
    'ip route add default dev %i table 200',
    'ip -4 rule del not fwmark 51820 table 51820',
    'nft add rule inet filter input udp dport 51820 accept',
    "nft 'add rule inet filter forward iifname \"%i\" accept'",
    'nft -f /etc/nftables.d/wg.nft',
    'sysctl -w net.ipv4.ip_forward=1',
    'sysctl -q net.ipv4.conf.all.src_valid_mark=1',
    'wg set %i private-key /etc/wireguard/%i.key',
    'echo "a # b" > /tmp/x',
    "printf '%s\\n' \"$(wg show %i fwmark)\"",
    'logger -t wg `date`',
    'resolvconf -a %i -m 0 -x',
    'true',
  ),
  fc.integer({ min: 0, max: 1 << 20 }).map((i) => `iptables -A INPUT ${ipt()[i % ipt().length]!.rule}`),
  fc.integer({ min: 0, max: 1 << 20 }).map((i) => `nft add rule inet t c ${nftr()[i % nftr().length]}`),
  fc.integer({ min: 0, max: 1 << 20 }).map((i) => `nft 'add rule inet t c ${nftr()[i % nftr().length]!.replace(/'/g, '')}'`),
  fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '\\', '$', '(', ')', '`', ';', '&', '|', '#', '{', '}', '%i', '<', '>', '*', '\t'), maxLength: 30 }),
);

export const shellLine: fc.Arbitrary<string> = fc
  .array(fc.tuple(shellCommand, fc.constantFrom('; ', ' && ', ' || ', ' | ', ';', ' & ')), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map(([c, sep], i) => (i < parts.length - 1 ? c + sep : c)).join(''));

// ---------------------------------------------------------------------------------------------
// wg-quick

const key44 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('base64'));
const cidr4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(33)).map(([a, b, c, d, m]) => `${a}.${b}.${c}.${d}/${m}`);
const wgValue: Record<string, fc.Arbitrary<string>> = {
  Address: fc.array(fc.oneof(cidr4, fc.constantFrom('fd00::1/64', '10.0.0.1', '10.0.0.300/24', 'fe80::/10')), { minLength: 1, maxLength: 3 }).map((a) => a.join(', ')),
  ListenPort: fc.oneof(fc.integer({ min: 0, max: 70000 }).map(String), fc.constantFrom('auto', '-1', '0x10')),
  PrivateKey: fc.oneof(key44, fc.constantFrom('abc', 'not base64!!', '')),
  PublicKey: fc.oneof(key44, fc.constantFrom('short=', '')),
  PresharedKey: fc.oneof(key44, fc.constantFrom('x')),
  MTU: fc.oneof(fc.integer({ min: 0, max: 70000 }).map(String), fc.constantFrom('auto', 'big')),
  DNS: fc.constantFrom('1.1.1.1', '1.1.1.1, example.com', '10.0.0.1,fd00::1', ''),
  Table: fc.constantFrom('off', 'auto', 'Off', '1234', 'main', 'wgtable', '0x10'),
  SaveConfig: fc.constantFrom('true', 'false', 'yes', 'TRUE'),
  FwMark: fc.constantFrom('0x10', '0X10', 'off', '51820', '-1'),
  AllowedIPs: fc.array(fc.oneof(cidr4, fc.constantFrom('0.0.0.0/0', '::/0', 'fd00::/8', '10.0.0.2')), { minLength: 1, maxLength: 4 }).map((a) => a.join(', ')),
  Endpoint: fc.constantFrom('198.51.100.1:51820', '[2001:db8::1]:51820', 'vpn.example.com:51820', 'host:port', 'my host:1'),
  PersistentKeepalive: fc.constantFrom('25', 'off', '0', '70000', 'x'),
  PreUp: shellLine,
  PostUp: shellLine,
  PreDown: shellLine,
  PostDown: shellLine,
};
const keySpelling = (k: string) => fc.constantFrom(k, k.toLowerCase(), k.toUpperCase(), k.replace(/([a-z])([A-Z])/, '$1 $2'));

const wgEntry: fc.Arbitrary<Line> = fc
  .tuple(fc.constantFrom(...Object.keys(wgValue)), ws, ws, fc.option(tag, { nil: undefined }))
  .chain(([k, w1, w2, trailing]) =>
    fc.tuple(keySpelling(k), wgValue[k]!).map(([spelled, v]) => {
      // a trailing comment is kept by a formatter on every key (on hook keys it is part of the command)
      const t = trailing === undefined ? '' : ` # t${trailing}`;
      return line(`${spelled}${w1}=${w2}${v}${t}`, t ? `#t${trailing}` : undefined);
    }),
  );
const wgUnknown = tag.map((n) => line(`X${n}Option = value${n}`, `X${n}Option=value${n}`));
const wgHeader = fc.constantFrom('[Interface]', '[Peer]', '[interface]', '[peer]', '[ Peer ]', '[Interface] # hdr', '[Bogus]', '[Interface', '[]', '[Peer]]');

const wgSection = fc.tuple(wgHeader, fc.array(fc.oneof({ weight: 6, arbitrary: wgEntry }, comment, blank, wgUnknown, junk), { maxLength: 12 }));

export const wgCase: fc.Arbitrary<Case> = fc
  .tuple(fc.array(fc.oneof(comment, blank), { maxLength: 3 }), fc.array(wgSection, { minLength: 1, maxLength: 5 }), layout)
  .map(([pre, sections, { eol, bom, finalNewline }]) => {
    const lines: Line[] = [...pre];
    sections.forEach(([h, items], i) => {
      // the first section is [Interface] most of the time, as in real files
      lines.push(line(i === 0 && h !== '[Interface]' && items.length % 2 === 0 ? '[Interface]' : h), ...items);
    });
    return assemble('wg', lines, eol, bom, finalNewline, 'wg grammar');
  });

// ---------------------------------------------------------------------------------------------
// nft

const family = fc.constantFrom('inet', 'ip', 'ip6', 'arp', 'bridge', 'netdev');
const ident = fc.constantFrom('filter', 'nat', 't', 'wg', 'my_table', 'x1', '"quoted name"');
const nftRule = fc.integer({ min: 0, max: 1 << 20 }).map((i) => nftr()[i % nftr().length]!);
const nftDecl = fc.integer({ min: 0, max: 1 << 20 }).map((i) => atoms().nftDecls[i % atoms().nftDecls.length]!);
const hookSpec = fc.constantFrom(
  'type filter hook input priority 0; policy accept;',
  'type filter hook forward priority filter; policy drop;',
  'type nat hook postrouting priority srcnat;',
  'type nat hook prerouting priority dstnat; policy accept;',
  'type route hook output priority mangle;',
  'type filter hook ingress device "eth0" priority -500;',
  '',
);

const nftChain: fc.Arbitrary<Line[]> = fc
  .tuple(ident, hookSpec, fc.array(fc.oneof({ weight: 6, arbitrary: nftRule.map((r) => line(`    ${r}`)) }, comment, blank, junk), { maxLength: 8 }))
  .map(([name, spec, body]) => [line(`  chain ${name} {`), ...(spec ? [line(`    ${spec}`)] : []), ...body, line('  }')]);

const nftSet: fc.Arbitrary<Line[]> = fc.constantFrom(
  ['  set allowed {', '    type ipv4_addr', '    flags interval', '    elements = { 10.0.0.0/8, 192.168.1.1-192.168.1.9 }', '  }'],
  ['  map ports {', '    type inet_service : verdict', '    elements = { 22 : accept, 80 : drop }', '  }'],
  ['  set s6 { type ipv6_addr; flags dynamic,timeout; timeout 1h; }'],
  ['  counter c1 {', '    packets 0 bytes 0', '  }'],
  ['  flowtable f {', '    hook ingress priority 0; devices = { lo };', '  }'],
).map((ls) => ls.map((l) => line(l)));

const nftTable: fc.Arbitrary<Line[]> = fc
  .tuple(family, ident, fc.array(fc.oneof({ weight: 3, arbitrary: nftChain }, nftSet, comment.map((c) => [c])), { maxLength: 5 }))
  .map(([fam, name, parts]) => [line(`table ${fam} ${name} {`), ...parts.flat(), line('}')]);

const nftTop: fc.Arbitrary<Line[]> = fc.oneof(
  { weight: 4, arbitrary: nftTable },
  fc.constantFrom('flush ruleset', 'define wan = eth0', 'define nets = { 10.0.0.0/8, 172.16.0.0/12 }', 'include "/etc/nftables.d/*.nft"', 'add table inet t', 'add chain inet t c { type filter hook input priority 0; }', 'delete table inet t').map((l) => [line(l)]),
  nftRule.map((r) => [line(`add rule inet t c ${r}`)]),
  nftDecl.map((d) => [line(d)]),
  comment.map((c) => [c]),
  blank.map((b) => [b]),
  junk.map((j) => [j]),
);

export const nftCase: fc.Arbitrary<Case> = fc
  .tuple(fc.boolean(), fc.array(nftTop, { minLength: 1, maxLength: 6 }), layout)
  .map(([shebang, tops, { eol, bom, finalNewline }]) =>
    assemble('nft', [...(shebang ? [line('#!/usr/sbin/nft -f', '#!/usr/sbin/nft-f')] : []), ...tops.flat()], eol, bom, finalNewline, 'nft grammar'),
  );

// ---------------------------------------------------------------------------------------------
// iptables-save

const builtin: Record<string, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};
const iptRuleFor = (table: string) =>
  fc.tuple(fc.integer({ min: 0, max: 1 << 20 }), fc.constantFrom('-A', '-A', '-A', '-I', '-N', '-D'), fc.boolean()).map(([i, cmd, counters]) => {
    const pool = ipt().filter((r) => r.table === table);
    const r = pool.length ? pool[i % pool.length]! : ipt()[i % ipt().length]!;
    const chain = r.chains[i % r.chains.length] ?? 'INPUT';
    return line(`${counters ? `[${i % 97}:${i}] ` : ''}${cmd} ${chain} ${r.rule}`);
  });

const iptTable: fc.Arbitrary<Line[]> = fc.constantFrom(...Object.keys(builtin)).chain((table) =>
  fc
    .tuple(
      fc.subarray(builtin[table]!),
      fc.array(fc.constantFrom('WG', 'peer_1', 'LOGDROP', 'x-y'), { maxLength: 2 }),
      fc.array(fc.oneof({ weight: 6, arbitrary: iptRuleFor(table) }, comment, junk, blank), { maxLength: 10 }),
      fc.constantFrom('COMMIT', 'COMMIT', 'COMMIT', ''),
      fc.constantFrom('ACCEPT', 'DROP', 'REJECT'),
    )
    .map(([chains, user, rules, commit, policy]) => [
      line(`*${table}`),
      ...chains.map((c) => line(`:${c} ${policy} [0:0]`)),
      ...user.map((c) => line(`:${c} - [0:0]`)),
      ...rules,
      ...(commit ? [line(commit)] : []),
    ]),
);

export const iptablesCase: fc.Arbitrary<Case> = fc
  .tuple(fc.array(fc.oneof({ weight: 4, arbitrary: iptTable }, comment.map((c) => [c])), { minLength: 1, maxLength: 4 }), layout)
  .map(([tables, { eol, bom, finalNewline }]) =>
    assemble('iptables-save', [line('# Generated by iptables-save v1.8.9 (nf_tables)', '#Generatedbyiptables-savev1.8.9(nf_tables)'), ...tables.flat()], eol, bom, finalNewline, 'iptables grammar'),
  );

// ---------------------------------------------------------------------------------------------
// sysctl

const sysctlKey = fc.constantFrom(
  'net.ipv4.ip_forward',
  'net.ipv6.conf.all.forwarding',
  'net.ipv4.conf.all.rp_filter',
  'net.ipv4.conf.default.rp_filter',
  'net.ipv4.conf.wg0.rp_filter',
  'net/ipv4/conf/eth0.100/rp_filter',
  'net.ipv4.conf.*.rp_filter',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.core.rmem_max',
  'kernel.unknown_thing',
);
const sysctlEntry = fc
  .tuple(fc.constantFrom('', '', '-'), sysctlKey, ws, ws, fc.constantFrom('1', '0', '2', '32768 60999', '51820-51899', 'yes', '', '1 # no'))
  .map(([dash, k, a, b, v]) => line(`${dash}${k}${a}=${b}${v}`));
const sysctlComment = tag.chain((n) => fc.constantFrom('#', ';').map((c) => line(`${c} s${n}`, `${c}s${n}`)));

export const sysctlCase: fc.Arbitrary<Case> = fc
  .tuple(fc.array(fc.oneof({ weight: 5, arbitrary: sysctlEntry }, sysctlComment, blank, junk), { minLength: 1, maxLength: 15 }), layout)
  .map(([lines, { eol, bom, finalNewline }]) => assemble('sysctl', lines, eol, bom, finalNewline, 'sysctl grammar'));

export const grammarCase: Record<Language, fc.Arbitrary<Case>> = {
  wg: wgCase,
  nft: nftCase,
  'iptables-save': iptablesCase,
  sysctl: sysctlCase,
};

// ---------------------------------------------------------------------------------------------
// byte-level mutation of real files

const INTERESTING = [0x00, 0x0a, 0x0d, 0x09, 0x20, 0x22, 0x27, 0x23, 0x7b, 0x7d, 0x5b, 0x5d, 0x3d, 0x5c, 0x24, 0x3b, 0x2d, 0xff, 0xc3, 0xef, 0xbb, 0xbf, 0xe2, 0x80];

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'insert'; at: number; byte: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'repeat'; at: number; len: number; times: number }
  | { op: 'truncate'; at: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'splice'; at: number; other: number; from: number; len: number };

const pos = fc.nat(1 << 30);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: pos, bit: fc.nat(7) }),
  fc.record({ op: fc.constant('insert' as const), at: pos, byte: fc.oneof(fc.constantFrom(...INTERESTING), fc.nat(255)) }),
  fc.record({ op: fc.constant('delete' as const), at: pos, len: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: pos, len: fc.integer({ min: 1, max: 16 }), times: fc.integer({ min: 2, max: 500 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: pos }),
  fc.record({ op: fc.constant('swapLines' as const), a: pos, b: pos }),
  fc.record({ op: fc.constant('splice' as const), at: pos, other: pos, from: pos, len: fc.integer({ min: 1, max: 200 }) }),
);

function mutate(bytes: Buffer, ms: readonly Mutation[], all: readonly Sample[]): Buffer {
  let b = bytes;
  for (const m of ms) {
    const at = b.length ? m.op === 'swapLines' ? 0 : (m as { at: number }).at % (b.length + 1) : 0;
    switch (m.op) {
      case 'flip':
        if (b.length) {
          b = Buffer.from(b);
          b[at % b.length] = b[at % b.length]! ^ (1 << m.bit);
        }
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), Buffer.from([m.byte]), b.subarray(at)]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.len)]);
        break;
      case 'repeat': {
        const piece = b.subarray(at, at + m.len);
        b = Buffer.concat([b.subarray(0, at), ...Array.from({ length: m.times }, () => piece), b.subarray(at)]);
        break;
      }
      case 'truncate':
        b = b.subarray(0, at);
        break;
      case 'swapLines': {
        const lines = b.toString('latin1').split('\n');
        const i = m.a % lines.length;
        const j = m.b % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        b = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
      case 'splice': {
        const o = all[m.other % all.length]!.bytes;
        const from = o.length ? m.from % o.length : 0;
        b = Buffer.concat([b.subarray(0, at), o.subarray(from, from + m.len), b.subarray(at)]);
        break;
      }
    }
  }
  return b;
}

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** A real file (corpus, example or seed) after 1-4 byte-level mutations, decoded as the CLI would. */
export function mutatedCase(language?: Language): fc.Arbitrary<Case> {
  const all = samples();
  const pool = language ? all.filter((s) => s.language === language) : all;
  return fc.tuple(fc.nat(Math.max(0, pool.length - 1)), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([i, ms, surrogate]) => {
    const s = pool[i]!;
    let text = lenient.decode(mutate(s.bytes, ms, all));
    // an editor buffer can hold a lone surrogate, which no file decoding produces
    if (surrogate && text.length) text = `${text.slice(0, text.length >> 1)}\uD800${text.slice(text.length >> 1)}`;
    return { language: s.language, text, keep: [], label: `${s.name} mutated ${JSON.stringify(ms)}` };
  });
}
