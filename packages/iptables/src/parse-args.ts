import type { ParseResult, SyntaxProblem, TextRange, Word } from '@wglint/core';
import type { IptCommand, IptCommandKind, IptFamily, IptMatch, IptOption, IptParam, IptRuleSpec, IptTarget } from './ast.js';
import { type ExtDef, type FinalContext, type OptDef, findMatch, findTarget, protocolMatchName } from './extensions/index.js';
import { addressList, interfaceName, protocol as protocolCheck, protocolNumber } from './values.js';

/** Options of `parseIptablesArgs`. */
export interface ParseIptablesOptions {
  readonly family: IptFamily;
  /** Parsing a line of iptables-restore input: `-t` and `-w` are refused there. */
  readonly restore?: boolean;
  /** Table when no `-t` is given (iptables-restore: the current `*table`). Default `filter`. */
  readonly table?: string;
}

export const TABLES = ['filter', 'nat', 'mangle', 'raw', 'security'] as const;

type BaseId =
  | IptCommandKind
  | 'in-interface'
  | 'out-interface'
  | 'protocol'
  | 'source'
  | 'destination'
  | 'jump'
  | 'goto'
  | 'table'
  | 'match'
  | 'numeric'
  | 'verbose'
  | 'exact'
  | 'line-numbers'
  | 'modprobe'
  | 'set-counters'
  | 'fragment'
  | 'wait'
  | 'wait-interval'
  | 'ipv4'
  | 'ipv6'
  | 'version'
  | 'help';

interface BaseOpt {
  readonly id: BaseId;
  readonly arity: 0 | 1 | 'optional';
}

const LONG: ReadonlyMap<string, BaseOpt> = new Map<string, BaseOpt>([
  ['append', { id: 'append', arity: 1 }],
  ['check', { id: 'check', arity: 1 }],
  ['delete', { id: 'delete', arity: 1 }],
  ['replace', { id: 'replace', arity: 1 }],
  ['insert', { id: 'insert', arity: 1 }],
  ['list', { id: 'list', arity: 'optional' }],
  ['list-rules', { id: 'list-rules', arity: 'optional' }],
  ['flush', { id: 'flush', arity: 'optional' }],
  ['zero', { id: 'zero', arity: 'optional' }],
  ['new-chain', { id: 'new-chain', arity: 1 }],
  ['new', { id: 'new-chain', arity: 1 }],
  ['delete-chain', { id: 'delete-chain', arity: 'optional' }],
  ['rename-chain', { id: 'rename-chain', arity: 1 }],
  ['policy', { id: 'policy', arity: 1 }],
  ['in-interface', { id: 'in-interface', arity: 1 }],
  ['out-interface', { id: 'out-interface', arity: 1 }],
  ['protocol', { id: 'protocol', arity: 1 }],
  ['source', { id: 'source', arity: 1 }],
  ['src', { id: 'source', arity: 1 }],
  ['destination', { id: 'destination', arity: 1 }],
  ['dst', { id: 'destination', arity: 1 }],
  ['jump', { id: 'jump', arity: 1 }],
  ['goto', { id: 'goto', arity: 1 }],
  ['table', { id: 'table', arity: 1 }],
  ['match', { id: 'match', arity: 1 }],
  ['numeric', { id: 'numeric', arity: 0 }],
  ['verbose', { id: 'verbose', arity: 0 }],
  ['exact', { id: 'exact', arity: 0 }],
  ['line-numbers', { id: 'line-numbers', arity: 0 }],
  ['modprobe', { id: 'modprobe', arity: 1 }],
  ['set-counters', { id: 'set-counters', arity: 1 }],
  ['fragment', { id: 'fragment', arity: 0 }],
  ['wait', { id: 'wait', arity: 'optional' }],
  ['wait-interval', { id: 'wait-interval', arity: 'optional' }],
  ['ipv4', { id: 'ipv4', arity: 0 }],
  ['ipv6', { id: 'ipv6', arity: 0 }],
  ['version', { id: 'version', arity: 0 }],
  ['help', { id: 'help', arity: 0 }],
]);

