import type { ParseResult, SyntaxProblem, TextRange, Word } from '@wglint/core';
import type {
  IpAddressAction,
  IpAddressCommand,
  IpArg,
  IpCommand,
  IpLinkAction,
  IpLinkCommand,
  IpOtherCommand,
  IpPrefixValue,
  IpRouteAction,
  IpRouteCommand,
  IpRouteSpec,
  IpRuleAction,
  IpRuleCommand,
  IpRuleSpec,
} from './ast.js';
import {
  IP_PROTOCOLS,
  PROTOCOLS,
  ROUTE_TYPES,
  SCOPES,
  fwmarkOf,
  matches,
  numberOf,
  parsePrefix,
  parseUnsigned,
  rangeOf,
  tableOf,
} from './values.js';

/** `ip` objects in the order ip.c tries them (`matches`, so `ip r` is route, `ip ru` rule). */
const OBJECTS: readonly string[] = [
  'address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'ntbl', 'link', 'l2tp', 'fou', 'ila',
  'macsec', 'tunnel', 'tuntap', 'tap', 'token', 'tcpmetrics', 'tcp_metrics', 'monitor', 'xfrm', 'mroute', 'mrule', 'netns',
  'netconf', 'vrf', 'sr', 'nexthop', 'mptcp', 'ioam', 'stats', 'help',
];

/** Global options: name (matched as a prefix after `-`/`--`) and whether it takes an argument. */
const OPTIONS: readonly (readonly [string, boolean])[] = [
  ['loops', true], ['family', true], ['human', false], ['human-readable', false], ['iec', false], ['stats', false], ['statistics', false],
  ['details', false], ['resolve', false], ['oneline', false], ['timestamp', false], ['tshort', false], ['batch', true], ['rcvbuf', true],
  ['Version', false], ['force', false], ['netns', true], ['Numeric', false], ['all', false], ['brief', false], ['json', false],
  ['pretty', false], ['echo', false], ['color', false], ['colour', false], ['help', false],
];

class Args {
  i = 0;
  constructor(readonly words: readonly Word[]) {}
  get done(): boolean {
    return this.i >= this.words.length;
  }
  peek(): Word | undefined {
    return this.words[this.i];
  }
  take(): Word | undefined {
    return this.words[this.i++];
  }
}

const span = (a: Word, b: Word): TextRange => ({ start: a.range.start, end: b.range.end });

/**
 * Parses the words of an `ip` command (`ip [OPTIONS] OBJECT ACTION ...`, words[0] = `ip`) the way
 * iproute2 6.x does for `rule`, `route`, `link` and `address`; other objects are kept unparsed.
 * Problems are what `ip` itself would refuse before talking to the kernel (plus a few the kernel
 * refuses for sure, such as host bits in a route prefix). Never throws.
 */
export function parseIpCommand(words: readonly Word[]): ParseResult<IpCommand> {
  const problems: SyntaxProblem[] = [];
  // Words bash computes at run time (`$(wg show wg0 fwmark)`, `$TABLE`) are not judged; after an
  // unquoted one (which may split into several words) nothing is.
  const dynamicAt = words.findIndex((w) => isDynamic(w) && !(w as { quoted?: boolean }).quoted);
  const cutoff = dynamicAt < 0 ? Infinity : words[dynamicAt]!.range.start;
  const problem = (r: TextRange, message: string): void => {
    if (r.start >= cutoff) return;
    if (words.some((w) => isDynamic(w) && w.range.start <= r.start && r.end <= w.range.end)) return;
    problems.push({ range: r, message });
  };
  const first = words[0];
  const range: TextRange = first ? span(first, words[words.length - 1]!) : { start: 0, end: 0 };
  const a = new Args(words);
  a.take();
  const options: Word[] = [];
  let family: 4 | 6 | undefined;
  // `-batch FILE`, `-Version` and `-help` need no object.
  let standalone = false;
  while (!a.done) {
    const w = a.peek()!;
    if (w.text === '--') {
      options.push(a.take()!);
      break;
    }
    if (!w.text.startsWith('-')) break;
    a.take();
    options.push(w);
    const opt = w.text.startsWith('--') ? w.text.slice(2) : w.text.slice(1);
    if (opt === '4') family = 4;
    else if (opt === '6') family = 6;
    else if (opt === '0' || opt === 'M' || opt === 'B') family = undefined;
    else if (/^colou?r=/.test(opt)) continue;
    else {
      const o = OPTIONS.find(([name]) => matches(opt, name) || (opt === 'n' && name === 'netns') || (opt === 'rc' && name === 'rcvbuf'));
      if (o && (o[0] === 'batch' || o[0] === 'Version' || o[0] === 'help')) standalone = true;
      if (!o) {
        problem(w.range, `Unknown \`ip\` option \`${w.text}\` (ip: Option "${w.text}" is unknown).`);
        continue;
      }
      if (o[1]) {
        const v = a.take();
        if (!v) {
          problem(w.range, `\`ip ${w.text}\` needs an argument.`);
          break;
        }
        options.push(v);
        if (o[0] === 'family') {
          if (v.text === 'inet') family = 4;
          else if (v.text === 'inet6') family = 6;
          else if (!['link', 'mpls', 'bridge'].includes(v.text)) problem(v.range, `Invalid protocol family \`${v.text}\`; use \`inet\` or \`inet6\`.`);
        }
      }
    }
  }
  const objectWord = a.take();
  const base = { type: 'IpCommand' as const, range, words, family, options };
  if (!objectWord) {
    if (first && !standalone && problems.length === 0) {
      problem(range, '`ip` needs an object such as `rule`, `route`, `link` or `address` (ip prints its usage and fails).');
    }
    const ast: IpOtherCommand = { ...base, object: 'none', action: undefined, args: [] };
    return { ast, problems };
  }
  const object = OBJECTS.find((o) => matches(objectWord.text, o));
  if (!object) {
    problem(objectWord.range, `Unknown \`ip\` object \`${objectWord.text}\` (ip: Object "${objectWord.text}" is unknown); expected \`rule\`, \`route\`, \`link\`, \`address\` ...`);
    const ast: IpOtherCommand = { ...base, object: 'other', objectWord, action: undefined, args: [] };
    return { ast, problems };
  }
  const ctx: Ctx = { a, family, problem };
  switch (object) {
    case 'rule':
      return { ast: parseRule({ ...base, objectWord }, ctx), problems };
    case 'route':
      return { ast: parseRoute({ ...base, objectWord }, ctx), problems };
    case 'link':
      return { ast: parseLink({ ...base, objectWord }, ctx), problems };
    case 'address':
      return { ast: parseAddress({ ...base, objectWord }, ctx), problems };
    default: {
      const actionWord = a.take();
      const ast: IpOtherCommand = {
        ...base,
        object: 'other',
        objectWord,
        action: actionWord?.text,
        ...(actionWord ? { actionWord } : {}),
        args: [],
      };
      return { ast, problems };
    }
  }
}

