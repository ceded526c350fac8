// Packet-property and miscellaneous matches (iptables-extensions(8)).
import {
  type ValueCheck,
  anyString,
  etherMac,
  hostMask,
  hostValue,
  listOf,
  markMask32,
  oneOf,
  parseUint,
  port,
  protocol,
  str,
  tosMask,
  uint,
  uintRange,
} from '../values.js';
import { type ExtDef, exclusive, needOneOf, opt } from './types.js';

const ADDR_TYPES = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE'];

const ipRange: ValueCheck = (v, ctx) => {
  const parts = v.split('-');
  if (parts.length > 2) return 'must be `from-to`';
  for (const p of parts) {
    const r = hostValue(p, ctx);
    if (r) return r;
  }
  return undefined;
};

const ownerId: ValueCheck = (v) => {
  if (/^[0-9]+(-[0-9]+)?$/.test(v)) return v.split('-').every((n) => Number(n) <= 0xfffffffe) ? undefined : 'id out of range';
  return /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/.test(v) ? undefined : `\`${v}' is not a user/group name or id`;
};

const setFlags: ValueCheck = (v) => (/^(src|dst)(,(src|dst)){0,5}$/.test(v) ? undefined : 'flags must be a comma list of src/dst (e.g. `src` or `src,dst`)');

const DSCP_CLASSES = ['CS0', 'CS1', 'CS2', 'CS3', 'CS4', 'CS5', 'CS6', 'CS7', 'BE', 'AF11', 'AF12', 'AF13', 'AF21', 'AF22', 'AF23', 'AF31', 'AF32', 'AF33', 'AF41', 'AF42', 'AF43', 'EF'];
export const dscpClass: ValueCheck = (v) => (DSCP_CLASSES.includes(v.toUpperCase()) ? undefined : `unknown DSCP class \`${v}'`);

const hhmm: ValueCheck = (v) => (/^([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$/.test(v) ? undefined : `bad time \`${v}' (use hh:mm[:ss])`);
const isoDate: ValueCheck = (v) => (/^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}(:[0-9]{2}(:[0-9]{2})?)?)?)?)?$/.test(v) ? undefined : `bad date \`${v}' (use YYYY[-MM[-DD[Thh[:mm[:ss]]]]])`);
const weekdays: ValueCheck = (v) => {
  const names = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  for (const d of v.split(',')) if (!names.includes(d.toLowerCase()) && !/^[1-7]$/.test(d)) return `unknown weekday \`${d}'`;
  return undefined;
};
const monthdays: ValueCheck = (v) => {
  for (const d of v.split(',')) if (!/^[0-9]+$/.test(d) || Number(d) < 1 || Number(d) > 31) return `bad day of month \`${d}' (1-31)`;
  return undefined;
};

const hexOrString = (max: number): ValueCheck => (v) => (v.length > max ? `string too long (at most ${max} characters)` : v === '' ? 'must not be empty' : undefined);

const headerList: ValueCheck = (v) => {
  const names = ['hop', 'hop-by-hop', 'dst', 'route', 'frag', 'auth', 'esp', 'none', 'prot', 'ipv6-nonxt', 'ipv6-opts', 'ipv6-route', 'ipv6-frag', 'ah', 'protocol'];
  for (const h of v.split(',')) if (!names.includes(h.toLowerCase()) && !/^[0-9]+$/.test(h)) return `unknown IPv6 header \`${h}'`;
  return undefined;
};

const optsList: ValueCheck = (v) => (/^[0-9]+(:[0-9]+)?(,[0-9]+(:[0-9]+)?)*$/.test(v) ? undefined : 'must be a list `type[:length],...`');

const u8 = uint(8);

