import type { ParseResult, SyntaxProblem, TextRange, Word } from '@wglint/core';
import type { IptCommand, IptCommandKind, IptFamily, IptMatch, IptOption, IptParam, IptRuleSpec, IptTarget } from './ast.js';
import { type ExtDef, type FinalContext, type OptDef, findMatch, findTarget, protocolMatchName } from './extensions/index.js';
import { type ValueCheck, type ValueContext, addressList, detach, interfaceName, protocol as protocolCheck, protocolNumber } from './values.js';

/** Options of `parseIptablesArgs`. */
export interface ParseIptablesOptions {
  readonly family: IptFamily;
  /** Parsing a line of iptables-restore input: `-t` and `-w` are refused there. */
  readonly restore?: boolean;
  /** Table when no `-t` is given (iptables-restore: the current `*table`). Default `filter`. */
  readonly table?: string;
}

/** What `parseArgsInto` tells its caller besides the command. */
export interface ParseOut {
  /**
   * The line holds the other family's `-4`/`-6` in restore input: iptables-restore skips a line
   * with `-6` (ip6tables-restore one with `-4`) when it reaches that option, so the rest of the
   * line is not read and the line adds no rule.
   */
  skipped: boolean;
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

/**
 * An extension option as the parser reads it, built once per definition. One class (rather than
 * the `OptDef` literals, whose shapes differ by which fields they set) keeps every property read
 * on the hot path monomorphic.
 */
class OptInfo {
  readonly def: OptDef;
  readonly name: string;
  /** Name in the AST: the canonical name of a synonym. */
  readonly canonical: string;
  /** `--name`. */
  readonly display: string;
  readonly arity: OptDef['arity'];
  readonly check: ValueCheck | undefined;
  readonly check2: ValueCheck | undefined;
  readonly invert: boolean;
  readonly multi: boolean;
  readonly excl: readonly string[];
  readonly also: readonly string[];
  /** The memos of `check` and `check2` (see `checkMemo`) for IPv4 and IPv6. */
  readonly memo4: Memo | undefined;
  readonly memo6: Memo | undefined;
  readonly memo2v4: Memo | undefined;
  readonly memo2v6: Memo | undefined;
  constructor(def: OptDef) {
    this.def = def;
    this.name = def.name;
    this.canonical = def.canonical ?? def.name;
    this.display = `--${def.name}`;
    this.arity = def.arity;
    this.check = def.check;
    this.check2 = def.check2;
    this.invert = def.invert;
    this.multi = def.multi;
    this.excl = def.excl;
    this.also = def.also;
    this.memo4 = def.check && memoOf(def.check, 'ipv4');
    this.memo6 = def.check && memoOf(def.check, 'ipv6');
    this.memo2v4 = def.check2 && memoOf(def.check2, 'ipv4');
    this.memo2v6 = def.check2 && memoOf(def.check2, 'ipv6');
  }
}

/**
 * Per extension, computed once: its options by name, by canonical name (first wins), in order, the
 * mandatory ones, and the definition's fields the final checks read (one shape for every extension).
 */
class ExtIndex {
  readonly def: ExtDef;
  readonly byName = new Map<string, OptInfo>();
  readonly byCanonical = new Map<string, OptInfo>();
  readonly opts: readonly OptInfo[];
  readonly mandatory: readonly OptInfo[];
  /** Whether some option names others it needs (`also`): most extensions have none. */
  readonly hasAlso: boolean;
  /** `protocols` when iptables checks them in userspace (tcp, udp, multiport), else undefined. */
  readonly userspaceProtocols: readonly string[] | undefined;
  readonly final: ExtDef['final'];
  constructor(def: ExtDef) {
    this.def = def;
    const opts = def.options.map((o) => new OptInfo(o));
    for (const o of opts) {
      this.byName.set(o.name, o);
      if (!this.byCanonical.has(o.canonical)) this.byCanonical.set(o.canonical, o);
    }
    this.opts = opts;
    this.mandatory = opts.filter((o) => o.def.mandatory);
    this.hasAlso = opts.some((o) => o.also.length > 0);
    this.userspaceProtocols = def.protocols && USERSPACE_PROTO.has(def.name) ? def.protocols : undefined;
    this.final = def.final;
  }
}
const USERSPACE_PROTO: ReadonlySet<string> = new Set(['tcp', 'udp', 'multiport']);
const extIndexes = new Map<ExtDef, ExtIndex>();
function indexOf(def: ExtDef): ExtIndex {
  let x = extIndexes.get(def);
  if (!x) extIndexes.set(def, (x = new ExtIndex(def)));
  return x;
}

/** `--name` of the base long options, built once. */
const LONG_DISPLAY: ReadonlyMap<string, string> = new Map([...LONG.keys()].map((k) => [k, `--${k}`]));
/** `-x` of the base short options, built once. */
const SHORT_DISPLAY: Readonly<Record<string, string>> = Object.fromEntries(Object.keys(SHORT).map((k) => [k, `-${k}`]));

/** `SHORT` and `SHORT_DISPLAY` by character code: an array index instead of a keyed property lookup per option. */
const SHORT_BY_CODE: ReadonlyArray<{ readonly base: BaseOpt; readonly display: string } | undefined> = (() => {
  const byCode = new Array<{ readonly base: BaseOpt; readonly display: string } | undefined>(128).fill(undefined);
  for (const k of Object.keys(SHORT)) byCode[k.charCodeAt(0)] = { base: SHORT[k]!, display: SHORT_DISPLAY[k]! };
  return byCode;
})();

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

/**
 * A match or target whose options are being read (getopt's loaded extensions). One class for both,
 * so the code reading either sees one shape.
 */
class Loaded {
  readonly def: ExtDef | undefined;
  readonly index: ExtIndex | undefined;
  readonly name: string;
  /**
   * Its options so far: none yet, then a one-element literal (exact size: most extensions get one
   * option, which thus needs no copy), then grown by `push` (see `finalOptions`).
   */
  options: IptOption[] | undefined = undefined;
  /** A match closed by a newer `-m` of the same name; targets are never completed. */
  completed = false;
  /** Matches: `-m` and its name word (absent for the match `-p` loads implicitly). */
  readonly matchWord: Word | undefined;
  readonly nameWord: Word | undefined;
  readonly implicit: boolean;
  start: number;
  /** Targets: `-j`/`-g`. */
  readonly flagWord: Word | undefined;
  readonly goto: boolean;
  constructor(
    def: ExtDef | undefined,
    name: string,
    matchWord: Word | undefined,
    nameWord: Word | undefined,
    implicit: boolean,
    start: number,
    flagWord: Word | undefined,
    goto: boolean,
  ) {
    this.def = def;
    this.index = def ? indexOf(def) : undefined;
    this.name = name;
    this.matchWord = matchWord;
    this.nameWord = nameWord;
    this.implicit = implicit;
    this.start = start;
    this.flagWord = flagWord;
    this.goto = goto;
  }
}
type LoadedExt = Loaded;
/** A loaded match: always has its definition. */
type LoadedMatch = Loaded & { readonly def: ExtDef; readonly index: ExtIndex };
/** A loaded target: always has its `-j`/`-g` and name words. */
type LoadedTarget = Loaded & { readonly flagWord: Word; readonly nameWord: Word };

const EMPTY_RANGE = (at: number): TextRange => ({ start: at, end: at });
/** `{ start: a.start, end: b.end }`; `a` itself when both are the same range (ranges are never mutated). */
const rangeFrom = (a: TextRange, b: TextRange): TextRange => (a === b ? a : { start: a.start, end: b.end });
/** Shared empty lists of AST nodes (read-only, like every AST list). */
const NO_WORDS: readonly Word[] = Object.freeze([]) as readonly Word[];
const NO_OPTIONS: readonly IptOption[] = Object.freeze([]) as readonly IptOption[];
const NO_MATCHES: readonly IptMatch[] = Object.freeze([]) as readonly IptMatch[];

/** Never appended to: the problem list of a parser not yet `reset`. */
const NO_PROBLEMS: SyntaxProblem[] = [];
const DEFAULT_OPTIONS: ParseIptablesOptions = Object.freeze({ family: 'ipv4' as const });
const CTX_V4: ValueContext = Object.freeze({ family: 'ipv4' as const });
const CTX_V6: ValueContext = Object.freeze({ family: 'ipv6' as const });

const TAKES_CHAIN: ReadonlySet<string> = new Set(['append', 'check', 'delete', 'replace', 'insert', 'new-chain', 'rename-chain', 'policy']);
const STANDARD_TARGETS: ReadonlySet<string> = new Set(['ACCEPT', 'DROP', 'RETURN', 'QUEUE']);
const DIGITS = /^[0-9]+$/;

const isOperand = (w: Word): boolean => w.text !== '' && !w.text.startsWith('-') && w.text !== '!';

/** An exact-size copy of a list built by `push` (which leaves spare capacity behind). */
function exact<T>(list: T[], empty: readonly T[]): readonly T[] {
  switch (list.length) {
    case 0:
      return empty;
    case 1:
      return [list[0]!];
    case 2:
      return [list[0]!, list[1]!];
    default:
      return list.slice();
  }
}

const NO_LOADED: readonly Loaded[] = Object.freeze([]) as readonly Loaded[];

/**
 * `list` with `item` appended; a one-element literal when there is no list yet. Most rules load one
 * or two extensions: a literal is sized exactly, where the first `push` onto `[]` reserves 17 slots.
 */
function append<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}