/** A shell word with a run-time expansion (`ShellWord.dynamic`, or a `$`/backtick in plain words). */
function isDynamic(w: Word): boolean {
  const d = (w as { dynamic?: boolean }).dynamic;
  return d === undefined ? /[$`]/.test(w.text) : d;
}

interface Ctx {
  readonly a: Args;
  readonly family: 4 | 6 | undefined;
  problem(r: TextRange, message: string): void;
}

type ActionRow<T extends string> = readonly [T, readonly string[], (readonly string[])?];

type Base = Omit<IpOtherCommand, 'object' | 'action' | 'args' | 'actionWord'> & { objectWord: Word };

function pickAction<T extends string>(word: Word | undefined, table: readonly (ActionRow<T>)[]): T | undefined {
  if (!word) return undefined;
  for (const [action, prefixes, exact] of table) {
    if (prefixes.some((p) => matches(word.text, p)) || exact?.includes(word.text)) return action;
  }
  return undefined;
}

/** Reads the value word of `key`, reporting a missing one like ip ("Command line is not complete"). */
function value(ctx: Ctx, key: Word): Word | undefined {
  const v = ctx.a.take();
  if (!v) ctx.problem(key.range, `\`${key.text}\` needs a value (ip: Command line is not complete).`);
  return v;
}

function prefixValue(ctx: Ctx, word: Word, what: string, family: 4 | 6 | undefined): IpPrefixValue {
  const prefix = parsePrefix(word.text, family);
  if (!prefix) {
    const fam = family === 4 ? 'an IPv4' : family === 6 ? 'an IPv6' : 'an IPv4 or IPv6';
    ctx.problem(word.range, `\`${word.text}\` is not a valid ${what}; expected ${fam} prefix such as \`${family === 6 ? 'fd00::/64' : '10.0.0.0/24'}\`.`);
  }
  return { word, prefix };
}

function checkNumber(ctx: Ctx, key: string, word: Word, max = 0xffffffff): ReturnType<typeof numberOf> {
  const n = numberOf(word, max);
  if (n.value === undefined) ctx.problem(word.range, `Invalid \`${key}\` value \`${word.text}\`; expected a number from 0 to ${max}.`);
  return n;
}

function checkTable(ctx: Ctx, word: Word, allowAll: boolean): ReturnType<typeof tableOf> {
  const t = tableOf(word);
  // `all` is a filter of `show`/`flush`; `add`/`del` refuse it as any name rt_tables lacks (invalid table ID).
  if ((t.kind === 'invalid' || word.text === 'all') && !(allowAll && word.text === 'all')) {
    ctx.problem(word.range, `Invalid routing table \`${word.text}\`; use a number from 0 to 4294967295 or a name from /etc/iproute2/rt_tables.`);
  }
  return t;
}

