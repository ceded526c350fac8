// Target extensions (iptables-extensions(8) TARGET EXTENSIONS) with the tables and hooks the
// kernel accepts them in (facts §2.4).
import {
  type ValueCheck,
  anyString,
  hostMask,
  hostValue,
  markMask32,
  oneOf,
  port,
  portValue,
  str,
  syslogLevel,
  tosMask,
  uint,
} from '../values.js';
import { dscpClass } from './matches-misc.js';
import { type ExtDef, exclusive, needOneOf, opt } from './types.js';

const REJECT4 = [
  'icmp-net-unreachable', 'net-unreach', 'icmp-host-unreachable', 'host-unreach', 'icmp-port-unreachable', 'port-unreach',
  'icmp-proto-unreachable', 'proto-unreach', 'icmp-net-prohibited', 'net-prohib', 'icmp-host-prohibited', 'host-prohib',
  'icmp-admin-prohibited', 'admin-prohib', 'tcp-reset', 'tcp-rst',
];
const REJECT6 = [
  'icmp6-no-route', 'no-route', 'icmp6-adm-prohibited', 'adm-prohibited', 'icmp6-addr-unreachable', 'addr-unreach',
  'icmp6-port-unreachable', 'port-unreach', 'icmp6-policy-fail', 'policy-fail', 'icmp6-reject-route', 'reject-route',
  'tcp-reset',
];

const rejectWith: ValueCheck = (v, ctx) => {
  const list = ctx.family === 'ipv4' ? REJECT4 : REJECT6;
  if (list.includes(v)) return undefined;
  const other = ctx.family === 'ipv4' ? REJECT6 : REJECT4;
  if (other.includes(v)) {
    return ctx.family === 'ipv4'
      ? `\`${v}' is an ip6tables reject type; use icmp-port-unreachable, icmp-host-prohibited, tcp-reset, ...`
      : `\`${v}' is an IPv4 reject type; ip6tables uses icmp6-port-unreachable, icmp6-adm-prohibited, tcp-reset, ...`;
  }
  return `unknown reject type \`${v}'`;
};

/** Port part of NAT ranges: `p`, `p-q`, and for DNAT `p-q/base`; a port is a number or a service name, but a range is numeric. */
function natPorts(v: string, allowBase: boolean): string | undefined {
  const [range, base, ...rest] = v.split('/');
  if (rest.length || (base !== undefined && !allowBase)) return `bad port specification \`${v}'`;
  const r = range ?? '';
  if (portValue(r) !== undefined) {
    const parts = r.split('-');
    if (parts.length !== 2) return `port \`${r}' not valid`;
    for (const p of parts) if (!/^[0-9]+$/.test(p) || Number(p) > 65535) return `port \`${p}' not valid`;
  }
  if (base !== undefined && portValue(base, false) !== undefined) return `port \`${base}' not valid`;
  return undefined;
}

/** `addr[-addr][:port[-port[/base]]]`; IPv6 addresses with ports in brackets. */
const natRange: ValueCheck = (v, ctx) => {
  let addr = v;
  let ports: string | undefined;
  if (ctx.family === 'ipv6') {
    const m = /^\[([^\]]*)\](?::(.*))?$/.exec(v);
    if (m) {
      addr = m[1]!;
      ports = m[2];
    } else if (/^:/.test(v)) {
      addr = '';
      ports = v.slice(1);
    }
  } else {
    const i = v.indexOf(':');
    if (i >= 0) {
      addr = v.slice(0, i);
      ports = v.slice(i + 1);
    }
  }
  if (addr !== '') {
    for (const a of addr.split('-')) {
      const r = hostValue(a, ctx);
      if (r) return r;
    }
  }
  if (ports !== undefined) return natPorts(ports, true);
  return undefined;
};

const toPorts: ValueCheck = (v) => natPorts(v, false);