/** The AST list of a loaded extension's options (see `Loaded.options`). */
function finalOptions(list: IptOption[] | undefined): readonly IptOption[] {
  if (list === undefined) return NO_OPTIONS;
  return list.length === 1 ? list : exact(list, NO_OPTIONS);
}

type ParamFlag = 'p' | 's' | 'd' | 'i' | 'o' | 'f';
function paramWhat(flag: ParamFlag): string | undefined {
  switch (flag) {
    case 'p':
      return 'a protocol';
    case 's':
    case 'd':
      return 'an address';
    case 'i':
    case 'o':
      return 'an interface name';
    default:
      return undefined;
  }
}

const AMBIGUOUS = 'ambiguous';

/**
 * Value checks are pure functions of the value and the family; option values recur (ports,
 * states, rates), so results are kept per check and family (at most `CHECK_MEMO_MAX` values each).
 * Each `OptInfo` holds its checks' memos, so a lookup is one `Map.get` by value. A memo that is
 * full and mostly misses (values that do not recur: comments, addresses, marks) is no longer
 * consulted: looking up costs more than checking then.
 */
class Memo {
  readonly results = new Map<string, string | null>();
  hits = 0;
  misses = 0;
  off = false;
}
const CHECK_MEMO_MAX = 2048;
const checkMemos = { ipv4: new Map<ValueCheck, Memo>(), ipv6: new Map<ValueCheck, Memo>() };
function memoOf(check: ValueCheck, family: IptFamily): Memo {
  const byCheck = checkMemos[family];
  let memo = byCheck.get(check);
  if (!memo) byCheck.set(check, (memo = new Memo()));
  return memo;
}
function checkMemo(check: ValueCheck, memo: Memo, value: string, ctx: ValueContext): string | undefined {
  // Long values (addresses with masks, comments, ...) rarely recur: check them directly.
  if (value.length > 24 || memo.off) return check(value, ctx);
  const results = memo.results;
  const hit = results.get(value);
  if (hit !== undefined) {
    memo.hits++;
    return hit ?? undefined;
  }
  const r = check(value, ctx);
  // Counted and compared on every miss (not only once full), so the compiled code has seen it.
  const wasted = ++memo.misses > CHECK_MEMO_MAX + 1024 + 4 * memo.hits;
  if (results.size < CHECK_MEMO_MAX) results.set(detach(value), r === undefined ? null : detach(r));
  else if (wasted) {
    memo.off = true;
    results.clear();
  }
  return r;
}