const RULE_ACTIONS: readonly (ActionRow<IpRuleAction>)[] = [
  ['list', ['list', 'lst', 'show']],
  ['save', ['save']],
  ['restore', ['restore']],
  ['add', ['add']],
  ['delete', ['delete']],
  ['flush', ['flush']],
  ['help', ['help']],
];

/** ip-rule(8); keyword matching follows `iprule_modify` (strcmp vs `matches`). */
function parseRule(base: Base, ctx: Ctx): IpRuleCommand {
  const { a } = ctx;
  const actionWord = a.take();
  let action: IpRuleAction = 'list';
  if (actionWord) {
    const found = pickAction(actionWord, RULE_ACTIONS);
    if (found) action = found;
    else ctx.problem(actionWord.range, `Unknown \`ip rule\` command \`${actionWord.text}\`; expected \`add\`, \`del\`, \`flush\` or \`show\`.`);
  }
  const modify = action === 'add' || action === 'delete';
  const rule: { -readonly [K in keyof IpRuleSpec]: IpRuleSpec[K] } = {};
  const args: IpArg[] = [];
  while (!a.done) {
    const k = a.take()!;
    const t = k.text;
    const push = (key: string, values: Word[]): void => {
      const last = values[values.length - 1] ?? k;
      args.push({ key, keyWord: k, values, range: span(k, last) });
    };
    const one = (key: string, f: (v: Word) => void): void => {
      const v = value(ctx, k);
      if (v) {
        f(v);
        push(key, [v]);
      } else push(key, []);
    };
    if (t === 'not') {
      rule.not = k;
      push('not', []);
    } else if (t === 'from' || t === 'to') {
      one(t, (v) => {
        rule[t] = prefixValue(ctx, v, `\`${t}\` prefix`, ctx.family);
      });
    } else if (matches(t, 'preference') || matches(t, 'order') || matches(t, 'priority')) {
      one('priority', (v) => {
        rule.priority = checkNumber(ctx, 'priority', v);
      });
    } else if (t === 'tos' || matches(t, 'dsfield')) {
      one('tos', (v) => {
        rule.tos = v;
        if (parseUnsigned(v.text, 255) === undefined && !/^(default|lowdelay|throughput|reliability|mincost)$/.test(v.text)) {
          ctx.problem(v.range, `Invalid TOS value \`${v.text}\`.`);
        }
      });
    } else if (t === 'fwmark') {
      one('fwmark', (v) => {
        const fm = fwmarkOf(v);
        rule.fwmark = fm;
        if (fm.value === undefined) {
          ctx.problem(v.range, `Invalid fwmark \`${v.text}\`: the mark must be a 32-bit number (0 to 0xffffffff) (ip: fwmark value is invalid).`);
        } else if (v.text.includes('/') && fm.mask === undefined) {
          ctx.problem(v.range, `Invalid fwmark mask in \`${v.text}\`: the mask must be a 32-bit number (ip: fwmask value is invalid).`);
        }
      });
    } else if (matches(t, 'realms')) {
      one('realms', (v) => {
        rule.realms = v;
        if (!/^(\d+|0x[0-9a-f]+)?(\/(\d+|0x[0-9a-f]+)?)?$/i.test(v.text) || v.text === '') ctx.problem(v.range, `Invalid realms \`${v.text}\`.`);
      });
    } else if (matches(t, 'protocol')) {
      one('protocol', (v) => {
        rule.protocol = v;
        if (parseUnsigned(v.text, 255) === undefined && !PROTOCOLS.has(v.text)) ctx.problem(v.range, `Invalid \`protocol\` value \`${v.text}\`.`);
      });
    } else if (matches(t, 'table') || t === 'lookup') {
      one('table', (v) => {
        rule.table = checkTable(ctx, v, !modify);
      });
    } else if (matches(t, 'suppress_prefixlength') || t === 'sup_pl') {
      one('suppress_prefixlength', (v) => {
        rule.suppressPrefixLength = checkNumber(ctx, 'suppress_prefixlength', v, 0x7fffffff);
      });
    } else if (matches(t, 'suppress_ifgroup') || t === 'sup_group') {
      one('suppress_ifgroup', (v) => {
        rule.suppressIfgroup = v;
        if (parseUnsigned(v.text) === undefined && v.text !== 'default') ctx.problem(v.range, `Invalid \`suppress_ifgroup\` value \`${v.text}\`.`);
      });
    } else if (t === 'dev' || t === 'iif') {
      one('iif', (v) => {
        rule.iif = v;
      });
    } else if (t === 'oif') {
      one('oif', (v) => {
        rule.oif = v;
      });
    } else if (t === 'l3mdev') {
      rule.l3mdev = k;
      push('l3mdev', []);
    } else if (t === 'uidrange') {
      one('uidrange', (v) => {
        const r = rangeOf(v, 0xffffffff);
        rule.uidrange = r;
        if (r.from === undefined || r.to === undefined || !v.text.includes('-')) ctx.problem(v.range, `Invalid UID range \`${v.text}\`; expected \`FROM-TO\`.`);
      });
    } else if (t === 'ipproto') {
      one('ipproto', (v) => {
        rule.ipproto = v;
        if (parseUnsigned(v.text, 255) === undefined && !IP_PROTOCOLS.has(v.text)) ctx.problem(v.range, `Invalid \`ipproto\` value \`${v.text}\`; use a protocol name such as \`tcp\` or a number.`);
      });
    } else if (t === 'sport' || t === 'dport') {
      one(t, (v) => {
        const r = rangeOf(v, 0xffffffff);
        rule[t] = r;
        if (r.from === undefined || r.to === undefined) ctx.problem(v.range, `Invalid \`${t}\` value \`${v.text}\`; expected a port or \`FROM-TO\`.`);
        else if (r.from > r.to) ctx.problem(v.range, `Invalid \`${t}\` range \`${v.text}\`: the first port is larger than the second (kernel: Invalid ${t} range).`);
      });
    } else if (t === 'goto') {
      one('goto', (v) => {
        rule.goto = checkNumber(ctx, 'goto', v);
      });
    } else if (t === 'nop') {
      rule.nop = k;
      push('nop', []);
    } else if (t === 'type') {
      one('type', (v) => {
        rule.ruleType = v;
        if (!ROUTE_TYPES.has(v.text) && parseUnsigned(v.text, 255) === undefined) ctx.problem(v.range, `Unknown rule type \`${v.text}\`.`);
      });
    } else if (ROUTE_TYPES.has(t)) {
      rule.ruleType = k;
      push('type', []);
    } else if (matches(t, 'help')) {
      push('help', []);
    } else if (modify) {
      ctx.problem(k.range, `Unknown \`ip rule\` selector or action \`${t}\` (ip: Failed to parse rule type).${suggestRule(t)}`);
      push('unknown', []);
      break; // ip stops at the first word it cannot parse
    } else {
      // `ip rule show/flush` filters: lenient, but a bare word is a prefix as `to`.
      push('unknown', []);
    }
  }
  return { ...base, object: 'rule', action, ...(actionWord ? { actionWord } : {}), rule, args };
}