const SHORT: Readonly<Record<string, BaseOpt>> = {
  A: { id: 'append', arity: 1 },
  C: { id: 'check', arity: 1 },
  D: { id: 'delete', arity: 1 },
  R: { id: 'replace', arity: 1 },
  I: { id: 'insert', arity: 1 },
  L: { id: 'list', arity: 'optional' },
  S: { id: 'list-rules', arity: 'optional' },
  F: { id: 'flush', arity: 'optional' },
  Z: { id: 'zero', arity: 'optional' },
  N: { id: 'new-chain', arity: 1 },
  X: { id: 'delete-chain', arity: 'optional' },
  E: { id: 'rename-chain', arity: 1 },
  P: { id: 'policy', arity: 1 },
  i: { id: 'in-interface', arity: 1 },
  o: { id: 'out-interface', arity: 1 },
  p: { id: 'protocol', arity: 1 },
  s: { id: 'source', arity: 1 },
  d: { id: 'destination', arity: 1 },
  j: { id: 'jump', arity: 1 },
  g: { id: 'goto', arity: 1 },
  t: { id: 'table', arity: 1 },
  m: { id: 'match', arity: 1 },
  n: { id: 'numeric', arity: 0 },
  v: { id: 'verbose', arity: 0 },
  x: { id: 'exact', arity: 0 },
  c: { id: 'set-counters', arity: 1 },
  f: { id: 'fragment', arity: 0 },
  w: { id: 'wait', arity: 'optional' },
  W: { id: 'wait-interval', arity: 'optional' },
  '4': { id: 'ipv4', arity: 0 },
  '6': { id: 'ipv6', arity: 0 },
  V: { id: 'version', arity: 0 },
  h: { id: 'help', arity: 0 },
};

/** The short option of each command kind, as iptables-save and error messages write it. */
export const COMMAND_LETTER: Readonly<Record<IptCommandKind, string>> = {
  append: '-A',
  check: '-C',
  delete: '-D',
  replace: '-R',
  insert: '-I',
  list: '-L',
  'list-rules': '-S',
  flush: '-F',
  zero: '-Z',
  'new-chain': '-N',
  'delete-chain': '-X',
  'rename-chain': '-E',
  policy: '-P',
};

const RULE_COMMANDS: ReadonlySet<string> = new Set(['append', 'check', 'delete', 'replace', 'insert']);

/** Options by extension, indexed once. */
const optIndex = new WeakMap<ExtDef, Map<string, OptDef>>();
function optionsOf(def: ExtDef): Map<string, OptDef> {
  let m = optIndex.get(def);
  if (!m) {
    m = new Map(def.options.map((o) => [o.name, o]));
    optIndex.set(def, m);
  }
  return m;
}

/** Modules that define an option, for "did you mean -m X" hints. */
const HINTS: Readonly<Record<string, string>> = {
  dport: '-p tcp` or `-p udp', sport: '-p tcp` or `-p udp', 'destination-port': '-p tcp` or `-p udp', 'source-port': '-p tcp` or `-p udp',
  syn: '-p tcp', 'tcp-flags': '-p tcp', 'tcp-option': '-p tcp', 'icmp-type': '-p icmp', 'icmpv6-type': '-p ipv6-icmp',
  dports: '-m multiport', sports: '-m multiport', ports: '-m multiport', 'destination-ports': '-m multiport',
  ctstate: '-m conntrack', ctstatus: '-m conntrack', state: '-m conntrack --ctstate` (or `-m state', 'mac-source': '-m mac',
  comment: '-m comment', limit: '-m limit', 'limit-burst': '-m limit', 'uid-owner': '-m owner', 'gid-owner': '-m owner',
  mark: '-m mark', 'match-set': '-m set', 'src-range': '-m iprange', 'dst-range': '-m iprange', 'src-type': '-m addrtype',
  'dst-type': '-m addrtype', 'physdev-in': '-m physdev', 'physdev-out': '-m physdev', string: '-m string', length: '-m length',
  mss: '-m tcpmss', 'pkt-type': '-m pkttype', 'hashlimit-upto': '-m hashlimit', 'hashlimit-above': '-m hashlimit',
  'hashlimit-name': '-m hashlimit', set: '-m recent', rcheck: '-m recent', update: '-m recent', seconds: '-m recent',
  'reject-with': '-j REJECT', 'log-prefix': '-j LOG', 'log-level': '-j LOG', 'to-destination': '-j DNAT',
  'to-source': '-j SNAT', 'to-ports': '-j MASQUERADE` or `-j REDIRECT', 'set-mark': '-j MARK` or `-j CONNMARK',
  'set-xmark': '-j MARK', 'save-mark': '-j CONNMARK', 'restore-mark': '-j CONNMARK', 'clamp-mss-to-pmtu': '-j TCPMSS',
  'set-mss': '-j TCPMSS', 'queue-num': '-j NFQUEUE', 'nflog-group': '-j NFLOG',
};

/** Which module an option word placed after `-m` most likely belongs to. */
const MODULE_FOR_OPTION: Readonly<Record<string, string>> = {
  'mac-source': 'mac', ctstate: 'conntrack', state: 'state', comment: 'comment', dports: 'multiport', sports: 'multiport',
  limit: 'limit', mark: 'mark', 'uid-owner': 'owner', 'match-set': 'set', dport: 'tcp', sport: 'tcp', 'src-range': 'iprange',
  'physdev-in': 'physdev', string: 'string', length: 'length', 'pkt-type': 'pkttype', mss: 'tcpmss',
};