/**
 * The state of one `parseIptablesArgs` call. A class rather than closures over locals, so a call
 * allocates one object instead of a context and a dozen functions.
 */
class ArgParser {
  words: readonly Word[] = NO_WORDS;
  options: ParseIptablesOptions = DEFAULT_OPTIONS;
  family: IptFamily = 'ipv4';
  ctx: ValueContext = CTX_V4;
  prog = 'iptables';
  problems: SyntaxProblem[] = NO_PROBLEMS;

  table = 'filter';
  tableWord: Word | undefined = undefined;
  kind: IptCommandKind | undefined = undefined;
  commandWord: Word | undefined = undefined;
  chain: Word | undefined = undefined;
  ruleNumber: { value: number; word: Word } | undefined = undefined;
  policy: Word | undefined = undefined;
  newName: Word | undefined = undefined;
  globals: Word[] | undefined = undefined;
  pP: IptParam | undefined = undefined;
  pS: IptParam | undefined = undefined;
  pD: IptParam | undefined = undefined;
  pI: IptParam | undefined = undefined;
  pO: IptParam | undefined = undefined;
  pF: IptParam | undefined = undefined;
  /** Loaded matches; like `loadOrder`, absent until the first (see `append`). */
  matches: LoadedMatch[] | undefined = undefined;
  target: LoadedTarget | undefined = undefined;
  counters: IptRuleSpec['counters'] = undefined;
  protoUsed = false;
  ruleStart = -1;
  ruleEnd = -1;
  /** Open extensions in load order; getopt looks options up newest first (libxtables merges new options in front). */
  loadOrder: LoadedExt[] | undefined = undefined;
  /** The option definition `resolveExt` found. */
  resolved: OptInfo | undefined = undefined;
  invert: Word | undefined = undefined;
  i = 0;
  /** Set by the other family's `-4`/`-6` in restore input: stop reading, the line is skipped. */
  skipped = false;
  /** Problems iptables reports only after reading the whole line (addresses): dropped when it is skipped. */
  deferred: SyntaxProblem[] | undefined = undefined;

  /**
   * Prepares for its one call. The fields that do not depend on the call already hold their
   * initial values (each call has a fresh parser), so only these are set.
   */
  init(words: readonly Word[], options: ParseIptablesOptions, problems: SyntaxProblem[]): void {
    this.problems = problems;
    this.words = words;
    this.options = options;
    this.family = options.family;
    this.ctx = options.family === 'ipv4' ? CTX_V4 : CTX_V6;
    this.prog = options.family === 'ipv4' ? 'iptables' : 'ip6tables';
    this.table = options.table ?? 'filter';
  }

  problem(range: TextRange, message: string): void {
    this.problems.push({ range, message });
  }

  markRule(r: TextRange): void {
    if (this.ruleStart < 0 || r.start < this.ruleStart) this.ruleStart = r.start;
    if (r.end > this.ruleEnd) this.ruleEnd = r.end;
  }

  param(flag: ParamFlag): IptParam | undefined {
    switch (flag) {
      case 'p':
        return this.pP;
      case 's':
        return this.pS;
      case 'd':
        return this.pD;
      case 'i':
        return this.pI;
      case 'o':
        return this.pO;
      default:
        return this.pF;
    }
  }

  /** Takes the argument of an option: the `=value` / attached part, else the next word. */
  takeArg(attached: Word | undefined, optWord: Word, display: string, what: string): Word | undefined {
    if (attached) return attached;
    const next = this.words[this.i + 1];
    if (!next) {
      this.problem(optWord.range, `option \`${display}' requires an argument (${what})`);
      return undefined;
    }
    this.i++;
    return next;
  }

  /** An optional argument: the attached part, else the next word when `number` (digits only) or an operand. */
  optionalArg(attached: Word | undefined, number: boolean): Word | undefined {
    if (attached) return attached;
    const next = this.words[this.i + 1];
    if (next && (number ? DIGITS.test(next.text) : isOperand(next))) {
      this.i++;
      return next;
    }
    return undefined;
  }

  setCommand(id: IptCommandKind, word: Word, attached: Word | undefined, display: string): void {
    if (this.invert) {
      this.problem(this.invert.range, `\`!' cannot be used before ${display}`);
      this.invert = undefined;
    }
    if (this.kind) {
      this.problem(word.range, `cannot use ${display} together with ${COMMAND_LETTER[this.kind]}: one command per invocation`);
    }
    this.kind = id;
    this.commandWord = word;
    if (TAKES_CHAIN.has(id)) {
      const c = this.takeArg(attached, word, display, 'a chain name');
      if (!c) return;
      this.chain = c;
      if (c.text.startsWith('-') || c.text === '!') this.problem(c.range, `${display} needs a chain name, but found \`${c.text}'`);
    } else {
      const c = this.optionalArg(attached, false);
      if (c) this.chain = c;
    }
    switch (id) {
      case 'insert':
      case 'delete':
      case 'zero':
      case 'list':
      case 'list-rules':
        if (this.chain) this.num(id, word, display, false);
        break;
      case 'replace':
        if (this.chain) this.num(id, word, display, true);
        break;
      case 'rename-chain': {
        if (!this.chain) break;
        const n = this.takeArg(undefined, word, display, 'the new chain name');
        if (n) this.newName = n;
        break;
      }
      case 'policy': {
        if (!this.chain) break;
        const p = this.takeArg(undefined, word, display, 'ACCEPT or DROP');
        if (p) this.policy = p;
        break;
      }
      default:
        break;
    }
  }