/** NAT targets with a port need a protocol with ports (facts §2.4). */
function needPortProto(optName: string, hasPort: (v: string, family: 'ipv4' | 'ipv6') => boolean) {
  return (ctx: Parameters<NonNullable<ExtDef['final']>>[0]) => {
    const o = ctx.get(optName);
    const v = o?.args[0]?.text;
    if (v && hasPort(v, ctx.family) && !['tcp', 'udp', 'sctp', 'dccp', '6', '17', '132', '33'].includes(ctx.protocol ?? '')) {
      return { message: 'a port needs `-p tcp`, `-p udp`, `-p sctp` or `-p dccp` in the rule', option: optName };
    }
    return undefined;
  };
}
const natHasPort = (v: string, family: 'ipv4' | 'ipv6') => (family === 'ipv6' ? /\]:|^:/.test(v) : v.includes(':'));

const classId: ValueCheck = (v) => (/^[0-9a-f]{1,4}:[0-9a-f]{1,4}$/i.test(v) ? undefined : 'must be `MAJOR:MINOR` in hex (e.g. 1:10)');

const queueBalance: ValueCheck = (v) => {
  const parts = v.split(':');
  if (parts.length !== 2 || parts.some((p) => p !== '' && !(/^[0-9]+$/.test(p) && Number(p) <= 65534))) return 'must be `first:last` (0-65534)';
  if (parts[0] !== '' && parts[1] !== '' && Number(parts[0]) >= Number(parts[1])) return 'first queue must be lower than last';
  return undefined;
};

const ctZone: ValueCheck = (v) => (v === 'mark' || (/^[0-9]+$/.test(v) && Number(v) <= 65535) ? undefined : 'must be a zone number 0-65535 or `mark`');

const tcpOptions: ValueCheck = (v) => {
  const names = ['wscale', 'mss', 'sack-permitted', 'sack', 'timestamp', 'md5'];
  for (const o of v.split(',')) {
    if (names.includes(o)) continue;
    if (!/^[0-9]+$/.test(o) || Number(o) < 2 || Number(o) > 255) return `\`${o}' is not a strippable TCP option (2-255 or ${names.join(', ')})`;
  }
  return undefined;
};

/** NPTv6 prefixes must be at most /64 (the kernel refuses longer ones; no length means /128). */
function nptPrefix(ctx: Parameters<NonNullable<ExtDef['final']>>[0]): { message: string; option: string } | undefined {
  for (const name of ['src-pfx', 'dst-pfx']) {
    const v = ctx.get(name)?.args[0]?.text;
    if (v === undefined) continue;
    const len = v.includes('/') ? Number(v.split('/')[1]) : 128;
    if (!(len <= 64)) return { message: `--${name} needs a prefix of /64 or shorter (write e.g. \`${v.split('/')[0]}/64')`, option: name };
  }
  return undefined;
}

const markOps = ['set-xmark', 'set-mark', 'and-mark', 'or-mark', 'xor-mark'];
const connmarkOps = [...markOps, 'save-mark', 'restore-mark'];
const u32 = uint(32);

