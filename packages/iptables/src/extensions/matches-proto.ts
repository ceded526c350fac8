// Protocol matches: tcp, udp, sctp, dccp, icmp, icmp6, multiport, ah, esp, ipcomp, mh, tcpmss
// (iptables-extensions(8) "tcp", "udp", ...).
import { type ValueCheck, parseUint, portNumber, portRange, uint, uintRange } from '../values.js';
import { type ExtDef, exclusive, needOneOf, opt } from './types.js';

const TCP_FLAGS = ['SYN', 'ACK', 'FIN', 'RST', 'URG', 'PSH', 'ALL', 'NONE'];
const tcpFlags: ValueCheck = (v) => {
  for (const f of v.split(',')) if (!TCP_FLAGS.includes(f.toUpperCase())) return `unknown TCP flag \`${f}' (use ${TCP_FLAGS.join(', ')})`;
  return undefined;
};

/** Port options shared by tcp/udp/sctp/dccp; `reversedIsError` is tcp's "invalid portrange (min > max)". */
function portOpts(reversedIsError: boolean, wraps = false): ReturnType<typeof opt>[] {
  const check: ValueCheck = (v, ctx) => {
    // The usual single numeric port, without splitting or regexes (same results as below).
    const n = digitsValue(v);
    if (n >= 0) return wraps || n <= 65535 ? undefined : portRange(v, ctx);
    // udp/dccp read ports through getaddrinfo in iptables 1.8.9, which wraps numbers > 65535
    // instead of refusing them: accepted here, reported by checkIptCommand (value-out-of-range).
    if (wraps && /^[0-9]*(:[0-9]*)?$/.test(v) && v !== '') return undefined;
    const r = portRange(v, ctx);
    if (r) return r;
    if (reversedIsError) {
      const [a, b] = v.split(':');
      if (a && b && (portNumber(a) ?? 0) > (portNumber(b) ?? 65535)) return 'invalid port range (min > max)';
    }
    return undefined;
  };
  return [
    opt('source-port', check, 'I'),
    opt('sport', check, 'I', { canonical: 'source-port' }),
    opt('destination-port', check, 'I'),
    opt('dport', check, 'I', { canonical: 'destination-port' }),
  ];
}

const ICMP_TYPES = [
  'any', 'echo-reply', 'pong', 'destination-unreachable', 'network-unreachable', 'host-unreachable', 'protocol-unreachable',
  'port-unreachable', 'fragmentation-needed', 'source-route-failed', 'network-unknown', 'host-unknown', 'network-prohibited',
  'host-prohibited', 'TOS-network-unreachable', 'TOS-host-unreachable', 'communication-prohibited', 'host-precedence-violation',
  'precedence-cutoff', 'source-quench', 'redirect', 'network-redirect', 'host-redirect', 'TOS-network-redirect',
  'TOS-host-redirect', 'echo-request', 'ping', 'router-advertisement', 'router-solicitation', 'time-exceeded', 'ttl-exceeded',
  'ttl-zero-during-transit', 'ttl-zero-during-reassembly', 'parameter-problem', 'ip-header-bad', 'required-option-missing',
  'timestamp-request', 'timestamp-reply', 'address-mask-request', 'address-mask-reply',
];
const ICMP6_TYPES = [
  'destination-unreachable', 'no-route', 'communication-prohibited', 'beyond-scope', 'address-unreachable', 'port-unreachable',
  'failed-policy', 'reject-route', 'packet-too-big', 'time-exceeded', 'ttl-exceeded', 'ttl-zero-during-transit',
  'ttl-zero-during-reassembly', 'parameter-problem', 'bad-header', 'unknown-header-type', 'unknown-option', 'echo-request',
  'ping', 'echo-reply', 'pong', 'router-solicitation', 'router-advertisement', 'neighbour-solicitation', 'neighbor-solicitation',
  'neighbour-advertisement', 'neighbor-advertisement', 'redirect', 'mld-listener-query', 'mld-listener-report',
  'mld-listener-done', 'mld-listener-reduction',
];

function icmpType(names: readonly string[]): ValueCheck {
  return (v) => {
    if (/^[0-9]+(\/[0-9]+(:[0-9]+)?)?$/.test(v)) {
      return v.split(/[/:]/).every((p) => Number(p) <= 255) ? undefined : `ICMP type/code \`${v}' out of range (0-255)`;
    }
    return names.some((n) => n.toLowerCase() === v.toLowerCase()) ? undefined : `unknown ICMP type \`${v}'`;
  };
}