  /** The rule number after the chain of -I/-D/-R/-Z/-L/-S. */
  num(id: IptCommandKind, word: Word, display: string, required: boolean): void {
    const next = this.words[this.i + 1];
    if (next && DIGITS.test(next.text)) {
      this.i++;
      const value = Number(next.text);
      if (value < 1) this.problem(next.range, `invalid rule number \`${next.text}' (rule numbers start at 1)`);
      this.ruleNumber = { value, word: next };
    } else if (next && id !== 'delete' && id !== 'insert' && isOperand(next) && /^-?[0-9]/.test(next.text)) {
      this.i++;
      this.problem(next.range, `invalid rule number \`${next.text}'`);
    } else if (required) {
      this.problem(word.range, `${display} needs a rule number after the chain (e.g. \`${display} ${this.chain?.text ?? 'INPUT'} 1 ...')`);
    }
  }

  setParam(flag: ParamFlag, word: Word, attached: Word | undefined, display: string): void {
    const neg = this.invert;
    this.invert = undefined;
    if (this.param(flag)) this.problem(word.range, `multiple -${flag} flags not allowed`);
    let value: Word | undefined;
    if (flag !== 'f') {
      const what = paramWhat(flag)!;
      value = this.takeArg(attached, word, display, what);
      if (!value) return;
      if (value.text === '!') {
        this.problem(value.range, `\`${display} ! VALUE' is the old negation syntax; write \`! ${display} VALUE' instead`);
        const real = this.words[this.i + 1];
        if (real) {
          this.i++;
          value = real;
        }
      } else if (value.text.startsWith('-') && value.text.length > 1) {
        this.problem(value.range, `${display} needs ${what}, but found option \`${value.text}'`);
      } else {
        let reason: string | undefined;
        if (flag === 'p') {
          reason = protocolCheck(value.text, this.ctx);
          if (!reason && neg && (value.text === '0' || value.text.toLowerCase() === 'all')) reason = 'rule would never match protocol';
        } else if (flag === 's' || flag === 'd') {
          reason = addressList(value.text, this.ctx);
          if (!reason && neg && value.text.includes(',')) reason = '! is not allowed with multiple addresses; write one rule per address';
          if (reason && this.options.restore) {
            // iptables parses addresses after the whole line (so not on a line it skips).
            const problem = { range: value.range, message: `bad ${display} value: ${reason}` };
            this.problems.push(problem);
            (this.deferred ??= []).push(problem);
            reason = undefined;
          }
        } else reason = interfaceName(value.text);
        if (reason) this.problem(value.range, `bad ${display} value: ${reason}`);
      }
    } else if (this.family === 'ipv6') {
      this.problem(word.range, "`-f' is not supported in IPv6, use -m frag instead");
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
    switch (flag) {
      case 'p':
        this.pP = p;
        break;
      case 's':
        this.pS = p;
        break;
      case 'd':
        this.pD = p;
        break;
      case 'i':
        this.pI = p;
        break;
      case 'o':
        this.pO = p;
        break;
      default:
        this.pF = p;
    }
    this.markRule(p.range);
  }

  loadMatch(def: ExtDef, name: string, implicit: boolean, matchWord?: Word, nameWord?: Word): LoadedMatch {
    // At most one match per name is still open: the newest. Completing it also drops it from
    // `loadOrder`, which `resolveExt` walks and which thus holds only open extensions (linear in `-m`s).
    // The newest earlier match of this name: a scan back, not a Map per rule (which costs more). It
    // stops at the first match of the name, so it passes at most one match per other module name.
    const loaded = (this.matches ?? NO_LOADED) as readonly LoadedMatch[];
    let prev: LoadedMatch | undefined;
    for (let k = loaded.length - 1; k >= 0; k--) {
      if (loaded[k]!.name === name) {
        prev = loaded[k];
        break;
      }
    }
    if (prev) {
      prev.completed = true;
      // Every loaded match is in `loadOrder` too, so it exists here.
      const order = this.loadOrder!;
      const at = order.lastIndexOf(prev);
      if (at >= 0) order.splice(at, 1);
    }
    const lm = new Loaded(
      def,
      name,
      matchWord,
      nameWord,
      implicit,
      (matchWord ?? nameWord)?.range.start ?? this.words[this.i]?.range.start ?? 0,
      undefined,
      false,
    ) as LoadedMatch;
    this.matches = append(this.matches, lm);
    this.loadOrder = append(this.loadOrder, lm);
    return lm;
  }

  /**
   * Resolves a long option against open extensions (newest first): exact, then unique prefix.
   * Returns the owner (its option definition in `resolved`), `AMBIGUOUS`, or undefined.
   */
  resolveExt(name: string): LoadedExt | typeof AMBIGUOUS | undefined {
    const order = this.loadOrder ?? NO_LOADED;
    for (let k = order.length - 1; k >= 0; k--) {
      const e = order[k]!;
      if (!e.index || e.completed) continue;
      const o = e.index.byName.get(name);
      if (o) {
        this.resolved = o;
        return e;
      }
    }
    let found: LoadedExt | undefined;
    let foundDef: OptInfo | undefined;
    let count = 0;
    for (let k = order.length - 1; k >= 0; k--) {
      const e = order[k]!;
      if (!e.index || e.completed) continue;
      for (const o of e.index.opts) {
        if (o.name.startsWith(name)) {
          // Same definition object (not just the same `OptInfo`): what getopt sees as one option.
          if (!found || foundDef!.def !== o.def) count++;
          if (!found) {
            found = e;
            foundDef = o;
          }
        }
      }
    }
    if (count > 1) return AMBIGUOUS;
    this.resolved = foundDef;
    return found;
  }

  extOption(owner: LoadedExt, def: OptInfo, word: Word, attached: Word | undefined, display: string): void {
    const neg = this.invert;
    this.invert = undefined;
    const extName = owner.name;
    const list = owner.options ?? NO_OPTIONS;
    const canonical = def.canonical;
    if (neg && !def.invert) this.problem(rangeFrom(neg.range, word.range), `${extName}: option \`--${def.name}' cannot be inverted`);
    if (!def.multi) {
      for (let k = 0; k < list.length; k++) {
        if (list[k]!.name === canonical) {
          this.problem(word.range, `${extName}: option \`--${def.name}' can only be used once`);
          break;
        }
      }
    }
    if (list.length) {
      const byCanonical = owner.index?.byCanonical;
      for (const other of list) {
        const otherDef = byCanonical?.get(other.name);
        if (def.excl.includes(other.name) || otherDef?.excl.includes(canonical) || (otherDef && def.excl.includes(otherDef.name))) {
          this.problem(word.range, `${extName}: option \`--${def.name}' cannot be used together with \`--${other.name}'`);
          break;
        }
      }
    }
    let a: Word | undefined;
    let b: Word | undefined;
    if (def.arity === 1 || def.arity === 2) {
      a = this.takeArg(attached, word, display, 'a value');
      if (a && def.arity === 2) b = this.takeArg(undefined, word, display, 'a second value');
    } else if (def.arity === 'optional') {
      a = this.optionalArg(attached, false);
    } else if (attached) {
      this.problem(attached.range, `option \`--${def.name}' takes no value`);
    }
    const v4 = this.family === 'ipv4';
    if (a && def.check) this.checkValue(a, def.check, (v4 ? def.memo4 : def.memo6)!, extName, def);
    if (b && def.check2) this.checkValue(b, def.check2, (v4 ? def.memo2v4 : def.memo2v6)!, extName, def);
    const last = b ?? a ?? word;
    const o: IptOption = {
      type: 'IptOption',
      name: canonical,
      nameWord: word,
      negated: !!neg,
      negationRange: neg ? neg.range : undefined,
      args: b ? [a!, b] : a ? [a] : NO_WORDS,
      range: rangeFrom(neg ? neg.range : word.range, last.range),
    };
    if (owner.options) owner.options.push(o);
    else owner.options = [o];
    this.markRule(o.range);
  }

  checkValue(a: Word, check: ValueCheck, memo: Memo, extName: string, def: OptInfo): void {
    const reason = checkMemo(check, memo, a.text, this.ctx);
    if (!reason) return;
    if (a.text.startsWith('-') && a.text.length > 1 && !/^-[0-9]/.test(a.text)) {
      this.problem(a.range, `${extName}: option \`--${def.name}' needs a value, but found option \`${a.text}'`);
    } else {
      this.problem(a.range, `${extName}: bad value \`${a.text}' for option \`--${def.name}': ${reason}`);
    }
  }

  protocolName(): string | undefined {
    const p = this.pP;
    if (!p?.value || p.negated) return undefined;
    return p.value.text.toLowerCase();
  }

  /** Handles an option that is neither a base option nor known to a loaded extension. */
  unknownOption(name: string, word: Word, attached: Word | undefined, display: string): void {
    const proto = this.pP?.value?.text;
    if (proto && !this.protoUsed) {
      const mname = protocolMatchName(proto, this.family);
      const def = mname ? findMatch(mname, this.family) : undefined;
      if (def && mname) {
        this.protoUsed = true;
        const lm = this.loadMatch(def, mname, true);
        lm.start = (this.invert ?? word).range.start;
        const owner = this.resolveExt(name);
        if (owner && owner !== AMBIGUOUS) {
          this.extOption(owner, this.resolved!, word, attached, display);
          return;
        }
      }
    }
    if (this.invert) this.invert = undefined;
    const hint = HINTS[name];
    this.problem(word.range, hint ? `unknown option \`${display}': it needs \`${hint}' before it` : `unknown option \`${display}'`);
    // Skip a likely argument so one mistake gives one problem.
    const next = this.words[this.i + 1];
    if (!attached && next && isOperand(next)) this.i++;
  }

  /** `!` before an option that cannot be negated. */
  noInvert(display: string, extra = ''): void {
    if (this.invert) {
      this.problem(this.invert.range, `\`!' cannot be used before ${display}${extra}`);
      this.invert = undefined;
    }
  }

  baseOption(base: BaseOpt, word: Word, attached: Word | undefined, display: string): void {
    const id = base.id;
    const family = this.family;
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
        this.setCommand(id, word, attached, display);
        return;
      case 'in-interface':
        this.setParam('i', word, attached, display);
        return;
      case 'out-interface':
        this.setParam('o', word, attached, display);
        return;
      case 'protocol':
        this.setParam('p', word, attached, display);
        return;
      case 'source':
        this.setParam('s', word, attached, display);
        return;
      case 'destination':
        this.setParam('d', word, attached, display);
        return;
      case 'fragment':
        this.setParam('f', word, attached, display);
        return;
      case 'jump':
      case 'goto': {
        this.noInvert(display);
        if (this.target) this.problem(word.range, `multiple -j/-g flags not allowed`);
        const nameWord = this.takeArg(attached, word, display, id === 'jump' ? 'a target or chain' : 'a chain');
        if (!nameWord) return;
        if (nameWord.text.startsWith('-') || nameWord.text === '') {
          this.problem(nameWord.range, `${display} needs a target or chain name, but found \`${nameWord.text}'`);
        } else if (nameWord.text.length > 28 && !findTarget(nameWord.text, family)) {
          this.problem(nameWord.range, `chain name \`${nameWord.text}' too long (must be under 29 chars)`);
        }
        const def = id === 'jump' ? findTarget(nameWord.text, family) : undefined;
        const t = new Loaded(def, nameWord.text, undefined, nameWord, false, -1, word, id === 'goto') as LoadedTarget;
        this.target = t;
        if (def && def.options.length) this.loadOrder = append(this.loadOrder, t);
        this.markRule(rangeFrom(word.range, nameWord.range));
        return;
      }
      case 'match': {
        this.noInvert(display, "; put it before the module's option");
        const nameWord = this.takeArg(attached, word, display, 'a match module name');
        if (!nameWord) return;
        this.markRule(rangeFrom(word.range, nameWord.range));
        if (nameWord.text.startsWith('-')) {
          const opt = nameWord.text.replace(/^-+/, '').split('=')[0]!;
          const mod = MODULE_FOR_OPTION[opt];
          this.problem(
            nameWord.range,
            `${display} needs a match module name, but found option \`${nameWord.text}'` + (mod ? `; write \`-m ${mod} ${nameWord.text}'` : ''),
          );
          // Recover: load the module the option most likely belongs to and re-read the option, so
          // one mistake gives one problem.
          const guess = mod ? findMatch(mod, family) : undefined;
          if (guess && !attached) {
            this.loadMatch(guess, guess.name, false, word);
            this.i--;
          }
          return;
        }
        const def = findMatch(nameWord.text, family);
        if (!def) {
          this.problem(nameWord.range, `couldn't load match \`${nameWord.text}': no such ${this.prog} match module`);
          return;
        }
        const name = def.name;
        this.loadMatch(def, name, false, word, nameWord);
        if (protocolMatchName(this.pP?.value?.text ?? '', family) === name) this.protoUsed = true;
        return;
      }
      case 'table': {
        this.noInvert(display);
        const t = this.takeArg(attached, word, display, 'a table name');
        if (!t) return;
        if (this.options.restore) this.problem(rangeFrom(word.range, t.range), 'the -t option cannot be used in iptables-restore input; put the rule under its `*table` line');
        if (!(TABLES as readonly string[]).includes(t.text)) this.problem(t.range, `table \`${t.text}' does not exist (use filter, nat, mangle, raw or security)`);
        this.table = t.text;
        this.tableWord = t;
        return;
      }
      case 'set-counters': {
        const a = this.takeArg(attached, word, display, 'packet and byte counters');
        if (!a) return;
        let packets = a.text;
        let bytes: string | undefined;
        let end = a.range;
        if (a.text.includes(',')) {
          [packets, bytes] = a.text.split(',') as [string, string];
        } else {
          const b = this.words[this.i + 1];
          if (b) {
            this.i++;
            bytes = b.text;
            end = b.range;
          }
        }
        if (!packets || bytes === undefined || bytes === '') this.problem(rangeFrom(word.range, end), '-c requires packet and byte counters (`-c PACKETS BYTES`)');
        else if (!DIGITS.test(packets)) this.problem(a.range, '-c packet counter not numeric');
        else if (!DIGITS.test(bytes)) this.problem(end, '-c byte counter not numeric');
        const counters = { packets, bytes: bytes ?? '', range: { start: word.range.start, end: end.end } };
        this.counters = counters;
        this.markRule(counters.range);
        return;
      }
      case 'wait':
      case 'wait-interval': {
        const v = this.optionalArg(attached, true);
        if (this.options.restore) this.problem(word.range, `${display} is not accepted in iptables-restore input`);
        const g = (this.globals ??= []);
        g.push(word);
        if (v) g.push(v);
        return;
      }
      case 'modprobe': {
        const v = this.takeArg(attached, word, display, 'a program path');
        const g = (this.globals ??= []);
        g.push(word);
        if (v) g.push(v);
        return;
      }
      case 'ipv4':
      case 'ipv6':
        if ((id === 'ipv4') !== (family === 'ipv4') && this.options.restore) {
          // iptables-restore skips a `-6` line, ip6tables-restore a `-4` line (do_parse returns).
          this.skipped = true;
          (this.globals ??= []).push(word);
          return;
        }
        if ((id === 'ipv4') !== (family === 'ipv4')) this.problem(word.range, `${display} is for ${id === 'ipv4' ? 'iptables' : 'ip6tables'}; this is ${this.prog}`);
        (this.globals ??= []).push(word);
        return;
      default:
        this.noInvert(display);
        (this.globals ??= []).push(word);
        return;
    }
  }