interface LoadedMatch {
  readonly def: ExtDef;
  readonly name: string;
  readonly matchWord?: Word;
  readonly nameWord?: Word;
  readonly implicit: boolean;
  readonly options: IptOption[];
  completed: boolean;
  start: number;
}

interface LoadedTarget {
  readonly def?: ExtDef;
  readonly name: string;
  readonly flagWord: Word;
  readonly nameWord: Word;
  readonly goto: boolean;
  readonly options: IptOption[];
}

const EMPTY_RANGE = (at: number): TextRange => ({ start: at, end: at });

/**
 * Parses one iptables/ip6tables invocation given as argv words (without the program name), the
 * way iptables' getopt-driven `do_parse` does: commands, basic parameters, `!` negation, `-m`
 * modules and `-j` targets with their options, each option's arguments validated. Never throws.
 * Problems are what iptables itself refuses while parsing; table/chain checks are `checkIptCommand`.
 */
export function parseIptablesArgs(words: readonly Word[], options: ParseIptablesOptions): ParseResult<IptCommand> {
  const family = options.family;
  const problems: SyntaxProblem[] = [];
  const prog = family === 'ipv4' ? 'iptables' : 'ip6tables';
  const problem = (range: TextRange, message: string): void => {
    problems.push({ range, message });
  };

  let table = options.table ?? 'filter';
  let tableWord: Word | undefined;
  let kind: IptCommandKind | undefined;
  let commandWord: Word | undefined;
  let chain: Word | undefined;
  let ruleNumber: { value: number; word: Word } | undefined;
  let policy: Word | undefined;
  let newName: Word | undefined;
  const globals: Word[] = [];
  const params: Partial<Record<'p' | 's' | 'd' | 'i' | 'o' | 'f', IptParam>> = {};
  const matches: LoadedMatch[] = [];
  let target: LoadedTarget | undefined;
  let counters: IptRuleSpec['counters'];
  let protoUsed = false;
  let ruleStart = -1;
  let ruleEnd = -1;
  const markRule = (r: TextRange): void => {
    if (ruleStart < 0 || r.start < ruleStart) ruleStart = r.start;
    if (r.end > ruleEnd) ruleEnd = r.end;
  };
  /** Extensions in getopt lookup order: newest first (libxtables merges new options in front). */
  const loadOrder: Array<{ match?: LoadedMatch; target?: LoadedTarget }> = [];
  const openByName = new Map<string, LoadedMatch>();

  let invert: Word | undefined;
  let i = 0;

  const rangeFrom = (a: TextRange, b: TextRange): TextRange => ({ start: a.start, end: b.end });

  /** Takes the argument of an option: the `=value` / attached part, else the next word. */
  const takeArg = (attached: Word | undefined, optWord: Word, display: string, what: string): Word | undefined => {
    if (attached) return attached;
    const next = words[i + 1];
    if (!next) {
      problem(optWord.range, `option \`${display}' requires an argument (${what})`);
      return undefined;
    }
    i++;
    return next;
  };

  const optionalArg = (attached: Word | undefined, pred: (w: Word) => boolean): Word | undefined => {
    if (attached) return attached;
    const next = words[i + 1];
    if (next && pred(next)) {
      i++;
      return next;
    }
    return undefined;
  };

  const isOperand = (w: Word): boolean => w.text !== '' && !w.text.startsWith('-') && w.text !== '!';

  const setCommand = (id: IptCommandKind, word: Word, attached: Word | undefined, display: string): void => {
    if (invert) {
      problem(invert.range, `\`!' cannot be used before ${display}`);
      invert = undefined;
    }
    if (kind) {
      problem(word.range, `cannot use ${display} together with ${COMMAND_LETTER[kind]}: one command per invocation`);
    }
    kind = id;
    commandWord = word;
    const takesChain = ['append', 'check', 'delete', 'replace', 'insert', 'new-chain', 'rename-chain', 'policy'].includes(id);
    if (takesChain) {
      const c = takeArg(attached, word, display, 'a chain name');
      if (!c) return;
      chain = c;
      if (c.text.startsWith('-') || c.text === '!') problem(c.range, `${display} needs a chain name, but found \`${c.text}'`);
    } else {
      const c = optionalArg(attached, isOperand);
      if (c) chain = c;
    }
    const num = (required: boolean): void => {
      const next = words[i + 1];
      if (next && /^[0-9]+$/.test(next.text)) {
        i++;
        const value = Number(next.text);
        if (value < 1) problem(next.range, `invalid rule number \`${next.text}' (rule numbers start at 1)`);
        ruleNumber = { value, word: next };
      } else if (next && id !== 'delete' && id !== 'insert' && isOperand(next) && /^-?[0-9]/.test(next.text)) {
        i++;
        problem(next.range, `invalid rule number \`${next.text}'`);
      } else if (required) {
        problem(word.range, `${display} needs a rule number after the chain (e.g. \`${display} ${chain?.text ?? 'INPUT'} 1 ...')`);
      }
    };
    switch (id) {
      case 'insert':
      case 'delete':
      case 'zero':
      case 'list':
      case 'list-rules':
        if (chain) num(false);
        break;
      case 'replace':
        if (chain) num(true);
        break;
      case 'rename-chain': {
        if (!chain) break;
        const n = takeArg(undefined, word, display, 'the new chain name');
        if (n) newName = n;
        break;
      }
      case 'policy': {
        if (!chain) break;
        const p = takeArg(undefined, word, display, 'ACCEPT or DROP');
        if (p) policy = p;
        break;
      }
      default:
        break;
    }
  };

  const setParam = (flag: 'p' | 's' | 'd' | 'i' | 'o' | 'f', word: Word, attached: Word | undefined, display: string): void => {
    const neg = invert;
    invert = undefined;
    if (params[flag]) problem(word.range, `multiple -${flag} flags not allowed`);
    let value: Word | undefined;
    if (flag !== 'f') {
      const what = { p: 'a protocol', s: 'an address', d: 'an address', i: 'an interface name', o: 'an interface name' }[flag];
      value = takeArg(attached, word, display, what);
      if (!value) return;
      if (value.text === '!') {
        problem(value.range, `\`${display} ! VALUE' is the old negation syntax; write \`! ${display} VALUE' instead`);
        const real = words[i + 1];
        if (real) {
          i++;
          value = real;
        }
      } else if (value.text.startsWith('-') && value.text.length > 1) {
        problem(value.range, `${display} needs ${what}, but found option \`${value.text}'`);
      } else {
        let reason: string | undefined;
        if (flag === 'p') {
          reason = protocolCheck(value.text, { family });
          if (!reason && neg && (value.text === '0' || value.text.toLowerCase() === 'all')) reason = 'rule would never match protocol';
        } else if (flag === 's' || flag === 'd') {
          reason = addressList(value.text, { family });
          if (!reason && neg && value.text.includes(',')) reason = '! is not allowed with multiple addresses; write one rule per address';
        }
        else reason = interfaceName(value.text);
        if (reason) problem(value.range, `bad ${display} value: ${reason}`);
      }
    } else if (family === 'ipv6') {
      problem(word.range, "`-f' is not supported in IPv6, use -m frag instead");
    }
    const start = neg ? neg.range : word.range;
    const p: IptParam = {
      type: 'IptParam',
      flag,
      flagWord: word,
      negated: !!neg,
      negationRange: neg ? neg.range : undefined,
      value: value,
      range: rangeFrom(start, value ? value.range : word.range),
    };
    params[flag] = p;
    markRule(p.range);
  };

  const loadMatch = (def: ExtDef, name: string, implicit: boolean, matchWord?: Word, nameWord?: Word): LoadedMatch => {
    // At most one match per name is still open: the newest. Completing it also drops it from
    // `loadOrder`, which `resolveExt` walks and which thus holds only open extensions (linear in `-m`s).
    const prev = openByName.get(name);
    if (prev) {
      prev.completed = true;
      const at = loadOrder.findIndex((e) => e.match === prev);
      if (at >= 0) loadOrder.splice(at, 1);
    }
    const lm: LoadedMatch = {
      def,
      name,
      implicit,
      options: [],
      completed: false,
      start: (matchWord ?? nameWord)?.range.start ?? words[i]?.range.start ?? 0,
      matchWord: matchWord,
      nameWord: nameWord,
    };
    matches.push(lm);
    openByName.set(name, lm);
    loadOrder.unshift({ match: lm });
    return lm;
  };

  /** Resolves a long option against loaded extensions (newest first): exact, then unique prefix. */
  const resolveExt = (name: string): { owner: { match?: LoadedMatch; target?: LoadedTarget }; def: OptDef } | 'ambiguous' | undefined => {
    for (const e of loadOrder) {
      const def = e.match ? e.match.def : e.target?.def;
      if (!def || (e.match && e.match.completed)) continue;
      const o = optionsOf(def).get(name);
      if (o) return { owner: e, def: o };
    }
    let found: { owner: { match?: LoadedMatch; target?: LoadedTarget }; def: OptDef } | undefined;
    let count = 0;
    for (const e of loadOrder) {
      const def = e.match ? e.match.def : e.target?.def;
      if (!def || (e.match && e.match.completed)) continue;
      for (const o of def.options) {
        if (o.name.startsWith(name)) {
          if (!found || found.def !== o) count++;
          found ??= { owner: e, def: o };
        }
      }
    }
    if (count > 1) return 'ambiguous';
    return found;
  };

  const extOption = (
    owner: { match?: LoadedMatch; target?: LoadedTarget },
    def: OptDef,
    word: Word,
    attached: Word | undefined,
    display: string,
  ): void => {
    const neg = invert;
    invert = undefined;
    const extName = owner.match ? owner.match.name : owner.target!.name;
    const list = owner.match ? owner.match.options : owner.target!.options;
    const canonical = def.canonical ?? def.name;
    if (neg && !def.invert) problem(rangeFrom(neg.range, word.range), `${extName}: option \`--${def.name}' cannot be inverted`);
    if (!def.multi && list.some((o) => o.name === canonical)) problem(word.range, `${extName}: option \`--${def.name}' can only be used once`);
    for (const other of list) {
      const otherDef = (owner.match ? owner.match.def : owner.target!.def)?.options.find((d) => (d.canonical ?? d.name) === other.name);
      if (def.excl.includes(other.name) || otherDef?.excl.includes(canonical) || (otherDef && def.excl.includes(otherDef.name))) {
        problem(word.range, `${extName}: option \`--${def.name}' cannot be used together with \`--${other.name}'`);
        break;
      }
    }
    const args: Word[] = [];
    if (def.arity === 1 || def.arity === 2) {
      const a = takeArg(attached, word, display, 'a value');
      if (a) {
        args.push(a);
        if (def.arity === 2) {
          const b = takeArg(undefined, word, display, 'a second value');
          if (b) args.push(b);
        }
      }
    } else if (def.arity === 'optional') {
      const a = optionalArg(attached, isOperand);
      if (a) args.push(a);
    } else if (attached) {
      problem(attached.range, `option \`--${def.name}' takes no value`);
    }
    const checks = [def.check, def.check2];
    args.forEach((a, k) => {
      const check = checks[k];
      if (!check) return;
      const reason = check(a.text, { family });
      if (!reason) return;
      if (a.text.startsWith('-') && a.text.length > 1 && !/^-[0-9]/.test(a.text)) {
        problem(a.range, `${extName}: option \`--${def.name}' needs a value, but found option \`${a.text}'`);
      } else {
        problem(a.range, `${extName}: bad value \`${a.text}' for option \`--${def.name}': ${reason}`);
      }
    });
    const last = args[args.length - 1] ?? word;
    const o: IptOption = {
      type: 'IptOption',
      name: canonical,
      nameWord: word,
      negated: !!neg,
      negationRange: neg ? neg.range : undefined,
      args,
      range: rangeFrom(neg ? neg.range : word.range, last.range),
    };
    list.push(o);
    markRule(o.range);
  };

  const protocolName = (): string | undefined => {
    const p = params.p;
    if (!p?.value || p.negated) return undefined;
    return p.value.text.toLowerCase();
  };

  /** Handles an option that is neither a base option nor known to a loaded extension. */
  const unknownOption = (name: string, word: Word, attached: Word | undefined, display: string): void => {
    const proto = params.p?.value?.text;
    if (proto && !protoUsed) {
      const mname = protocolMatchName(proto, family);
      const def = mname ? findMatch(mname, family) : undefined;
      if (def && mname) {
        protoUsed = true;
        const lm = loadMatch(def, mname, true);
        lm.start = (invert ?? word).range.start;
        const r = resolveExt(name);
        if (r && r !== 'ambiguous') {
          extOption(r.owner, r.def, word, attached, display);
          return;
        }
      }
    }
    if (invert) invert = undefined;
    const hint = HINTS[name];
    problem(
      word.range,
      hint
        ? `unknown option \`${display}': it needs \`${hint}' before it`
        : `unknown option \`${display}'`,
    );
    // Skip a likely argument so one mistake gives one problem.
    const next = words[i + 1];
    if (!attached && next && isOperand(next)) i++;
  };

  const baseOption = (base: BaseOpt, word: Word, attached: Word | undefined, display: string): void => {
    const id = base.id;
    switch (id) {
      case 'append':
      case 'check':
      case 'delete':
      case 'replace':
      case 'insert':
      case 'list':
      case 'list-rules':
      case 'flush':
      case 'zero':
      case 'new-chain':
      case 'delete-chain':
      case 'rename-chain':
      case 'policy':
        setCommand(id, word, attached, display);
        return;
      case 'in-interface':
        setParam('i', word, attached, display);
        return;
      case 'out-interface':
        setParam('o', word, attached, display);
        return;
      case 'protocol':
        setParam('p', word, attached, display);
        return;
      case 'source':
        setParam('s', word, attached, display);
        return;
      case 'destination':
        setParam('d', word, attached, display);
        return;
      case 'fragment':
        setParam('f', word, attached, display);
        return;
      case 'jump':
      case 'goto': {
        if (invert) {
          problem(invert.range, `\`!' cannot be used before ${display}`);
          invert = undefined;
        }
        if (target) problem(word.range, `multiple -j/-g flags not allowed`);
        const nameWord = takeArg(attached, word, display, id === 'jump' ? 'a target or chain' : 'a chain');
        if (!nameWord) return;
        if (nameWord.text.startsWith('-') || nameWord.text === '') {
          problem(nameWord.range, `${display} needs a target or chain name, but found \`${nameWord.text}'`);
        } else if (nameWord.text.length > 28 && !findTarget(nameWord.text, family)) {
          problem(nameWord.range, `chain name \`${nameWord.text}' too long (must be under 29 chars)`);
        }
        const def = id === 'jump' ? findTarget(nameWord.text, family) : undefined;
        const t: LoadedTarget = { name: nameWord.text, flagWord: word, nameWord, goto: id === 'goto', options: [], def: def };
        target = t;
        if (def && def.options.length) loadOrder.unshift({ target: t });
        markRule(rangeFrom(word.range, nameWord.range));
        return;
      }
      case 'match': {
        if (invert) {
          problem(invert.range, `\`!' cannot be used before ${display}; put it before the module's option`);
          invert = undefined;
        }
        const nameWord = takeArg(attached, word, display, 'a match module name');
        if (!nameWord) return;
        markRule(rangeFrom(word.range, nameWord.range));
        if (nameWord.text.startsWith('-')) {
          const opt = nameWord.text.replace(/^-+/, '').split('=')[0]!;
          const mod = MODULE_FOR_OPTION[opt];
          problem(
            nameWord.range,
            `${display} needs a match module name, but found option \`${nameWord.text}'` + (mod ? `; write \`-m ${mod} ${nameWord.text}'` : ''),
          );
          // Recover: load the module the option most likely belongs to and re-read the option, so
          // one mistake gives one problem.
          const guess = mod ? findMatch(mod, family) : undefined;
          if (guess && !attached) {
            loadMatch(guess, guess.name, false, word);
            i--;
          }
          return;
        }
        const def = findMatch(nameWord.text, family);
        if (!def) {
          problem(nameWord.range, `couldn't load match \`${nameWord.text}': no such ${prog} match module`);
          return;
        }
        const name = def.name;
        loadMatch(def, name, false, word, nameWord);
        if (protocolMatchName(params.p?.value?.text ?? '', family) === name) protoUsed = true;
        return;
      }
      case 'table': {
        if (invert) {
          problem(invert.range, `\`!' cannot be used before ${display}`);
          invert = undefined;
        }
        const t = takeArg(attached, word, display, 'a table name');
        if (!t) return;
        if (options.restore) problem(rangeFrom(word.range, t.range), 'the -t option cannot be used in iptables-restore input; put the rule under its `*table` line');
        if (!(TABLES as readonly string[]).includes(t.text)) problem(t.range, `table \`${t.text}' does not exist (use filter, nat, mangle, raw or security)`);
        table = t.text;
        tableWord = t;
        return;
      }
      case 'set-counters': {
        const a = takeArg(attached, word, display, 'packet and byte counters');
        if (!a) return;
        let packets = a.text;
        let bytes: string | undefined;
        let end = a.range;
        if (a.text.includes(',')) {
          [packets, bytes] = a.text.split(',') as [string, string];
        } else {
          const b = words[i + 1];
          if (b) {
            i++;
            bytes = b.text;
            end = b.range;
          }
        }
        if (!packets || bytes === undefined || bytes === '') problem(rangeFrom(word.range, end), '-c requires packet and byte counters (`-c PACKETS BYTES`)');
        else if (!/^[0-9]+$/.test(packets)) problem(a.range, '-c packet counter not numeric');
        else if (!/^[0-9]+$/.test(bytes)) problem(end, '-c byte counter not numeric');
        counters = { packets, bytes: bytes ?? '', range: rangeFrom(word.range, end) };
        markRule(counters.range);
        return;
      }
      case 'wait':
      case 'wait-interval': {
        const v = optionalArg(attached, (w) => /^[0-9]+$/.test(w.text));
        if (options.restore) problem(word.range, `${display} is not accepted in iptables-restore input`);
        globals.push(word);
        if (v) globals.push(v);
        return;
      }
      case 'modprobe': {
        const v = takeArg(attached, word, display, 'a program path');
        globals.push(word);
        if (v) globals.push(v);
        return;
      }
      case 'ipv4':
      case 'ipv6':
        if ((id === 'ipv4') !== (family === 'ipv4')) problem(word.range, `${display} is for ${id === 'ipv4' ? 'iptables' : 'ip6tables'}; this is ${prog}`);
        globals.push(word);
        return;
      default:
        if (invert) {
          problem(invert.range, `\`!' cannot be used before ${display}`);
          invert = undefined;
        }
        globals.push(word);
        return;
    }
  };

  for (i = 0; i < words.length; i++) {
    const w = words[i]!;
    const t = w.text;
    if (t === '!') {
      if (invert) problem(w.range, 'multiple consecutive ! not allowed');
      invert = w;
      continue;
    }
    if (t.startsWith('--') && t.length > 2) {
      const eq = t.indexOf('=');
      const name = eq < 0 ? t.slice(2) : t.slice(2, eq);
      const attached: Word | undefined =
        eq < 0 ? undefined : { text: t.slice(eq + 1), range: { start: w.range.end - (t.length - eq - 1), end: w.range.end } };
      const display = `--${name}`;
      const exactBase = LONG.get(name);
      if (exactBase) {
        baseOption(exactBase, w, attached, display);
        continue;
      }
      const ext = resolveExt(name);
      if (ext === 'ambiguous') {
        problem(w.range, `option \`${display}' is ambiguous; write the full option name`);
        invert = undefined;
        continue;
      }
      if (ext) {
        extOption(ext.owner, ext.def, w, attached, `--${ext.def.name}`);
        continue;
      }
      const prefixed = [...LONG.keys()].filter((k) => k.startsWith(name));
      const bases = new Set(prefixed.map((k) => LONG.get(k)!.id));
      if (bases.size === 1) {
        baseOption(LONG.get(prefixed[0]!)!, w, attached, `--${prefixed[0]}`);
        continue;
      }
      unknownOption(name, w, attached, display);
      continue;
    }
    if (t.startsWith('-') && t.length > 1 && t !== '--') {
      // A cluster of short options: `-vn`, `-ptcp`, `-A`.
      let k = 1;
      while (k < t.length) {
        const ch = t[k]!;
        const base = SHORT[ch];
        const display = `-${ch}`;
        if (!base) {
          problem(w.range, `unknown option \`-${ch}'`);
          break;
        }
        const rest = t.slice(k + 1);
        if (base.arity === 0) {
          baseOption(base, w, undefined, display);
          k++;
          continue;
        }
        const attached: Word | undefined = rest ? { text: rest, range: { start: w.range.start + k + 1, end: w.range.end } } : undefined;
        baseOption(base, w, attached, display);
        break;
      }
      continue;
    }
    if (invert) {
      problem(invert.range, `\`!' must be followed by an option (e.g. \`! -s 10.0.0.0/8')`);
      invert = undefined;
    }
    problem(w.range, badArgument(t));
  }
  if (invert) problem(invert.range, '`!\' at the end of the command negates nothing');

  // Final checks (xtables x6_fcheck / mandatory options), in order.
  const proto = protocolName();
  const protoNum = proto !== undefined ? protocolNumber(proto) : undefined;
  const matchNodes: IptMatch[] = [];
  for (const m of matches) {
    const node = buildMatch(m, words);
    matchNodes.push(node);
    finalChecks(m.def, m.name, node.options, node.nameWord?.range ?? node.range, proto, protoNum, family, problem);
  }
  let targetNode: IptTarget | undefined;
  if (target) {
    const last = target.options[target.options.length - 1]?.range ?? target.nameWord.range;
    targetNode = {
      type: 'IptTarget',
      name: target.name,
      kind: target.def ? (['ACCEPT', 'DROP', 'RETURN', 'QUEUE'].includes(target.name) ? 'standard' : 'extension') : 'chain',
      goto: target.goto,
      flagWord: target.flagWord,
      nameWord: target.nameWord,
      options: target.options,
      range: rangeFrom(target.flagWord.range, last),
    };
    if (target.def) finalChecks(target.def, target.name, target.options, target.nameWord.range, proto, protoNum, family, problem);
  }

  const allRange: TextRange = words.length ? rangeFrom(words[0]!.range, words[words.length - 1]!.range) : EMPTY_RANGE(0);
  if (!kind) {
    problem(allRange, `no command specified (use -A, -I, -D, -N, -P, ... with a chain)`);
  } else if (!RULE_COMMANDS.has(kind) && !(kind === 'delete')) {
    const first = [params.p, params.s, params.d, params.i, params.o, params.f].find(Boolean) ?? matchNodes[0] ?? targetNode;
    if (first) problem(first.range, `${COMMAND_LETTER[kind]} takes no rule options; remove them or use -A/-I/-D`);
  }
  if (kind === 'delete' && ruleNumber && (ruleStart >= 0 && ruleStart > ruleNumber.word.range.end)) {
    problem({ start: ruleStart, end: ruleEnd }, '-D with a rule number takes no rule options');
  }
  if (kind === 'new-chain' && chain) {
    const reason = chainNameProblem(chain.text);
    if (reason) problem(chain.range, reason);
  }
  if (kind === 'rename-chain' && newName) {
    const reason = chainNameProblem(newName.text);
    if (reason) problem(newName.range, reason);
  }

  const hasRule = kind !== undefined && RULE_COMMANDS.has(kind) && !(kind === 'delete' && ruleNumber);
  const ruleRange: TextRange =
    ruleStart >= 0 ? { start: ruleStart, end: ruleEnd } : EMPTY_RANGE((ruleNumber?.word ?? chain ?? commandWord)?.range.end ?? allRange.end);
  const rule: IptRuleSpec | undefined = hasRule
    ? {
        type: 'IptRuleSpec',
        protocol: params.p,
        source: params.s,
        destination: params.d,
        inInterface: params.i,
        outInterface: params.o,
        fragment: params.f,
        matches: matchNodes,
        target: targetNode,
        counters: counters,
        range: ruleRange,
      }
    : undefined;

  const ast: IptCommand = {
    type: 'IptCommand',
    family,
    table,
    tableWord: tableWord,
    kind: kind,
    commandWord: commandWord,
    chain: chain,
    ruleNumber: ruleNumber,
    policy: policy,
    newName: newName,
    rule: rule,
    globals,
    range: allRange,
  };
  return { ast, problems };
}