export const targets: readonly ExtDef[] = [
  { name: 'ACCEPT', kind: 'target', options: [], terminal: true },
  { name: 'DROP', kind: 'target', options: [], terminal: true },
  { name: 'RETURN', kind: 'target', options: [], terminal: true },
  { name: 'QUEUE', kind: 'target', options: [], terminal: true },
  {
    name: 'REJECT',
    kind: 'target',
    tables: ['filter'],
    hooks: ['INPUT', 'FORWARD', 'OUTPUT'],
    terminal: true,
    options: [opt('reject-with', rejectWith)],
  },
  {
    name: 'LOG',
    kind: 'target',
    options: [
      opt('log-level', syslogLevel),
      // Longer prefixes are accepted and stored cut to 29 characters (iptables 1.8.9, nft and legacy).
      opt('log-prefix', str(1)),
      opt('log-tcp-sequence', null),
      opt('log-tcp-options', null),
      opt('log-ip-options', null),
      opt('log-uid', null),
      opt('log-macdecode', null),
    ],
  },
  {
    name: 'NFLOG',
    kind: 'target',
    options: [
      opt('nflog-group', uint(16)),
      opt('nflog-prefix', str(1)),
      ...exclusive([opt('nflog-range', u32), opt('nflog-size', u32)], ['nflog-range', 'nflog-size']),
      opt('nflog-threshold', uint(16)),
    ],
  },
  {
    name: 'MASQUERADE',
    kind: 'target',
    tables: ['nat'],
    hooks: ['POSTROUTING'],
    options: [opt('to-ports', toPorts), opt('random', null), opt('random-fully', null)],
    final: needPortProto('to-ports', () => true),
  },
  {
    name: 'SNAT',
    kind: 'target',
    tables: ['nat'],
    hooks: ['POSTROUTING', 'INPUT'],
    options: [opt('to-source', natRange, 'M'), opt('random', null), opt('random-fully', null), opt('persistent', null)],
    final: needPortProto('to-source', natHasPort),
  },
  {
    name: 'DNAT',
    kind: 'target',
    tables: ['nat'],
    hooks: ['PREROUTING', 'OUTPUT'],
    options: [opt('to-destination', natRange, 'M'), opt('random', null), opt('persistent', null)],
    final: needPortProto('to-destination', natHasPort),
  },
  {
    name: 'REDIRECT',
    kind: 'target',
    tables: ['nat'],
    hooks: ['PREROUTING', 'OUTPUT'],
    options: [opt('to-ports', toPorts), opt('random', null)],
    final: needPortProto('to-ports', () => true),
  },
  { name: 'NETMAP', kind: 'target', tables: ['nat'], options: [opt('to', hostMask, 'M')] },
  {
    name: 'MARK',
    kind: 'target',
    options: exclusive(
      [opt('set-xmark', markMask32), opt('set-mark', markMask32), opt('and-mark', u32), opt('or-mark', u32), opt('xor-mark', u32)],
      markOps,
    ),
    final: needOneOf(markOps, 'MARK needs one of --set-mark, --set-xmark, --and-mark, --or-mark or --xor-mark'),
  },
  {
    name: 'CONNMARK',
    kind: 'target',
    options: [
      ...exclusive(
        [
          opt('set-xmark', markMask32),
          opt('set-mark', markMask32),
          opt('and-mark', u32),
          opt('or-mark', u32),
          opt('xor-mark', u32),
          opt('save-mark', null),
          opt('restore-mark', null),
        ],
        connmarkOps,
      ),
      opt('ctmask', u32, '', { excl: ['mask'] }),
      opt('nfmask', u32, '', { excl: ['mask'] }),
      opt('mask', u32, '', { excl: ['ctmask', 'nfmask'] }),
      opt('left-shift-mark', uint(8, 0, 32)),
      opt('right-shift-mark', uint(8, 0, 32)),
    ],
    final: needOneOf(connmarkOps, 'CONNMARK needs one of --set-mark, --set-xmark, --save-mark, --restore-mark, ...'),
  },
  {
    name: 'TCPMSS',
    kind: 'target',
    protocols: ['tcp'],
    // Both may be given: the last one wins (`--set-mss 1380 --clamp-mss-to-pmtu` clamps, the other
    // order sets 1380; iptables 1.8.9 nft and legacy); each only once.
    options: [opt('set-mss', uint(16, 0, 65495)), opt('clamp-mss-to-pmtu', null)],
    final: needOneOf(['set-mss', 'clamp-mss-to-pmtu'], 'TCPMSS needs --set-mss or --clamp-mss-to-pmtu'),
  },
  {
    name: 'CT',
    kind: 'target',
    tables: ['raw'],
    options: [
      opt('notrack', null),
      opt('helper', str(1, 15)),
      opt('timeout', str(1, 31)),
      opt('ctevents', anyString),
      opt('expevents', anyString),
      opt('zone-orig', ctZone),
      opt('zone-reply', ctZone),
      opt('zone', ctZone),
    ],
  },
  { name: 'NOTRACK', kind: 'target', tables: ['raw'], options: [] },
  {
    name: 'TPROXY',
    kind: 'target',
    tables: ['mangle'],
    hooks: ['PREROUTING'],
    protocols: ['tcp', 'udp'],
    options: [opt('on-port', port, 'M'), opt('on-ip', (v, c) => hostValue(v, c)), opt('tproxy-mark', markMask32)],
  },
  {
    name: 'NFQUEUE',
    kind: 'target',
    terminal: true,
    options: [
      opt('queue-num', uint(16), '', { excl: ['queue-balance'] }),
      opt('queue-balance', queueBalance, '', { excl: ['queue-num'] }),
      opt('queue-bypass', null),
      opt('queue-cpu-fanout', null, '', { also: ['queue-balance'] }),
      opt('fail-open', null),
    ],
  },
  {
    name: 'TTL',
    kind: 'target',
    family: 'ipv4',
    tables: ['mangle'],
    options: exclusive([opt('ttl-set', uint(8)), opt('ttl-dec', uint(8, 1)), opt('ttl-inc', uint(8, 1))], ['ttl-set', 'ttl-dec', 'ttl-inc']),
    final: needOneOf(['ttl-set', 'ttl-dec', 'ttl-inc'], 'TTL needs --ttl-set, --ttl-dec or --ttl-inc'),
  },
  {
    name: 'HL',
    kind: 'target',
    family: 'ipv6',
    tables: ['mangle'],
    options: exclusive([opt('hl-set', uint(8)), opt('hl-dec', uint(8, 1)), opt('hl-inc', uint(8, 1))], ['hl-set', 'hl-dec', 'hl-inc']),
    final: needOneOf(['hl-set', 'hl-dec', 'hl-inc'], 'HL needs --hl-set, --hl-dec or --hl-inc'),
  },
  {
    name: 'DSCP',
    kind: 'target',
    tables: ['mangle'],
    options: exclusive([opt('set-dscp', uint(8, 0, 63)), opt('set-dscp-class', dscpClass)], ['set-dscp', 'set-dscp-class']),
    final: needOneOf(['set-dscp', 'set-dscp-class'], 'DSCP needs --set-dscp or --set-dscp-class'),
  },
  {
    name: 'TOS',
    kind: 'target',
    tables: ['mangle'],
    options: exclusive([opt('set-tos', tosMask(0xff)), opt('and-tos', uint(8)), opt('or-tos', uint(8)), opt('xor-tos', uint(8))], ['set-tos', 'and-tos', 'or-tos', 'xor-tos']),
    final: needOneOf(['set-tos', 'and-tos', 'or-tos', 'xor-tos'], 'TOS needs --set-tos, --and-tos, --or-tos or --xor-tos'),
  },
  {
    name: 'ECN',
    kind: 'target',
    family: 'ipv4',
    tables: ['mangle'],
    options: [
      opt('ecn-tcp-remove', null, '', { excl: ['ecn-tcp-cwr', 'ecn-tcp-ece'] }),
      opt('ecn-tcp-cwr', uint(8, 0, 1), '', { excl: ['ecn-tcp-remove'] }),
      opt('ecn-tcp-ece', uint(8, 0, 1), '', { excl: ['ecn-tcp-remove'] }),
      opt('ecn-ip-ect', uint(8, 0, 3)),
    ],
    final: needOneOf(['ecn-tcp-remove', 'ecn-tcp-cwr', 'ecn-tcp-ece', 'ecn-ip-ect'], 'ECN needs an operation (--ecn-tcp-remove, ...)'),
  },
  { name: 'CLASSIFY', kind: 'target', tables: ['mangle'], hooks: ['FORWARD', 'OUTPUT', 'POSTROUTING'], options: [opt('set-class', classId, 'M')] },
  { name: 'CHECKSUM', kind: 'target', tables: ['mangle'], options: [opt('checksum-fill', null, 'M')] },
  { name: 'AUDIT', kind: 'target', options: [opt('type', oneOf(['accept', 'drop', 'reject'], true), 'M')] },
  {
    name: 'CONNSECMARK',
    kind: 'target',
    tables: ['mangle', 'security'],
    options: exclusive([opt('save', null), opt('restore', null)], ['save', 'restore']),
    final: needOneOf(['save', 'restore'], 'CONNSECMARK needs --save or --restore'),
  },
  { name: 'SECMARK', kind: 'target', tables: ['mangle', 'security'], options: [opt('selctx', str(1, 255), 'M')] },
  {
    name: 'SET',
    kind: 'target',
    options: [
      opt('add-set', str(1, 31), '2', { check2: (v) => (/^(src|dst)(,(src|dst))*$/.test(v) ? undefined : 'flags must be src/dst list') }),
      opt('del-set', str(1, 31), '2', { check2: (v) => (/^(src|dst)(,(src|dst))*$/.test(v) ? undefined : 'flags must be src/dst list') }),
      opt('map-set', str(1, 31), '2', { check2: (v) => (/^(src|dst)(,(src|dst))*$/.test(v) ? undefined : 'flags must be src/dst list') }),
      opt('timeout', u32),
      opt('exist', null),
      opt('map-mark', null),
      opt('map-prio', null),
      opt('map-queue', null),
    ],
    final: needOneOf(['add-set', 'del-set', 'map-set'], 'SET needs --add-set, --del-set or --map-set'),
  },
  {
    name: 'SYNPROXY',
    kind: 'target',
    protocols: ['tcp'],
    options: [opt('sack-perm', null), opt('timestamp', null), opt('wscale', u32), opt('mss', u32), opt('ecn', null)],
  },
  { name: 'TCPOPTSTRIP', kind: 'target', tables: ['mangle'], protocols: ['tcp'], options: [opt('strip-options', tcpOptions)] },
  { name: 'TEE', kind: 'target', options: [opt('gateway', (v, c) => hostValue(v, c), 'M'), opt('oif', str(1, 15))] },
  { name: 'TRACE', kind: 'target', tables: ['raw'], options: [] },
  { name: 'IDLETIMER', kind: 'target', options: [opt('timeout', u32, 'M'), opt('label', str(1, 27), 'M'), opt('alarm', null)] },
  { name: 'LED', kind: 'target', options: [opt('led-trigger-id', str(1, 17), 'M'), opt('led-delay', anyString), opt('led-always-blink', null)] },
  {
    name: 'HMARK',
    kind: 'target',
    options: [
      opt('hmark-tuple', anyString),
      opt('hmark-src-prefix', anyString),
      opt('hmark-dst-prefix', anyString),
      opt('hmark-sport-mask', uint(16)),
      opt('hmark-dport-mask', uint(16)),
      opt('hmark-spi-mask', u32),
      opt('hmark-sport', uint(16)),
      opt('hmark-dport', uint(16)),
      opt('hmark-spi', u32),
      opt('hmark-proto-mask', uint(16)),
      opt('hmark-rnd', u32),
      opt('hmark-mod', uint(32, 1), 'M'),
      opt('hmark-offset', u32),
    ],
  },
  {
    name: 'RATEEST',
    kind: 'target',
    options: [opt('rateest-name', str(1, 15), 'M'), opt('rateest-interval', anyString, 'M'), opt('rateest-ewmalog', anyString, 'M')],
  },
  { name: 'DNPT', kind: 'target', family: 'ipv6', tables: ['mangle'], hooks: ['PREROUTING', 'OUTPUT'], options: [opt('src-pfx', hostMask, 'M'), opt('dst-pfx', hostMask, 'M')], final: nptPrefix },
  { name: 'SNPT', kind: 'target', family: 'ipv6', tables: ['mangle'], hooks: ['INPUT', 'POSTROUTING'], options: [opt('src-pfx', hostMask, 'M'), opt('dst-pfx', hostMask, 'M')], final: nptPrefix },
];