export const miscMatches: readonly ExtDef[] = [
  { name: 'mac', kind: 'match', hooks: ['PREROUTING', 'INPUT', 'FORWARD'], options: [opt('mac-source', etherMac, 'MI')] },
  { name: 'mark', kind: 'match', options: [opt('mark', markMask32, 'MI')] },
  { name: 'comment', kind: 'match', options: [opt('comment', str(0, 255), 'M')] },
  {
    name: 'addrtype',
    kind: 'match',
    options: [
      opt('src-type', listOf(ADDR_TYPES), 'I'),
      opt('dst-type', listOf(ADDR_TYPES), 'I'),
      ...exclusive([opt('limit-iface-in', null), opt('limit-iface-out', null)], ['limit-iface-in', 'limit-iface-out']),
    ],
    final: needOneOf(['src-type', 'dst-type'], 'addrtype needs --src-type or --dst-type'),
  },
  {
    name: 'iprange',
    kind: 'match',
    options: [opt('src-range', ipRange, 'I'), opt('dst-range', ipRange, 'I')],
    final: needOneOf(['src-range', 'dst-range'], 'iprange needs --src-range or --dst-range'),
  },
  {
    name: 'set',
    kind: 'match',
    options: [
      opt('match-set', str(1, 31), 'I2', { check2: setFlags }),
      opt('set', str(1, 31), 'I2', { check2: setFlags, canonical: 'match-set' }),
      opt('return-nomatch', null),
      opt('update-counters', null, 'I'),
      opt('update-subcounters', null, 'I'),
      opt('packets-eq', uint(64), 'I'),
      opt('packets-lt', uint(64)),
      opt('packets-gt', uint(64)),
      opt('bytes-eq', uint(64), 'I'),
      opt('bytes-lt', uint(64)),
      opt('bytes-gt', uint(64)),
    ],
    final: needOneOf(['match-set'], 'set needs --match-set NAME FLAGS'),
  },
  {
    name: 'owner',
    kind: 'match',
    hooks: ['OUTPUT', 'POSTROUTING'],
    options: [
      opt('uid-owner', ownerId, 'I'),
      opt('gid-owner', ownerId, 'I'),
      opt('socket-exists', null, 'I'),
      opt('suppl-groups', null),
    ],
    final: (ctx) => {
      const i = ctx.options.findIndex((o) => o.name === 'suppl-groups');
      const g = ctx.options.findIndex((o) => o.name === 'gid-owner');
      if (i >= 0 && (g < 0 || g > i)) return { message: '--suppl-groups needs --gid-owner before it', option: 'suppl-groups' };
      return undefined;
    },
  },
  {
    name: 'physdev',
    kind: 'match',
    options: [
      opt('physdev-in', str(1, 15), 'I'),
      opt('physdev-out', str(1, 15), 'I'),
      opt('physdev-is-in', null, 'I'),
      opt('physdev-is-out', null, 'I'),
      opt('physdev-is-bridged', null, 'I'),
    ],
  },
  {
    name: 'string',
    kind: 'match',
    options: [
      opt('from', uint(16)),
      opt('to', uint(16)),
      opt('algo', oneOf(['bm', 'kmp']), 'M'),
      ...exclusive([opt('string', hexOrString(128), 'I'), opt('hex-string', hexOrString(512), 'I')], ['string', 'hex-string']),
      opt('icase', null),
    ],
    final: needOneOf(['string', 'hex-string'], 'string needs --string or --hex-string'),
  },
  { name: 'length', kind: 'match', options: [opt('length', uintRange(16), 'MI')] },
  {
    name: 'ttl',
    kind: 'match',
    family: 'ipv4',
    options: exclusive([opt('ttl-lt', u8), opt('ttl-gt', u8), opt('ttl-eq', u8, 'I'), opt('ttl', u8, '', { canonical: 'ttl-eq' })], ['ttl-lt', 'ttl-gt', 'ttl-eq', 'ttl']),
    final: needOneOf(['ttl-lt', 'ttl-gt', 'ttl-eq'], 'ttl needs one of --ttl-eq, --ttl-lt or --ttl-gt'),
  },
  {
    name: 'hl',
    kind: 'match',
    family: 'ipv6',
    options: exclusive([opt('hl-lt', u8), opt('hl-gt', u8), opt('hl-eq', u8, 'I'), opt('hl', u8, '', { canonical: 'hl-eq' })], ['hl-lt', 'hl-gt', 'hl-eq', 'hl']),
    final: needOneOf(['hl-lt', 'hl-gt', 'hl-eq'], 'hl needs one of --hl-eq, --hl-lt or --hl-gt'),
  },
  { name: 'cpu', kind: 'match', options: [opt('cpu', uint(32), 'MI')] },
  {
    name: 'dscp',
    kind: 'match',
    options: exclusive([opt('dscp', uint(8, 0, 63), 'I'), opt('dscp-class', dscpClass, 'I')], ['dscp', 'dscp-class']),
    final: needOneOf(['dscp', 'dscp-class'], 'dscp needs --dscp or --dscp-class'),
  },
  {
    name: 'ecn',
    kind: 'match',
    options: [opt('ecn-tcp-cwr', null, 'I'), opt('ecn-tcp-ece', null, 'I'), opt('ecn-ip-ect', uint(8, 0, 3), 'I')],
    final: (ctx) => {
      if (!['ecn-tcp-cwr', 'ecn-tcp-ece', 'ecn-ip-ect'].some((n) => ctx.has(n))) return 'ecn needs --ecn-tcp-cwr, --ecn-tcp-ece or --ecn-ip-ect';
      if ((ctx.has('ecn-tcp-cwr') || ctx.has('ecn-tcp-ece')) && ctx.protocol !== 'tcp' && ctx.protocol !== '6') {
        return { message: 'the ECN TCP options need `-p tcp` (the kernel refuses them otherwise)', option: ctx.has('ecn-tcp-cwr') ? 'ecn-tcp-cwr' : 'ecn-tcp-ece' };
      }
      return undefined;
    },
  },
  {
    name: 'ipvs',
    kind: 'match',
    options: [
      opt('ipvs', null, 'I'),
      opt('vproto', protocol, 'I'),
      opt('vaddr', hostMask, 'I'),
      opt('vport', port, 'I'),
      opt('vdir', oneOf(['ORIGINAL', 'REPLY'])),
      opt('vmethod', oneOf(['GATE', 'IPIP', 'MASQ']), 'I'),
      opt('vportctl', port, 'I'),
    ],
  },
  { name: 'nfacct', kind: 'match', options: [opt('nfacct-name', str(1, 31), 'M')] },
  { name: 'pkttype', kind: 'match', options: [opt('pkt-type', oneOf(['unicast', 'broadcast', 'multicast', 'host', 'otherhost'], true), 'MI')] },
  {
    name: 'policy',
    kind: 'match',
    options: [
      opt('dir', oneOf(['in', 'out'])),
      opt('pol', oneOf(['none', 'ipsec'])),
      opt('strict', null),
      opt('reqid', uint(32), 'UI'),
      opt('spi', uint(32), 'UI'),
      opt('tunnel-src', hostMask, 'UI'),
      opt('tunnel-dst', hostMask, 'UI'),
      opt('proto', oneOf(['ah', 'esp', 'ipcomp', '50', '51', '108'], true), 'UI'),
      opt('mode', oneOf(['tunnel', 'transport']), 'UI'),
      opt('next', null, 'U', { also: ['strict'] }),
    ],
    final: (ctx) => {
      if (!ctx.has('dir')) return 'policy needs --dir in or --dir out';
      if (!ctx.has('pol')) return 'policy needs --pol none or --pol ipsec';
      if ((ctx.has('tunnel-src') || ctx.has('tunnel-dst')) && ctx.get('mode')?.args[0]?.text !== 'tunnel') {
        return { message: '--tunnel-src/--tunnel-dst are only valid with --mode tunnel', option: ctx.has('tunnel-src') ? 'tunnel-src' : 'tunnel-dst' };
      }
      if (ctx.has('strict') && !['reqid', 'spi', 'tunnel-src', 'tunnel-dst', 'proto', 'mode'].some((n) => ctx.has(n))) {
        return { message: '--strict needs at least one policy element (--reqid, --spi, --proto, --mode, ...)', option: 'strict' };
      }
      return undefined;
    },
  },
  { name: 'rpfilter', kind: 'match', hooks: ['PREROUTING'], options: [opt('loose', null), opt('validmark', null), opt('accept-local', null), opt('invert', null)] },
  { name: 'socket', kind: 'match', hooks: ['PREROUTING', 'INPUT'], options: [opt('transparent', null), opt('nowildcard', null), opt('restore-skmark', null)] },
  {
    name: 'time',
    kind: 'match',
    options: [
      opt('datestart', isoDate),
      opt('datestop', isoDate),
      opt('timestart', hhmm),
      opt('timestop', hhmm),
      opt('contiguous', null),
      opt('weekdays', weekdays, 'I'),
      opt('monthdays', monthdays, 'I'),
      opt('localtz', null, '', { excl: ['utc'] }),
      opt('utc', null, '', { excl: ['localtz', 'kerneltz'] }),
      opt('kerneltz', null, '', { excl: ['utc'] }),
    ],
  },
  { name: 'tos', kind: 'match', options: [opt('tos', tosMask(0xff), 'MI')] },
  { name: 'u32', kind: 'match', options: [opt('u32', str(1), 'MI')] },
  {
    name: 'cgroup',
    kind: 'match',
    options: exclusive([opt('path', str(1, 4095), 'I'), opt('cgroup', uint(32), 'I')], ['path', 'cgroup']),
    final: needOneOf(['path', 'cgroup'], 'cgroup needs --path or --cgroup'),
  },
  {
    name: 'cluster',
    kind: 'match',
    options: [
      opt('cluster-total-nodes', uint(32, 1, 32), 'M'),
      opt('cluster-local-node', uint(32, 1, 32), 'I', { excl: ['cluster-local-nodemask'] }),
      opt('cluster-local-nodemask', uint(32, 1), 'I', { excl: ['cluster-local-node'] }),
      opt('cluster-hash-seed', uint(32), 'M'),
    ],
    final: (ctx) => {
      const total = Number(ctx.get('cluster-total-nodes')?.args[0]?.text ?? 0);
      const local = Number(parseUint(ctx.get('cluster-local-node')?.args[0]?.text ?? '0') ?? 0n);
      if (!ctx.has('cluster-local-node') && !ctx.has('cluster-local-nodemask')) return 'cluster needs --cluster-local-node or --cluster-local-nodemask';
      if (local > total) return { message: 'the local node number is greater than --cluster-total-nodes', option: 'cluster-local-node' };
      return undefined;
    },
  },
  { name: 'devgroup', kind: 'match', options: [opt('src-group', str(1), 'I'), opt('dst-group', str(1), 'I')] },
  { name: 'realm', kind: 'match', family: 'ipv4', options: [opt('realm', str(1), 'MI')] },
  { name: 'bpf', kind: 'match', options: [opt('bytecode', str(1)), opt('object-pinned', str(1))] },
  { name: 'osf', kind: 'match', family: 'ipv4', protocols: ['tcp'], options: [opt('genre', str(1, 31), 'MI'), opt('ttl', uint(32, 0, 2)), opt('log', uint(32, 0, 2))] },
  { name: 'eui64', kind: 'match', family: 'ipv6', hooks: ['PREROUTING', 'INPUT', 'FORWARD'], options: [] },
  {
    name: 'frag',
    kind: 'match',
    family: 'ipv6',
    options: [
      opt('fragid', uintRange(32), 'I'),
      opt('fraglen', uint(32), 'I'),
      opt('fragres', null),
      opt('fragfirst', null),
      ...exclusive([opt('fragmore', null), opt('fraglast', null)], ['fragmore', 'fraglast']),
    ],
  },
  { name: 'hbh', kind: 'match', family: 'ipv6', options: [opt('hbh-len', uint(32), 'I'), opt('hbh-opts', optsList)] },
  { name: 'dst', kind: 'match', family: 'ipv6', options: [opt('dst-len', uint(32), 'I'), opt('dst-opts', optsList)] },
  { name: 'ipv6header', kind: 'match', family: 'ipv6', options: [opt('header', headerList, 'MI'), opt('soft', null)] },
  {
    name: 'rt',
    kind: 'match',
    family: 'ipv6',
    options: [
      opt('rt-type', uint(32), 'I'),
      opt('rt-segsleft', uintRange(32), 'I'),
      opt('rt-len', uint(32), 'I'),
      opt('rt-0-res', null),
      opt('rt-0-addrs', anyString),
      opt('rt-0-not-strict', null),
    ],
  },
  {
    name: 'srh',
    kind: 'match',
    family: 'ipv6',
    options: [
      opt('srh-next-hdr', u8, 'I'),
      opt('srh-hdr-len-eq', u8, 'I'),
      opt('srh-hdr-len-gt', u8, 'I'),
      opt('srh-hdr-len-lt', u8, 'I'),
      opt('srh-segs-left-eq', u8, 'I'),
      opt('srh-segs-left-gt', u8, 'I'),
      opt('srh-segs-left-lt', u8, 'I'),
      opt('srh-last-entry-eq', u8, 'I'),
      opt('srh-last-entry-gt', u8, 'I'),
      opt('srh-last-entry-lt', u8, 'I'),
      opt('srh-tag', uint(16), 'I'),
      opt('srh-psid', hostMask, 'I'),
      opt('srh-nsid', hostMask, 'I'),
      opt('srh-lsid', hostMask, 'I'),
    ],
  },
];