function badArgument(t: string): string {
  if (/^[\u2012-\u2015\u2212]/.test(t)) {
    const fixed = t.replace(/^[\u2012-\u2015\u2212]/, t.length > 2 ? '--' : '-');
    return `bad argument \`${t}': it starts with a typographic dash, not \`-' (text pasted from a web page or word processor); type \`${fixed}'`;
  }
  if (/[\u201c\u201d\u2018\u2019]/.test(t)) {
    return `bad argument \`${t}': it contains typographic quotes (“ ” ‘ ’), which the shell does not treat as quotes; use plain " or '`;
  }
  if (/^(wg|eth|en|wl|ens|enp|tun|tap|br|veth|bond|ppp|lo)[0-9a-z+]*$/i.test(t)) {
    return `bad argument \`${t}': a value needs its option (an interface is \`-i ${t}' or \`-o ${t}')`;
  }
  return `bad argument \`${t}': every value must follow its option`;
}

/** Why `name` cannot be a user chain name, or undefined. */
export function chainNameProblem(name: string): string | undefined {
  if (name.length >= 29) return `chain name \`${name}' too long (must be under 29 chars)`;
  if (name.startsWith('-') || name.startsWith('!')) return `chain name \`${name}' may not start with \`${name[0]}'`;
  if (/\s/.test(name)) return `chain name \`${name}' may not contain whitespace`;
  if (findTarget(name, 'ipv4') || findTarget(name, 'ipv6')) return `chain name \`${name}' may not clash with target name`;
  return undefined;
}

