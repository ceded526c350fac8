// Connection-tracking and stateful matches: conntrack, state, limit, hashlimit, recent, connlimit,
// connbytes, connmark, connlabel, quota, statistic, helper, rateest (iptables-extensions(8)).
import { type ValueCheck, anyString, double01, hostMask, host, listOf, markMask32, oneOf, parseUint, plen, portRange, protocol, str, uint, uintRange } from '../values.js';
import { type ExtDef, exclusive, needOneOf, opt } from './types.js';

export const CT_STATES = ['INVALID', 'ESTABLISHED', 'NEW', 'RELATED', 'UNTRACKED', 'SNAT', 'DNAT'];
export const STATE_STATES = ['INVALID', 'ESTABLISHED', 'NEW', 'RELATED', 'UNTRACKED'];

const ctStates: ValueCheck = (v) => {
  for (const s of v.split(',')) if (!CT_STATES.includes(s)) return `bad ctstate \`${s}' (use ${CT_STATES.join(', ')})`;
  return undefined;
};
const stateStates: ValueCheck = (v) => {
  for (const s of v.split(',')) if (!STATE_STATES.includes(s)) return `bad state \`${s}' (use ${STATE_STATES.join(', ')}; prefer -m conntrack --ctstate)`;
  return undefined;
};

/** `N/second` style rates of -m limit. */
const limitRate: ValueCheck = (v) =>
  /^[0-9]+(\/(s|sec|second|m|min|minute|h|hour|d|day))?$/i.test(v) && Number(v.split('/')[0]) > 0
    ? undefined
    : `bad rate \`${v}' (use N/second, N/minute, N/hour or N/day)`;

/** hashlimit rates: packets (`N/sec`) or bytes (`Nkb/s`, `Nmb/s`, `Nb/s`). */
const hashlimitRate: ValueCheck = (v) =>
  /^[0-9]+(\/(s|sec|second|m|min|minute|h|hour|d|day))?$/i.test(v) || /^[0-9]+[kmg]?b\/s$/i.test(v)
    ? Number(v.match(/^[0-9]+/)![0]) > 0
      ? undefined
      : 'rate must be greater than zero'
    : `bad rate \`${v}' (use N/sec, N/min, N/hour, N/day or Nkb/s, Nmb/s)`;

const hashlimitBurst: ValueCheck = (v) => (/^[0-9]+([kmg]?b)?$/i.test(v) ? undefined : `bad burst \`${v}'`);

const connbytesRange: ValueCheck = (v, ctx) => {
  const r = uintRange(64)(v, ctx);
  if (r) return r;
  const [a, b] = v.split(':');
  if (a && b && parseUint(a)! > parseUint(b)!) return `${a} should be less than ${b}`;
  return undefined;
};

const connlabel: ValueCheck = (v) => {
  if (v === '') return 'must not be empty';
  if (/^[0-9]+$/.test(v)) return Number(v) <= 127 ? undefined : 'label bit must be 0-127';
  return `label names need /etc/xtables/connlabel.conf, which maps \`${v}' to a bit; use a bit number 0-127`;
};

const ctStatus = listOf(['NONE', 'EXPECTED', 'SEEN_REPLY', 'ASSURED', 'CONFIRMED']);