/** The value of `v` when it is 1-9 decimal digits, else -1. */
function digitsValue(v: string): number {
  const len = v.length;
  if (len === 0 || len > 9) return -1;
  let n = 0;
  for (let k = 0; k < len; k++) {
    const c = v.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** Whether `v` is 1-15 comma-separated numeric ports (each 1-5 digits, at most 65535): valid for `multiportList`. */
function isPlainPortList(v: string): boolean {
  let count = 0;
  let digits = 0;
  let value = 0;
  for (let k = 0; k <= v.length; k++) {
    const c = k < v.length ? v.charCodeAt(k) : 44;
    if (c === 44 /* , */) {
      if (digits === 0 || value > 65535 || ++count > 15) return false;
      digits = 0;
      value = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 5) return false;
      value = value * 10 + (c - 48);
    } else return false;
  }
  return true;
}

const multiportList: ValueCheck = (v) => {
  if (isPlainPortList(v)) return undefined;
  let count = 0;
  for (const item of v.split(',')) {
    const parts = item.split(':');
    if (parts.length > 2 || item === '') return `invalid port/service \`${item}' specified`;
    for (const p of parts) if (portNumber(p) === undefined) return `invalid port/service \`${p}' specified`;
    count += parts.length;
  }
  return count > 15 ? 'too many ports specified (at most 15; a range counts as two)' : undefined;
};

const SCTP_CHUNKS = [
  'DATA', 'INIT', 'INIT_ACK', 'SACK', 'HEARTBEAT', 'HEARTBEAT_ACK', 'ABORT', 'SHUTDOWN', 'SHUTDOWN_ACK', 'ERROR', 'COOKIE_ECHO',
  'COOKIE_ACK', 'ECN_ECNE', 'ECN_CWR', 'SHUTDOWN_COMPLETE', 'ASCONF', 'ASCONF_ACK', 'FORWARD_TSN', 'I_DATA', 'RE_CONFIG', 'PAD',
  'I_FORWARD_TSN', 'ALL', 'NONE',
];
const sctpChunks: ValueCheck = (v) => {
  for (const c of v.split(',')) {
    const [name, flags] = c.split(':');
    if (!SCTP_CHUNKS.includes((name ?? '').toUpperCase())) return `unknown SCTP chunk type \`${name}'`;
    if (flags !== undefined && !/^[A-Za-z]*$/.test(flags)) return `bad chunk flags \`${flags}'`;
  }
  return undefined;
};

const mhType: ValueCheck = (v) => {
  const names = ['binding-refresh-request', 'brr', 'home-test-init', 'hoti', 'careof-test-init', 'coti', 'home-test', 'hot',
    'careof-test', 'cot', 'binding-update', 'bu', 'binding-acknowledgement', 'ba', 'binding-error', 'be'];
  const parts = v.split(':');
  if (parts.length > 2) return 'must be a type or a range `min:max`';
  const nums: number[] = [];
  for (const p of parts) {
    if (p === '' && parts.length === 2) continue;
    if (/^[0-9]+$/.test(p) && Number(p) <= 255) nums.push(Number(p));
    else if (!names.includes(p.toLowerCase())) return `unknown MH type \`${p}'`;
  }
  if (parts.length === 2 && nums.length === 2 && nums[0]! > nums[1]!) return 'invalid MH type range (min > max)';
  return undefined;
};

const mssRange: ValueCheck = (v, ctx) => {
  const r = uintRange(16)(v, ctx);
  if (r) return r;
  const [a, b] = v.split(':');
  if (a && b && parseUint(a)! > parseUint(b)!) return 'invalid range (min > max)';
  return undefined;
};

export const protoMatches: readonly ExtDef[] = [
  {
    name: 'tcp',
    kind: 'match',
    protocols: ['tcp'],
    options: [
      ...portOpts(true),
      opt('syn', null, 'I'),
      opt('tcp-flags', tcpFlags, 'I2', { check2: tcpFlags }),
      opt('tcp-option', uint(8), 'I'),
    ],
  },
  { name: 'udp', kind: 'match', protocols: ['udp'], options: portOpts(false, true) },
  {
    name: 'sctp',
    kind: 'match',
    protocols: ['sctp'],
    options: [
      ...portOpts(false),
      opt('chunk-types', (v) => (['all', 'any', 'only'].includes(v) ? undefined : 'must be `all`, `any` or `only`'), 'I2', { check2: sctpChunks }),
    ],
  },
  {
    name: 'dccp',
    kind: 'match',
    protocols: ['dccp'],
    options: [...portOpts(false, true), opt('dccp-types', (v) => (v ? undefined : 'must not be empty'), 'I'), opt('dccp-option', uint(8, 1, 255), 'I')],
  },
  { name: 'icmp', kind: 'match', family: 'ipv4', protocols: ['icmp'], options: [opt('icmp-type', icmpType(ICMP_TYPES), 'MI')] },
  { name: 'icmp6', kind: 'match', family: 'ipv6', protocols: ['ipv6-icmp'], options: [opt('icmpv6-type', icmpType(ICMP6_TYPES), 'MI')] },
  {
    name: 'multiport',
    kind: 'match',
    protocols: ['tcp', 'udp', 'udplite', 'sctp', 'dccp'],
    options: exclusive(
      [
        opt('source-ports', multiportList, 'I'),
        opt('sports', multiportList, 'I', { canonical: 'source-ports' }),
        opt('destination-ports', multiportList, 'I'),
        opt('dports', multiportList, 'I', { canonical: 'destination-ports' }),
        opt('ports', multiportList, 'I'),
      ],
      ['source-ports', 'sports', 'destination-ports', 'dports', 'ports'],
    ),
    final: needOneOf(['source-ports', 'destination-ports', 'ports'], 'multiport needs one of --sports, --dports or --ports'),
  },
  { name: 'ah', kind: 'match', family: 'ipv4', protocols: ['ah'], options: [opt('ahspi', uintRange(32), 'I')] },
  {
    name: 'ah',
    kind: 'match',
    family: 'ipv6',
    options: [opt('ahspi', uintRange(32), 'I'), opt('ahlen', uint(32), 'I'), opt('ahres', null)],
  },
  { name: 'esp', kind: 'match', protocols: ['esp'], options: [opt('espspi', uintRange(32), 'I')] },
  { name: 'ipcomp', kind: 'match', protocols: ['ipcomp'], options: [opt('ipcompspi', uintRange(32), 'I'), opt('compres', null)] },
  { name: 'mh', kind: 'match', family: 'ipv6', protocols: ['mobility-header'], options: [opt('mh-type', mhType, 'I')] },
  { name: 'tcpmss', kind: 'match', protocols: ['tcp'], options: [opt('mss', mssRange, 'MI')] },
];