function buildMatch(m: LoadedMatch, words: readonly Word[]): IptMatch {
  void words;
  const first = m.matchWord?.range ?? m.options[0]?.range ?? { start: m.start, end: m.start };
  const last = m.options[m.options.length - 1]?.range ?? m.nameWord?.range ?? first;
  return {
    type: 'IptMatch',
    name: m.name,
    matchWord: m.matchWord,
    nameWord: m.nameWord,
    implicit: m.implicit,
    options: m.options,
    range: { start: Math.min(first.start, m.start), end: last.end },
  };
}

const USERSPACE_PROTO = new Set(['tcp', 'udp', 'multiport']);

function finalChecks(
  def: ExtDef,
  name: string,
  opts: readonly IptOption[],
  at: TextRange,
  proto: string | undefined,
  protoNum: number | undefined,
  family: IptFamily,
  problem: (r: TextRange, m: string) => void,
): void {
  const has = (n: string): boolean => opts.some((o) => o.name === n);
  for (const o of def.options) {
    if (o.mandatory && !opts.some((x) => x.name === (o.canonical ?? o.name))) {
      problem(at, `${name}: option \`--${o.name}' must be specified`);
      return;
    }
  }
  for (const o of opts) {
    const d = def.options.find((x) => (x.canonical ?? x.name) === o.name);
    for (const a of d?.also ?? []) {
      if (!has(a)) problem(o.nameWord.range, `${name}: option \`--${d!.name}' also requires \`--${a}'`);
    }
  }
  if (def.protocols && USERSPACE_PROTO.has(def.name)) {
    const ok = def.protocols.some((p) => p === proto || protocolNumber(p) === protoNum);
    if (!ok) {
      problem(
        at,
        def.name === 'multiport'
          ? 'multiport needs `-p tcp`, `-p udp`, `-p udplite`, `-p sctp` or `-p dccp` before it'
          : `${name} match requires \`-p ${def.protocols[0]}'`,
      );
    }
  }
  if (def.final) {
    const ctx: FinalContext = {
      family,
      options: opts,
      get: (n) => {
        for (let k = opts.length - 1; k >= 0; k--) if (opts[k]!.name === n) return opts[k];
        return undefined;
      },
      has,
      protocol: proto,
    };
    const r = def.final(ctx);
    if (r) {
      const msg = typeof r === 'string' ? r : r.message;
      const optName = typeof r === 'string' ? undefined : r.option;
      const o = optName ? ctx.get(optName) : undefined;
      problem(o ? o.range : at, msg.startsWith(name) ? msg : `${name}: ${msg}`);
    }
  }
}