export const stateMatches: readonly ExtDef[] = [
  {
    name: 'conntrack',
    kind: 'match',
    options: [
      opt('ctstate', ctStates, 'I'),
      opt('ctproto', protocol, 'I'),
      opt('ctorigsrc', hostMask, 'I'),
      opt('ctorigdst', hostMask, 'I'),
      opt('ctreplsrc', hostMask, 'I'),
      opt('ctrepldst', hostMask, 'I'),
      opt('ctstatus', ctStatus, 'I'),
      opt('ctexpire', uintRange(32), 'I'),
      opt('ctorigsrcport', portRange, 'I'),
      opt('ctorigdstport', portRange, 'I'),
      opt('ctreplsrcport', portRange, 'I'),
      opt('ctrepldstport', portRange, 'I'),
      opt('ctdir', oneOf(['ORIGINAL', 'REPLY'])),
    ],
    final: (ctx) => {
      if (ctx.options.length === 0) return 'conntrack needs at least one option (e.g. --ctstate ESTABLISHED,RELATED)';
      const p = ctx.get('ctproto');
      if (p && (p.args[0]?.text === '0' || p.args[0]?.text.toLowerCase() === 'all')) return { message: '--ctproto 0 would never match (protocol 0 is not a layer-4 protocol)', option: 'ctproto' };
      return undefined;
    },
  },
  { name: 'state', kind: 'match', options: [opt('state', stateStates, 'MI')] },
  { name: 'limit', kind: 'match', options: [opt('limit', limitRate), opt('limit-burst', uint(32, 0, 10000))] },
  {
    name: 'hashlimit',
    kind: 'match',
    options: exclusive(
      [
        opt('hashlimit-upto', hashlimitRate, 'I'),
        opt('hashlimit-above', hashlimitRate, 'I'),
        opt('hashlimit', hashlimitRate, 'I', { canonical: 'hashlimit-upto' }),
        opt('hashlimit-srcmask', plen),
        opt('hashlimit-dstmask', plen),
        opt('hashlimit-burst', hashlimitBurst),
        opt('hashlimit-htable-size', uint(32)),
        opt('hashlimit-htable-max', uint(32)),
        opt('hashlimit-htable-gcinterval', uint(32)),
        opt('hashlimit-htable-expire', uint(32)),
        opt('hashlimit-mode', listOf(['srcip', 'srcport', 'dstip', 'dstport'])),
        opt('hashlimit-name', str(1, 255), 'M'),
        opt('hashlimit-rate-match', null),
        opt('hashlimit-rate-interval', uint(32, 1)),
      ],
      ['hashlimit-upto', 'hashlimit-above'],
    ),
    final: needOneOf(['hashlimit-upto', 'hashlimit-above'], 'hashlimit needs --hashlimit-upto or --hashlimit-above'),
  },
  {
    name: 'recent',
    kind: 'match',
    options: [
      ...exclusive(
        [opt('set', null, 'I'), opt('rcheck', null, 'I'), opt('update', null, 'I'), opt('remove', null, 'I')],
        ['set', 'rcheck', 'update', 'remove'],
      ),
      opt('seconds', uint(32, 1)),
      opt('reap', null, '', { also: ['seconds'] }),
      opt('hitcount', uint(32, 0, 255)),
      opt('rttl', null, '', { excl: ['set', 'remove'] }),
      opt('name', str(1, 199)),
      opt('rsource', null),
      opt('rdest', null),
      opt('mask', host),
    ],
    final: (ctx) => {
      if (!['set', 'rcheck', 'update', 'remove'].some((n) => ctx.has(n))) return 'recent needs one of --set, --rcheck, --update or --remove';
      if ((ctx.has('set') || ctx.has('remove')) && ctx.has('rttl')) return { message: 'recent: --rttl cannot be used with --set or --remove', option: 'rttl' };
      return undefined;
    },
  },
  {
    name: 'connlimit',
    kind: 'match',
    options: [
      ...exclusive([opt('connlimit-upto', uint(32), 'I'), opt('connlimit-above', uint(32), 'I')], ['connlimit-upto', 'connlimit-above']),
      opt('connlimit-mask', plen),
      ...exclusive([opt('connlimit-saddr', null), opt('connlimit-daddr', null)], ['connlimit-saddr', 'connlimit-daddr']),
    ],
    final: needOneOf(['connlimit-upto', 'connlimit-above'], 'connlimit needs --connlimit-above or --connlimit-upto'),
  },
  {
    name: 'connbytes',
    kind: 'match',
    options: [
      opt('connbytes', connbytesRange, 'MI'),
      opt('connbytes-dir', oneOf(['original', 'reply', 'both']), 'M'),
      opt('connbytes-mode', oneOf(['packets', 'bytes', 'avgpkt']), 'M'),
    ],
  },
  { name: 'connmark', kind: 'match', options: [opt('mark', markMask32, 'MI')] },
  { name: 'connlabel', kind: 'match', options: [opt('label', connlabel, 'MI'), opt('set', null)] },
  { name: 'quota', kind: 'match', options: [opt('quota', uint(64), 'MI')] },
  {
    name: 'statistic',
    kind: 'match',
    options: [
      opt('mode', oneOf(['random', 'nth']), 'M'),
      opt('probability', double01, 'I', { excl: ['every', 'packet'] }),
      opt('every', uint(32, 1), 'I', { excl: ['probability'], also: ['packet'] }),
      opt('packet', uint(32), '', { excl: ['probability'], also: ['every'] }),
    ],
    final: (ctx) => {
      const mode = ctx.get('mode')?.args[0]?.text;
      if (mode === 'random' && !ctx.has('probability')) return '--probability must be given with --mode random';
      if (mode === 'nth' && !ctx.has('every')) return '--every must be given with --mode nth';
      const every = ctx.get('every')?.args[0]?.text;
      const packet = ctx.get('packet')?.args[0]?.text;
      if (every && packet && Number(parseUint(packet) ?? 0n) > Number(parseUint(every) ?? 0n) - 1) {
        return { message: `--packet must be between 0 and --every minus 1`, option: 'packet' };
      }
      return undefined;
    },
  },
  { name: 'helper', kind: 'match', options: [opt('helper', str(0, 29), 'MI')] },
  {
    name: 'rateest',
    kind: 'match',
    options: [
      opt('rateest1', str(1, 15)),
      opt('rateest', str(1, 15)),
      opt('rateest2', str(1, 15)),
      opt('rateest-bps1', anyString, '?'),
      opt('rateest-pps1', anyString, '?'),
      opt('rateest-bps2', anyString, '?'),
      opt('rateest-pps2', anyString, '?'),
      opt('rateest-bps', anyString, '?'),
      opt('rateest-pps', anyString, '?'),
      opt('rateest-delta', null),
      opt('rateest-lt', null, 'I'),
      opt('rateest-gt', null, 'I'),
      opt('rateest-eq', null, 'I'),
    ],
  },
];