  /** Reads every word. */
  readWords(): void {
    const words = this.words;
    for (this.i = 0; this.i < words.length && !this.skipped; this.i++) {
      const w = words[this.i]!;
      const t = w.text;
      if (t === '!') {
        if (this.invert) this.problem(w.range, 'multiple consecutive ! not allowed');
        this.invert = w;
        continue;
      }
      if (t.length > 2 && t.charCodeAt(0) === 45 && t.charCodeAt(1) === 45) {
        // One lookup by the whole word for the option words that recur (`--dport`, ...).
        const known = longWords.get(t);
        const eq = known ? -1 : t.indexOf('=');
        const lw = known ?? (eq < 0 ? longWord(t) : resolveLong(t.slice(2, eq)));
        const name = lw.name;
        const attached: Word | undefined =
          eq < 0 ? undefined : { text: t.slice(eq + 1), range: { start: w.range.end - (t.length - eq - 1), end: w.range.end } };
        if (lw.base) {
          this.baseOption(lw.base, w, attached, lw.display!);
          continue;
        }
        const owner = this.resolveExt(name);
        if (owner === AMBIGUOUS) {
          this.problem(w.range, `option \`--${name}' is ambiguous; write the full option name`);
          this.invert = undefined;
          continue;
        }
        if (owner) {
          const def = this.resolved!;
          this.extOption(owner, def, w, attached, def.display);
          continue;
        }
        const prefixed = [...LONG.keys()].filter((k) => k.startsWith(name));
        const bases = new Set(prefixed.map((k) => LONG.get(k)!.id));
        if (bases.size === 1) {
          this.baseOption(LONG.get(prefixed[0]!)!, w, attached, `--${prefixed[0]}`);
          continue;
        }
        this.unknownOption(name, w, attached, `--${name}`);
        continue;
      }
      if (t.length > 1 && t.charCodeAt(0) === 45 && t !== '--') {
        // A cluster of short options: `-vn`, `-ptcp`, `-A`.
        let k = 1;
        while (k < t.length) {
          const code = t.charCodeAt(k);
          const short = code < 128 ? SHORT_BY_CODE[code] : undefined;
          if (!short) {
            this.problem(w.range, `unknown option \`-${t[k]!}'`);
            break;
          }
          const base = short.base;
          const display = short.display;
          if (base.arity === 0) {
            this.baseOption(base, w, undefined, display);
            if (this.skipped) break;
            k++;
            continue;
          }
          const attached: Word | undefined = k + 1 < t.length ? { text: t.slice(k + 1), range: { start: w.range.start + k + 1, end: w.range.end } } : undefined;
          this.baseOption(base, w, attached, display);
          break;
        }
        continue;
      }
      if (this.invert) {
        this.problem(this.invert.range, `\`!' must be followed by an option (e.g. \`! -s 10.0.0.0/8')`);
        this.invert = undefined;
      }
      this.problem(w.range, badArgument(t));
    }
    if (this.skipped) {
      this.invert = undefined;
      const deferred = this.deferred;
      if (deferred) {
        for (const d of deferred) {
          const at = this.problems.lastIndexOf(d);
          if (at >= 0) this.problems.splice(at, 1);
        }
      }
      return;
    }
    if (this.invert) this.problem(this.invert.range, '`!\' at the end of the command negates nothing');
  }