function suggestRule(t: string): string {
  const known = ['from', 'to', 'fwmark', 'table', 'lookup', 'priority', 'iif', 'oif', 'not', 'ipproto', 'sport', 'dport', 'uidrange', 'suppress_prefixlength'];
  const fixed = t.replace(/^[\u2013\u2014\u2212]+/, '');
  if (fixed !== t && known.includes(fixed)) return ` Did you mean \`${fixed}\`?`;
  if (t === '!') return ' Use `not` to invert an `ip rule` selector.';
  return '';
}

const ROUTE_ACTIONS: readonly (ActionRow<IpRouteAction>)[] = [
  ['add', ['add']],
  ['change', ['change'], ['chg']],
  ['replace', ['replace']],
  ['prepend', ['prepend']],
  ['append', ['append']],
  ['test', ['test']],
  ['delete', ['delete']],
  ['list', ['list', 'show', 'lst']],
  ['get', ['get']],
  ['flush', ['flush']],
  ['save', ['save']],
  ['restore', ['restore']],
  ['showdump', ['showdump']],
  ['help', ['help']],
];

/** Route keywords that take one value, in `iproute_modify` order: [name, prefix-match, canonical key]. */
const ROUTE_KEYS: readonly (readonly [string, boolean, string])[] = [
  ['src', false, 'src'], ['as', false, 'as'], ['via', false, 'via'], ['from', false, 'from'], ['tos', false, 'tos'], ['dsfield', true, 'tos'],
  ['expires', false, 'expires'], ['metric', true, 'metric'], ['priority', true, 'metric'], ['preference', false, 'metric'],
  ['scope', false, 'scope'], ['mtu', false, 'mtu'], ['hoplimit', false, 'hoplimit'], ['advmss', false, 'advmss'],
  ['reordering', true, 'reordering'], ['rtt', false, 'rtt'], ['rto_min', false, 'rto_min'], ['window', true, 'window'],
  ['cwnd', true, 'cwnd'], ['initcwnd', true, 'initcwnd'], ['initrwnd', true, 'initrwnd'], ['features', true, 'features'],
  ['quickack', true, 'quickack'], ['congctl', true, 'congctl'], ['rttvar', true, 'rttvar'], ['ssthresh', true, 'ssthresh'],
  ['realms', true, 'realms'], ['onlink', false, 'onlink'], ['nexthop', false, 'nexthop'], ['nhid', false, 'nhid'],
  ['protocol', true, 'protocol'], ['table', true, 'table'], ['vrf', true, 'vrf'], ['dev', false, 'dev'], ['oif', false, 'dev'],
  ['pref', true, 'pref'], ['encap', false, 'encap'], ['ttl-propagate', false, 'ttl-propagate'], ['fastopen_no_cookie', true, 'fastopen_no_cookie'],
];
const LOCKABLE = new Set(['mtu', 'hoplimit', 'advmss', 'reordering', 'rtt', 'window', 'cwnd', 'initcwnd', 'initrwnd', 'congctl', 'rttvar', 'ssthresh']);

/** ip-route(8) `add|del|change|replace|append|...`; `show`/`flush`/`get` selectors are parsed leniently. */
function parseRoute(base: Base, ctx: Ctx): IpRouteCommand {
  const { a } = ctx;
  const actionWord = a.take();
  let action: IpRouteAction = 'list';
  if (actionWord) {
    const found = pickAction(actionWord, ROUTE_ACTIONS);
    if (found) action = found;
    else ctx.problem(actionWord.range, `Unknown \`ip route\` command \`${actionWord.text}\`; expected \`add\`, \`del\`, \`replace\`, \`show\` ...`);
  }
  const modify = ['add', 'change', 'replace', 'prepend', 'append', 'test', 'delete'].includes(action);
  const route: { -readonly [K in keyof IpRouteSpec]: IpRouteSpec[K] } = {};
  const args: IpArg[] = [];
  let family = ctx.family;
  const setFamily = (p: IpPrefixValue): void => {
    if (family === undefined && p.prefix?.family !== undefined) family = p.prefix.family;
  };
  while (!a.done) {
    const k = a.take()!;
    const t = k.text;
    const push = (key: string, values: Word[]): void => {
      const last = values[values.length - 1] ?? k;
      args.push({ key, keyWord: k, values, range: span(k, last) });
    };
    if (!modify) {
      // show/flush/get/list: lenient selector parsing.
      if ((matches(t, 'table') || t === 'lookup') && !a.done) {
        const v = a.take()!;
        route.table = checkTable(ctx, v, true);
        push('table', [v]);
      } else if ((t === 'dev' || t === 'oif') && !a.done) {
        const v = a.take()!;
        route.dev = v;
        push('dev', [v]);
      } else push('unknown', []);
      continue;
    }
    const key = ROUTE_KEYS.find(([name, prefix]) => (prefix ? matches(t, name) : t === name));
    if (key) {
      const canon = key[2];
      if (canon === 'onlink') {
        route.onlink = k;
        push('onlink', []);
        continue;
      }
      if (canon === 'nexthop') {
        const rest = [k];
        while (!a.done) rest.push(a.take()!);
        route.nexthops = rest;
        push('nexthop', rest.slice(1));
        continue;
      }
      if (canon === 'encap') {
        // Type-specific syntax; keep the rest unparsed.
        const rest: Word[] = [];
        while (!a.done) rest.push(a.take()!);
        push('encap', rest);
        continue;
      }
      let v = value(ctx, k);
      if (!v) {
        push(canon, []);
        break;
      }
      const values = [v];
      if (LOCKABLE.has(canon) && v.text === 'lock') {
        const locked = value(ctx, v);
        if (!locked) {
          push(canon, values);
          break;
        }
        v = locked;
        values.push(v);
      }
      if (canon === 'via' && ['inet', 'inet6', 'mpls', 'bridge', 'link'].includes(v.text)) {
        const addr = value(ctx, v);
        if (!addr) break;
        values.push(addr);
        v = addr;
      }
      push(canon, values);
      switch (canon) {
        case 'via':
          if (route.via) ctx.problem(k.range, 'A second `via` needs the `nexthop` syntax (ip: use nexthop syntax to specify multiple via).');
          route.via = prefixValue(ctx, v, 'gateway address', family);
          if (route.via.prefix?.explicitLength) ctx.problem(v.range, `\`via\` takes an address, not a prefix: \`${v.text}\`.`);
          setFamily(route.via);
          break;
        case 'src':
          route.src = prefixValue(ctx, v, 'source address', family);
          setFamily(route.src);
          break;
        case 'from':
          route.from = prefixValue(ctx, v, 'source prefix', family);
          setFamily(route.from);
          break;
        case 'dev':
          route.dev = v;
          break;
        case 'table':
          route.table = checkTable(ctx, v, false);
          break;
        case 'metric':
          route.metric = checkNumber(ctx, 'metric', v);
          break;
        case 'scope':
          route.scope = v;
          if (!SCOPES.has(v.text) && parseUnsigned(v.text, 255) === undefined) ctx.problem(v.range, `Invalid \`scope\` value \`${v.text}\`; use \`global\`, \`link\`, \`host\` or a number.`);
          break;
        case 'protocol':
          route.protocol = v;
          if (!PROTOCOLS.has(v.text) && parseUnsigned(v.text, 255) === undefined) ctx.problem(v.range, `Invalid \`protocol\` value \`${v.text}\`; use \`static\`, \`boot\`, \`kernel\` or a number.`);
          break;
        case 'pref':
          if (!['low', 'medium', 'high'].includes(v.text) && parseUnsigned(v.text, 255) === undefined) ctx.problem(v.range, `Invalid \`pref\` value \`${v.text}\`; use \`low\`, \`medium\` or \`high\`.`);
          break;
        case 'mtu':
        case 'advmss':
        case 'window':
        case 'cwnd':
        case 'initcwnd':
        case 'initrwnd':
        case 'ssthresh':
        case 'reordering':
        case 'nhid':
          checkNumber(ctx, canon, v);
          break;
        case 'hoplimit':
          checkNumber(ctx, canon, v, 255);
          break;
        case 'expires':
          checkNumber(ctx, canon, v);
          break;
        case 'rtt':
        case 'rttvar':
        case 'rto_min':
          if (!isRttTime(v.text)) ctx.problem(v.range, `Invalid \`${canon}\` value \`${v.text}\`; expected a time such as \`200ms\` or \`1s\` (ip: "${canon}" value is invalid).`);
          break;
        case 'quickack':
          checkNumber(ctx, canon, v, 1);
          break;
      }
      continue;
    }
    // NODE_SPEC: [to] [TYPE] PREFIX
    let w = k;
    if (t === 'to') {
      const v = value(ctx, k);
      if (!v) break;
      w = v;
    }
    if (!/^[0-9]/.test(w.text) && ROUTE_TYPES.has(w.text)) {
      route.routeType = w;
      const v = value(ctx, w);
      if (!v) break;
      w = v;
    }
    if (route.dst) {
      ctx.problem(w.range, `Unexpected \`${w.text}\` in \`ip route\`: the destination is already \`${route.dst.word.text}\` (ip: either "to" is duplicate, or "${w.text}" is a garbage).${suggestRoute(w.text)}`);
      push('unknown', [w]);
      break; // ip stops at the first word it cannot parse
    }
    route.dst = prefixValue(ctx, w, 'destination', family);
    setFamily(route.dst);
    // Host bits (`10.8.0.1/24`) parse fine; the kernel refuses them. `prefix.hostBits` lets a rule say so.
    push('to', [w]);
  }
  if (modify && !route.dst) {
    ctx.problem(actionWord?.range ?? base.objectWord.range, '`ip route` needs a destination prefix (or `default`); ip prints its usage and fails.');
  }
  return { ...base, object: 'route', action, ...(actionWord ? { actionWord } : {}), route, args };
}