  /** The command of a skipped line: what was read before `-4`/`-6`, no rule and no final checks. */
  skippedCommand(lineRange: TextRange | undefined): IptCommand {
    const words = this.words;
    const allRange =
      words.length === 0
        ? EMPTY_RANGE(0)
        : lineRange && lineRange.start === words[0]!.range.start && lineRange.end === words[words.length - 1]!.range.end
          ? lineRange
          : rangeFrom(words[0]!.range, words[words.length - 1]!.range);
    return {
      type: 'IptCommand',
      family: this.family,
      table: this.table,
      tableWord: this.tableWord,
      kind: this.kind,
      commandWord: this.commandWord,
      chain: this.chain,
      ruleNumber: this.ruleNumber,
      policy: this.policy,
      newName: this.newName,
      rule: undefined,
      globals: this.globals ?? NO_WORDS,
      range: allRange,
    };
  }

  /** Final checks and the AST; `lineRange` is the command's range when it spans exactly the same text. */
  finish(lineRange?: TextRange): IptCommand {
    const words = this.words;
    const family = this.family;
    if (this.skipped) return this.skippedCommand(lineRange);
    // Final checks (xtables x6_fcheck / mandatory options), in order.
    const proto = this.protocolName();
    const protoNum = proto !== undefined ? protocolNumber(proto) : undefined;
    const loaded = this.matches;
    let matchNodes: readonly IptMatch[] = NO_MATCHES;
    if (loaded) {
      const nodes: IptMatch[] = new Array(loaded.length);
      for (let k = 0; k < loaded.length; k++) {
        const m = loaded[k]!;
        const node = buildMatch(m);
        nodes[k] = node;
        finalChecks(m.index, m.name, node.options, node.nameWord?.range ?? node.range, proto, protoNum, family, this);
      }
      matchNodes = nodes;
    }
    let targetNode: IptTarget | undefined;
    const target = this.target;
    if (target) {
      const options = finalOptions(target.options);
      const last = options[options.length - 1]?.range ?? target.nameWord.range;
      targetNode = {
        type: 'IptTarget',
        name: target.name,
        kind: target.def ? (STANDARD_TARGETS.has(target.name) ? 'standard' : 'extension') : 'chain',
        goto: target.goto,
        flagWord: target.flagWord,
        nameWord: target.nameWord,
        options,
        range: rangeFrom(target.flagWord.range, last),
      };
      if (target.def) finalChecks(target.index!, target.name, options, target.nameWord.range, proto, protoNum, family, this);
    }

    const kind = this.kind;
    const ruleNumber = this.ruleNumber;
    let allRange: TextRange;
    if (words.length === 0) allRange = EMPTY_RANGE(0);
    else {
      const a = words[0]!.range;
      const b = words[words.length - 1]!.range;
      allRange = lineRange && lineRange.start === a.start && lineRange.end === b.end ? lineRange : rangeFrom(a, b);
    }
    if (!kind) {
      this.problem(allRange, `no command specified (use -A, -I, -D, -N, -P, ... with a chain)`);
    } else if (!RULE_COMMANDS.has(kind) && !(kind === 'delete')) {
      const first = [this.pP, this.pS, this.pD, this.pI, this.pO, this.pF].find(Boolean) ?? matchNodes[0] ?? targetNode;
      if (first) this.problem(first.range, `${COMMAND_LETTER[kind]} takes no rule options; remove them or use -A/-I/-D`);
    }
    if (kind === 'delete' && ruleNumber && this.ruleStart >= 0 && this.ruleStart > ruleNumber.word.range.end) {
      this.problem({ start: this.ruleStart, end: this.ruleEnd }, '-D with a rule number takes no rule options');
    }
    if (kind === 'new-chain' && this.chain) {
      const reason = chainNameProblem(this.chain.text);
      if (reason) this.problem(this.chain.range, reason);
    }
    if (kind === 'rename-chain' && this.newName) {
      const reason = chainNameProblem(this.newName.text);
      if (reason) this.problem(this.newName.range, reason);
    }

    const hasRule = kind !== undefined && RULE_COMMANDS.has(kind) && !(kind === 'delete' && ruleNumber);
    const rule: IptRuleSpec | undefined = hasRule
      ? {
          type: 'IptRuleSpec',
          protocol: this.pP,
          source: this.pS,
          destination: this.pD,
          inInterface: this.pI,
          outInterface: this.pO,
          fragment: this.pF,
          matches: matchNodes,
          target: targetNode,
          counters: this.counters,
          range:
            this.ruleStart >= 0
              ? { start: this.ruleStart, end: this.ruleEnd }
              : EMPTY_RANGE((ruleNumber?.word ?? this.chain ?? this.commandWord)?.range.end ?? allRange.end),
        }
      : undefined;

    return {
      type: 'IptCommand',
      family,
      table: this.table,
      tableWord: this.tableWord,
      kind: kind,
      commandWord: this.commandWord,
      chain: this.chain,
      ruleNumber: ruleNumber,
      policy: this.policy,
      newName: this.newName,
      rule: rule,
      globals: this.globals ?? NO_WORDS,
      range: allRange,
    };
  }
}