/** `get_time_rtt`: a number (`strtoul` base 0, or a decimal with `.`) and an optional `s`/`sec(s)`/`ms`/`msec(s)` suffix. */
function isRttTime(text: string): boolean {
  const m = /^(\d+(?:\.\d*)?|\.\d+|0[xX][0-9a-fA-F]+)(?:s|secs?|ms|msecs?)?$/i.exec(text);
  if (!m) return false;
  const n = m[1]!;
  return n.includes('.') || parseUnsigned(n) !== undefined;
}

function suggestRoute(t: string): string {
  const fixed = t.replace(/^[\u2013\u2014\u2212]+/, '');
  if (fixed !== t) return ` \`${t}\` looks like a damaged \`--\` option.`;
  if (/^(eth|ens|enp|wg|tun|br|bond|lo)\w*$/.test(t)) return ` Did you mean \`dev ${t}\`?`;
  return '';
}

const LINK_ACTIONS: readonly (ActionRow<IpLinkAction>)[] = [
  ['add', ['add']],
  ['delete', ['delete']],
  ['set', ['set']],
  ['change', ['change']],
  ['list', ['show', 'list', 'lst']],
  ['help', ['help']],
];
/** Other `ip link` commands (iplink.c `do_iplink`), not analysed. */
const LINK_OTHER_ACTIONS: readonly string[] = ['replace', 'xstats', 'afstats', 'property'];

const LINK_FLAGS_ON_OFF = new Set(['arp', 'multicast', 'allmulticast', 'promisc', 'trailers', 'dynamic', 'carrier', 'protodown']);
const LINK_ONE = new Set([
  'txqueuelen', 'txqlen', 'qlen', 'name', 'address', 'broadcast', 'brd', 'mtu', 'netns', 'link-netnsid', 'alias', 'group', 'master',
  'addrgenmode', 'xdp', 'mode', 'state', 'gso_max_size', 'gso_max_segs', 'gro_max_size', 'numtxqueues', 'numrxqueues', 'index', 'link',
]);

/** `ip link` keywords whose value `iplink_parse` reads as a number (`get_integer`/`get_u32`); the range is left to ip. */
const LINK_NUMBERS = new Set(['txqueuelen', 'txqlen', 'qlen', 'gso_max_size', 'gso_max_segs', 'gro_max_size', 'numtxqueues', 'numrxqueues']);