/**
 * Parses one iptables/ip6tables invocation given as argv words (without the program name), the
 * way iptables' getopt-driven `do_parse` does: commands, basic parameters, `!` negation, `-m`
 * modules and `-j` targets with their options, each option's arguments validated. Never throws.
 * Problems are what iptables itself refuses while parsing; table/chain checks are `checkIptCommand`.
 */
export function parseIptablesArgs(words: readonly Word[], options: ParseIptablesOptions): ParseResult<IptCommand> {
  const problems: SyntaxProblem[] = [];
  const ast = parseArgsInto(words, options, problems);
  return { ast, problems };
}

/** `parseIptablesArgs`, appending its problems to `problems` (for `parseIptablesSave`). */
export function parseArgsInto(
  words: readonly Word[],
  options: ParseIptablesOptions,
  problems: SyntaxProblem[],
  lineRange?: TextRange,
  out?: ParseOut,
): IptCommand {
  // A fresh parser per call: a reused one would live in the old generation, and every young
  // node stored into it would cost a write barrier and a remembered-set entry.
  const p = new ArgParser();
  p.init(words, options, problems);
  p.readWords();
  const cmd = p.finish(lineRange);
  if (out) out.skipped = p.skipped;
  return cmd;
}

/** A `--name` option word without `=`: its name, and the base option it names exactly with its display. */
interface LongWord {
  readonly name: string;
  readonly base: BaseOpt | undefined;
  readonly display: string | undefined;
}
function resolveLong(name: string): LongWord {
  const base = LONG.get(name);
  return { name, base, display: base ? LONG_DISPLAY.get(name) : undefined };
}
/** `LongWord`s by word text, kept for the words that recur (`--dport`, ...); bounded. */
const longWords = new Map<string, LongWord>();
/** The `LongWord` of `t` (which holds no `=`), kept when there is room. */
function longWord(t: string): LongWord {
  if (longWords.size >= 4096 || t.length > 40) return resolveLong(t.slice(2));
  const lw = resolveLong(detach(t.slice(2)));
  longWords.set(detach(t), lw);
  return lw;
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


function buildMatch(m: LoadedMatch): IptMatch {
  const options = finalOptions(m.options);
  const first = m.matchWord?.range ?? options[0]?.range ?? { start: m.start, end: m.start };
  const last = options[options.length - 1]?.range ?? m.nameWord?.range ?? first;
  const start = Math.min(first.start, m.start);
  return {
    type: 'IptMatch',
    name: m.name,
    matchWord: m.matchWord,
    nameWord: m.nameWord,
    implicit: m.implicit,
    options,
    range: { start, end: last.end },
  };
}


/** What a final check sees (one object per check, with `get`/`has` on the prototype). */
class FinalCtx implements FinalContext {
  readonly family: IptFamily;
  readonly options: readonly IptOption[];
  readonly protocol?: string;
  constructor(family: IptFamily, options: readonly IptOption[], protocol: string | undefined) {
    this.family = family;
    this.options = options;
    this.protocol = protocol;
  }
  get(n: string): IptOption | undefined {
    const opts = this.options;
    for (let k = opts.length - 1; k >= 0; k--) if (opts[k]!.name === n) return opts[k];
    return undefined;
  }
  has(n: string): boolean {
    return hasOption(this.options, n);
  }
}

function hasOption(opts: readonly IptOption[], n: string): boolean {
  for (let k = 0; k < opts.length; k++) if (opts[k]!.name === n) return true;
  return false;
}

function finalChecks(
  index: ExtIndex,
  name: string,
  opts: readonly IptOption[],
  at: TextRange,
  proto: string | undefined,
  protoNum: number | undefined,
  family: IptFamily,
  parser: ArgParser,
): void {
  const mandatory = index.mandatory;
  for (let k = 0; k < mandatory.length; k++) {
    const o = mandatory[k]!;
    if (!hasOption(opts, o.canonical)) {
      parser.problem(at, `${name}: option \`--${o.name}' must be specified`);
      return;
    }
  }
  if (index.hasAlso) {
    for (const o of opts) {
      const d = index.byCanonical.get(o.name);
      if (!d || d.also.length === 0) continue;
      for (const a of d.also) {
        if (!hasOption(opts, a)) parser.problem(o.nameWord.range, `${name}: option \`--${d.name}' also requires \`--${a}'`);
      }
    }
  }
  const protocols = index.userspaceProtocols;
  if (protocols) {
    let ok = false;
    for (let k = 0; k < protocols.length && !ok; k++) ok = protocols[k] === proto || protocolNumber(protocols[k]!) === protoNum;
    if (!ok) {
      parser.problem(
        at,
        index.def.name === 'multiport'
          ? 'multiport needs `-p tcp`, `-p udp`, `-p udplite`, `-p sctp` or `-p dccp` before it'
          : `${name} match requires \`-p ${protocols[0]}'`,
      );
    }
  }
  const final = index.final;
  if (final) {
    const ctx = new FinalCtx(family, opts, proto);
    const r = final(ctx);
    if (r) {
      const msg = typeof r === 'string' ? r : r.message;
      const optName = typeof r === 'string' ? undefined : r.option;
      const o = optName ? ctx.get(optName) : undefined;
      parser.problem(o ? o.range : at, msg.startsWith(name) ? msg : `${name}: ${msg}`);
    }
  }
}