/** ip-link(8), minimal: `add [dev] NAME type T`, `del [dev] NAME`, `set [dev] NAME up|down|mtu N ...`. */
function parseLink(base: Base, ctx: Ctx): IpLinkCommand {
  const { a } = ctx;
  const actionWord = a.take();
  let action: IpLinkAction = 'list';
  if (actionWord) {
    const found = pickAction(actionWord, LINK_ACTIONS);
    action = found ?? 'other';
    if (!found && !LINK_OTHER_ACTIONS.some((o) => matches(actionWord.text, o))) {
      ctx.problem(actionWord.range, `Unknown \`ip link\` command \`${actionWord.text}\`; expected \`add\`, \`set\`, \`del\` or \`show\` (ip: Command "${actionWord.text}" is unknown).`);
    }
  }
  const args: IpArg[] = [];
  let dev: Word | undefined;
  let state: 'up' | 'down' | undefined;
  let mtu: ReturnType<typeof numberOf> | undefined;
  let linkType: Word | undefined;
  const push = (key: string, k: Word, values: Word[]): void => {
    args.push({ key, keyWord: k, values, range: span(k, values[values.length - 1] ?? k) });
  };
  while (!a.done) {
    const k = a.take()!;
    const t = k.text;
    if (linkType) {
      // Type-specific arguments after `type T`.
      push('unknown', k, []);
      continue;
    }
    if (t === 'up' || t === 'down') {
      state = t;
      push(t, k, []);
    } else if (t === 'dev') {
      const v = value(ctx, k);
      if (v) dev = v;
      push('dev', k, v ? [v] : []);
    } else if (t === 'type') {
      const v = value(ctx, k);
      if (v) linkType = v;
      push('type', k, v ? [v] : []);
    } else if (t === 'mtu') {
      const v = value(ctx, k);
      if (v) mtu = linkMtu(ctx, v);
      push('mtu', k, v ? [v] : []);
    } else if (LINK_FLAGS_ON_OFF.has(t)) {
      const v = value(ctx, k);
      if (v && v.text !== 'on' && v.text !== 'off') ctx.problem(v.range, `\`${t}\` takes \`on\` or \`off\`, not \`${v.text}\` (ip: argument of "${t}" must be "on" or "off").`);
      push(t, k, v ? [v] : []);
    } else if (LINK_ONE.has(t)) {
      const v = value(ctx, k);
      if (v && LINK_NUMBERS.has(t) && !/^[+-]?(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(v.text)) {
        ctx.problem(v.range, `Invalid \`${t}\` value \`${v.text}\`; expected a number (ip: Invalid "${t}" value).`);
      }
      push(t, k, v ? [v] : []);
    } else if (t === 'nomaster' || t === 'noarp') {
      push(t, k, []);
    } else if (!dev && action !== 'list' && action !== 'other') {
      dev = k;
      push('dev', k, [k]);
    } else if (action === 'set') {
      ctx.problem(k.range, `Unexpected \`${t}\` in \`ip link set\` (ip: either "dev" is duplicate, or "${t}" is a garbage).`);
      push('unknown', k, []);
    } else push('unknown', k, []);
  }
  if ((action === 'set' || action === 'delete') && !dev) {
    ctx.problem(actionWord?.range ?? base.objectWord.range, `\`ip link ${actionWord?.text ?? ''}\` needs a device (\`dev NAME\`).`);
  }
  return {
    ...base,
    object: 'link',
    action,
    ...(actionWord ? { actionWord } : {}),
    args,
    ...(dev ? { dev } : {}),
    ...(state ? { state } : {}),
    ...(mtu ? { mtu } : {}),
    ...(linkType ? { linkType } : {}),
  };
}

/**
 * `ip link ... mtu N`: `get_integer` (a signed int, `strtol` base 0). A negative MTU parses but the
 * kernel refuses it on every device ("mtu less than device minimum"), so it is reported too.
 */
function linkMtu(ctx: Ctx, v: Word): ReturnType<typeof numberOf> {
  const m = /^([+-]?)(.*)$/.exec(v.text)!;
  const n = m[2] === '' ? undefined : parseUnsigned(m[2]!, m[1] === '-' ? 0x80000000 : 0x7fffffff);
  if (n === undefined) {
    ctx.problem(v.range, `Invalid \`mtu\` value \`${v.text}\`; expected a number such as \`1420\` (ip: Invalid "mtu" value).`);
    return { word: v, value: undefined };
  }
  if (m[1] === '-' && n !== 0) {
    ctx.problem(v.range, `\`mtu ${v.text}\` is negative: ip passes it on and the kernel refuses it (Error: mtu less than device minimum).`);
    return { word: v, value: undefined };
  }
  return { word: v, value: n };
}

const ADDRESS_ACTIONS: readonly (ActionRow<IpAddressAction>)[] = [
  ['add', ['add']],
  ['change', ['change'], ['chg']],
  ['replace', ['replace']],
  ['delete', ['delete']],
  ['list', ['list', 'show', 'lst']],
  ['flush', ['flush']],
  ['save', ['save']],
  ['other', ['showdump']],
  ['restore', ['restore']],
  ['help', ['help']],
];
const ADDR_ONE = new Set(['peer', 'remote', 'broadcast', 'brd', 'anycast', 'label', 'scope', 'metric', 'priority', 'valid_lft', 'preferred_lft', 'proto', 'local']);
const ADDR_FLAGS = new Set(['home', 'nodad', 'optimistic', 'mngtmpaddr', 'noprefixroute', 'autojoin', 'secondary', 'temporary', 'dadfailed', 'deprecated', 'tentative', 'permanent', 'dynamic', 'primary', 'up']);

/** Values `ipaddr_modify` checks itself: `scope`, `metric`/`priority`, `valid_lft`/`preferred_lft`. */
function checkAddressValue(ctx: Ctx, key: string, v: Word): void {
  if (key === 'scope') {
    if (!SCOPES.has(v.text) && parseUnsigned(v.text, 255) === undefined) ctx.problem(v.range, `Invalid \`scope\` value \`${v.text}\`; use \`global\`, \`link\`, \`host\` or a number (ip: invalid scope value).`);
  } else if (key === 'metric' || key === 'priority') {
    checkNumber(ctx, key, v);
  } else if (key === 'peer' || key === 'remote') {
    prefixValue(ctx, v, '`peer` prefix', ctx.family);
  } else if (key === 'broadcast' || key === 'brd' || key === 'anycast') {
    if (key === 'anycast' || (v.text !== '+' && v.text !== '-')) {
      const p = parsePrefix(v.text, ctx.family);
      if (!p || p.explicitLength) ctx.problem(v.range, `\`${v.text}\` is not a valid \`${key}\` address; expected an address such as \`10.0.0.255\`${key === 'anycast' ? '' : ' (or `+`/`-`)'}.`);
    }
  } else if ((key === 'valid_lft' || key === 'preferred_lft') && v.text !== 'forever' && parseUnsigned(v.text) === undefined) {
    ctx.problem(v.range, `Invalid \`${key}\` value \`${v.text}\`; expected seconds or \`forever\`.`);
  }
}

/** ip-address(8), minimal: `add|del|replace IFADDR dev IFNAME [flags]`. */
function parseAddress(base: Base, ctx: Ctx): IpAddressCommand {
  const { a } = ctx;
  const actionWord = a.take();
  let action: IpAddressAction = 'list';
  if (actionWord) {
    const found = pickAction(actionWord, ADDRESS_ACTIONS);
    action = found ?? 'other';
    if (!found) ctx.problem(actionWord.range, `Unknown \`ip address\` command \`${actionWord.text}\`; expected \`add\`, \`del\`, \`replace\`, \`flush\` or \`show\` (ip: Command "${actionWord.text}" is unknown).`);
  }
  const modify = action === 'add' || action === 'change' || action === 'replace' || action === 'delete';
  const args: IpArg[] = [];
  let dev: Word | undefined;
  let local: IpPrefixValue | undefined;
  const push = (key: string, k: Word, values: Word[]): void => {
    args.push({ key, keyWord: k, values, range: span(k, values[values.length - 1] ?? k) });
  };
  while (!a.done) {
    const k = a.take()!;
    const t = k.text;
    if (t === 'dev') {
      const v = value(ctx, k);
      if (v) dev = v;
      push('dev', k, v ? [v] : []);
    } else if (ADDR_ONE.has(t)) {
      const v = value(ctx, k);
      if (v && t === 'local') {
        if (local && modify) ctx.problem(v.range, `\`ip address\` has a second local address \`${v.text}\` (ip: either "local" is duplicate, or "${v.text}" is a garbage).`);
        local = prefixValue(ctx, v, 'address', ctx.family);
      }
      if (v && modify) checkAddressValue(ctx, t, v);
      push(t, k, v ? [v] : []);
    } else if (ADDR_FLAGS.has(t)) {
      push(t, k, []);
    } else if (!modify) {
      if (!dev && action !== 'other') dev = k;
      push('unknown', k, []);
    } else if (!local) {
      local = prefixValue(ctx, k, 'address', ctx.family);
      push('local', k, [k]);
    } else {
      ctx.problem(k.range, `Unexpected \`${t}\` in \`ip address\` (ip: either "local" is duplicate, or "${t}" is a garbage).${/^(eth|ens|enp|wg|tun|br|lo)\w*$/.test(t) ? ` Did you mean \`dev ${t}\`?` : ''}`);
      push('unknown', k, []);
    }
  }
  if (modify && !dev) ctx.problem(actionWord?.range ?? base.objectWord.range, '`ip address` needs `dev NAME` (ip: Not enough information: "dev" argument is required).');
  return { ...base, object: 'address', action, ...(actionWord ? { actionWord } : {}), args, ...(dev ? { dev } : {}), ...(local ? { local } : {}) };
}
