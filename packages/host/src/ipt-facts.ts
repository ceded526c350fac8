import type { IptCommand, IptOption, IptParam, IptRuleShape, IptRuleSpec, IptRuleSummary, IptSaveRule } from '@wglint/iptables';
import { canonicalRuleKey, expandAddresses, printRuleSpec, stateOptionOf } from '@wglint/iptables';
import type { Family } from './net.js';
import type { IfaceMatch, IptFacts, IptRuleFact, Origin } from './model.js';
import { type Cidr, parseCidr, type PortRange } from './net.js';

/** Modules whose options the model understands; anything else counts as an unknown restriction. */
const PORT_OPTIONS = new Set(['dport', 'destination-port', 'dports', 'destination-ports', 'ports', 'sport', 'source-port', 'sports', 'source-ports']);
const SERVICES: Readonly<Record<string, number>> = {
  ssh: 22, http: 80, https: 443, domain: 53, ntp: 123, smtp: 25, 'dhcpv6-client': 546, bootpc: 68, bootps: 67, wireguard: 51820,
};

/** Parses an iptables port spec: `22`, `1000:2000`, `1000:`, `:99`, a service name. */
export function parseIptPort(text: string): PortRange | undefined {
  const one = (s: string, dflt: number): number | undefined => {
    if (s === '') return dflt;
    if (/^\d+$/.test(s)) {
      const n = Number(s);
      return n <= 65535 ? n : undefined;
    }
    return SERVICES[s.toLowerCase()];
  };
  const parts = text.split(':');
  if (parts.length === 1) {
    const p = one(parts[0]!, -1);
    return p === undefined || p < 0 ? undefined : { from: p, to: p };
  }
  if (parts.length !== 2) return undefined;
  const a = one(parts[0]!, 0);
  const b = one(parts[1]!, 65535);
  return a === undefined || b === undefined ? undefined : { from: a, to: b };
}

function ifaceOf(p: IptParam | undefined): IfaceMatch | undefined {
  if (!p?.value) return undefined;
  const name = p.value.text;
  return { name, negated: p.negated, wildcard: name.endsWith('+') };
}

function cidrsOf(p: IptParam | undefined): { cidrs: Cidr[]; negated: boolean } | undefined {
  if (!p?.value) return undefined;
  const cidrs: Cidr[] = [];
  for (const s of p.value.text.split(',')) {
    const c = parseCidr(s);
    if (c !== undefined) cidrs.push(c);
  }
  return { cidrs, negated: p.negated };
}

function argText(o: IptOption): string {
  const args = o.args;
  if (args.length === 1) return args[0]!.text;
  let out = '';
  for (let i = 0; i < args.length; i++) out += i === 0 ? args[i]!.text : ' ' + args[i]!.text;
  return out;
}

/** Modules whose port options the model reads. */
const PORT_MODULES = new Set(['tcp', 'udp', 'multiport', 'sctp', 'udplite', 'dccp']);

type Ports = { ranges: PortRange[]; negated: boolean };

const NO_MODULES: readonly string[] = Object.freeze([]);
const NO_OPTIONS: Readonly<Record<string, string>> = Object.freeze({});

/** The ports of `--dport`/`--sport`; no ranges when a part is unknown (`$(wg show %i listen-port)`). */
function portsOf(o: IptOption | undefined): Ports | undefined {
  if (!o) return undefined;
  const ranges: PortRange[] = [];
  for (const a of o.args) {
    for (const s of a.text.split(',')) {
      const r = parseIptPort(s);
      if (r === undefined) return { ranges: [], negated: o.negated };
      ranges.push(r);
    }
  }
  return { ranges, negated: o.negated };
}

type States = { readonly values: readonly string[]; readonly negated: boolean };

/** `--ctstate` values seen so far (a dump repeats a handful of them), shared and frozen. */
const statesSeen = new Map<string, States>();
const MAX_STATES_SEEN = 1024;

function statesOf(o: IptOption | undefined): States | undefined {
  return o ? statesFrom(o.negated, o.args.map((a) => a.text)) : undefined;
}

/** The states of a `--ctstate`/`--state` option with these arguments. */
function statesFrom(negated: boolean, args: readonly string[]): States {
  const key = `${negated ? 1 : 0}${args.length === 1 ? args[0]! : args.join('\u0000')}`;
  let st = statesSeen.get(key);
  if (st) return st;
  const values: string[] = [];
  for (const a of args) for (const v of a.toUpperCase().split(',')) if (v) values.push(v);
  st = Object.freeze({ values: Object.freeze(values), negated });
  if (statesSeen.size < MAX_STATES_SEEN) statesSeen.set(key, st);
  return st;
}

const OTHER = 0;
const DPORT = 1;
const SPORT = 2;
/** `--ports`: a port in either direction. */
const EITHER_PORT = 3;
const STATE = 4;

/** What the model reads from an option of a (non-comment) match: a port, the states, or nothing it understands. */
function optionRole(match: string, option: string): number {
  if (PORT_MODULES.has(match) && PORT_OPTIONS.has(option)) return option === 'ports' ? EITHER_PORT : option.startsWith('d') ? DPORT : SPORT;
  if ((match === 'conntrack' && option === 'ctstate') || (match === 'state' && option === 'state')) return STATE;
  return OTHER;
}

const HAS_OTHER = 1;
const MATCHES_ALL = 2;

/**
 * One pass over the parameters and matches: the flags, and the (last) option each of dports,
 * sports, states, mark and connmark is read from. Allocates nothing but the result.
 */
interface MatchScan {
  readonly flags: number;
  readonly dport: IptOption | undefined;
  readonly sport: IptOption | undefined;
  readonly state: IptOption | undefined;
  readonly mark: IptOption | undefined;
  readonly connmark: IptOption | undefined;
}

function scan(spec: IptRuleSpec): MatchScan {
  let dport: IptOption | undefined;
  let sport: IptOption | undefined;
  let state: IptOption | undefined;
  let mark: IptOption | undefined;
  let connmark: IptOption | undefined;
  let hasOtherMatches = false;
  const p = spec.protocol;
  // -s, -d, -i, -o restrict whenever given; -p unless it is a plain `all` / `0`.
  let restricting =
    spec.source !== undefined ||
    spec.destination !== undefined ||
    spec.inInterface !== undefined ||
    spec.outInterface !== undefined ||
    (p !== undefined && (p.negated || (p.value?.text.toLowerCase() !== 'all' && p.value?.text !== '0')));
  if (spec.fragment) {
    restricting = true;
    hasOtherMatches = true;
  }
  for (const m of spec.matches) {
    const name = m.name;
    if (name === 'comment') continue;
    for (const o of m.options) {
      restricting = true;
      const role = optionRole(name, o.name);
      if (role === OTHER) {
        if (name === 'mark' && o.name === 'mark') mark = o;
        else if (name === 'connmark' && o.name === 'mark') connmark = o;
        hasOtherMatches = true;
      } else if (role === STATE) state = o;
      else if (role === SPORT) sport = o;
      else {
        dport = o;
        if (role === EITHER_PORT) hasOtherMatches = true; // --ports matches either direction
      }
    }
  }
  return { flags: (hasOtherMatches ? HAS_OTHER : 0) | (restricting ? 0 : MATCHES_ALL), dport, sport, state, mark, connmark };
}

const shapeFlags = new WeakMap<IptRuleShape, number>();

/** `scan(spec).flags` from the spec's shape; shapes are shared between rules, so once per shape. */
function flagsOfShape(shape: IptRuleShape): number {
  let flags = shapeFlags.get(shape);
  if (flags !== undefined) return flags;
  // as `scan`: any parameter restricts (a plain `-p all` is not in the shape), -f is an other match
  let restricting = shape.params !== '';
  let hasOtherMatches = shape.params.includes('f');
  for (const m of shape.matches) {
    if (m.name === 'comment') continue;
    for (const o of m.options) {
      restricting = true;
      const role = optionRole(m.name, o);
      if (role === OTHER || role === EITHER_PORT) hasOtherMatches = true;
    }
  }
  flags = (hasOtherMatches ? HAS_OTHER : 0) | (restricting ? 0 : MATCHES_ALL);
  shapeFlags.set(shape, flags);
  return flags;
}

/** Not computed yet (distinct from a computed `undefined`). */
const UNSET: unique symbol = Symbol('unset');
type Lazy<T> = T | typeof UNSET;

/** What a rule's facts computed so far (allocated on the first question beyond the target). */
class Details {
  scan: MatchScan | undefined = undefined;
  protocol: Lazy<IptFacts['protocol']> = UNSET;
  inIface: Lazy<IfaceMatch | undefined> = UNSET;
  outIface: Lazy<IfaceMatch | undefined> = UNSET;
  source: Lazy<IptFacts['source']> = UNSET;
  destination: Lazy<IptFacts['destination']> = UNSET;
  dports: Lazy<IptFacts['dports']> = UNSET;
  sports: Lazy<IptFacts['sports']> = UNSET;
  modules: readonly string[] | undefined = undefined;
  targetOptions: Readonly<Record<string, string>> | undefined = undefined;
  specKey: string | undefined = undefined;
  ruleKeys: readonly string[] | undefined = undefined;
  cover: CoverView | undefined = undefined;
}

/**
 * `IptFacts` of one rule, read from its spec on first use: a 100k-rule dump builds one per rule,
 * most rules are only ever asked for their target, and a coverage test reads only what the
 * covering rule restricts. Each getter computes its value once and then returns the same value.
 * Three fields per rule until a question is asked.
 */
class RuleFacts implements IptFacts {
  readonly target: string | undefined;
  /** The spec, or the dump line whose AST is built only when a question needs more than the target. */
  readonly #origin: IptRuleSpec | IptSaveRule;
  readonly #family: Family;
  #d: Details | undefined;
  /** Apart from the details: a catch-all `--ctstate INVALID -j DROP` asks it of every later rule. */
  #states: Lazy<IptFacts['states']>;

  constructor(origin: IptRuleSpec | IptSaveRule, family: Family) {
    this.#origin = origin;
    this.#family = family;
    this.target = (origin.type === 'IptSaveRule' ? origin.summary.target : origin.target?.name) || undefined;
    this.#d = undefined;
    this.#states = UNSET;
  }

  get #spec(): IptRuleSpec {
    const o = this.#origin;
    return o.type === 'IptSaveRule' ? o.command.rule! : o;
  }

  #details(): Details {
    return (this.#d ??= new Details());
  }

  #s(): MatchScan {
    const d = this.#details();
    return (d.scan ??= scan(this.#spec));
  }

  get hasOtherMatches(): boolean {
    return (this.#flags() & HAS_OTHER) !== 0;
  }

  get matchesAll(): boolean {
    return (this.#flags() & MATCHES_ALL) !== 0;
  }

  #flags(): number {
    const o = this.#origin;
    const shape = o.type === 'IptSaveRule' ? o.summary.shape : undefined;
    return shape ? flagsOfShape(shape) : this.#s().flags;
  }

  get protocol(): IptFacts['protocol'] {
    const d = this.#details();
    if (d.protocol === UNSET) {
      const p = this.#spec.protocol;
      d.protocol = p?.value ? { name: p.value.text.toLowerCase(), negated: p.negated } : undefined;
    }
    return d.protocol;
  }

  get inIface(): IfaceMatch | undefined {
    const d = this.#details();
    if (d.inIface === UNSET) d.inIface = ifaceOf(this.#spec.inInterface);
    return d.inIface;
  }

  get outIface(): IfaceMatch | undefined {
    const d = this.#details();
    if (d.outIface === UNSET) d.outIface = ifaceOf(this.#spec.outInterface);
    return d.outIface;
  }

  get source(): IptFacts['source'] {
    const d = this.#details();
    if (d.source === UNSET) d.source = cidrsOf(this.#spec.source);
    return d.source;
  }

  get destination(): IptFacts['destination'] {
    const d = this.#details();
    if (d.destination === UNSET) d.destination = cidrsOf(this.#spec.destination);
    return d.destination;
  }

  get dports(): IptFacts['dports'] {
    const d = this.#details();
    if (d.dports === UNSET) d.dports = portsOf(this.#s().dport);
    return d.dports;
  }

  get sports(): IptFacts['sports'] {
    const d = this.#details();
    if (d.sports === UNSET) d.sports = portsOf(this.#s().sport);
    return d.sports;
  }

  get states(): IptFacts['states'] {
    if (this.#states === UNSET) {
      const o = this.#origin;
      if (o.type === 'IptSaveRule') {
        const s = o.summary.states;
        this.#states = s ? statesFrom(s.negated, s.args) : undefined;
      } else this.#states = statesOf(this.#d?.scan ? this.#d.scan.state : stateOptionOf(o));
    }
    return this.#states;
  }

  get markMatch(): string | undefined {
    const o = this.#s().mark;
    return (o && argText(o)) || undefined;
  }

  get connmarkMatch(): string | undefined {
    const o = this.#s().connmark;
    return (o && argText(o)) || undefined;
  }

  get modules(): readonly string[] {
    const d = this.#details();
    if (d.modules === undefined) {
      const matches = this.#spec.matches;
      d.modules = matches.length === 0 ? NO_MODULES : matches.map((m) => m.name);
    }
    return d.modules;
  }

  get targetOptions(): Readonly<Record<string, string>> {
    const d = this.#details();
    if (d.targetOptions === undefined) {
      const opts = this.#spec.target?.options;
      if (!opts || opts.length === 0) d.targetOptions = NO_OPTIONS;
      else {
        const out: Record<string, string> = {};
        for (const o of opts) out[o.name] = argText(o);
        d.targetOptions = out;
      }
    }
    return d.targetOptions;
  }

  get specKey(): string {
    const d = this.#details();
    return (d.specKey ??= printRuleSpec(this.#spec, this.#family));
  }

  get ruleKeys(): readonly string[] {
    const d = this.#details();
    if (d.ruleKeys === undefined) {
      const spec = this.#spec;
      d.ruleKeys = expandAddresses(spec).map((a) => canonicalRuleKey(spec, this.#family, a.source, a.destination));
    }
    return d.ruleKeys;
  }

  /** What `iptCovers` reads of a covering rule, read once. */
  coverView(): CoverView {
    const d = this.#details();
    return (d.cover ??= coverViewOf(this));
  }
}

/** The facts `iptCovers` reads of its `outer` rule, as plain fields. */
interface CoverView {
  readonly matchesAll: boolean;
  readonly hasOtherMatches: boolean;
  readonly protocol: IptFacts['protocol'];
  readonly inIface: IfaceMatch | undefined;
  readonly outIface: IfaceMatch | undefined;
  readonly source: IptFacts['source'];
  readonly destination: IptFacts['destination'];
  readonly dports: IptFacts['dports'];
  readonly sports: IptFacts['sports'];
  readonly states: IptFacts['states'];
}

function coverViewOf(f: IptFacts): CoverView {
  const matchesAll = f.matchesAll;
  const hasOtherMatches = f.hasOtherMatches;
  // iptCovers decides on these two alone when either is set; the rest is not read
  if (matchesAll || hasOtherMatches) {
    return { matchesAll, hasOtherMatches, protocol: undefined, inIface: undefined, outIface: undefined, source: undefined, destination: undefined, dports: undefined, sports: undefined, states: undefined };
  }
  return {
    matchesAll,
    hasOtherMatches,
    protocol: f.protocol,
    inIface: f.inIface,
    outIface: f.outIface,
    source: f.source,
    destination: f.destination,
    dports: f.dports,
    sports: f.sports,
    states: f.states,
  };
}

/** Derives what an iptables rule matches and does from its parsed command (rule commands only). */
export function iptFactsOf(cmd: IptCommand): IptFacts | undefined {
  const spec = cmd.rule;
  return spec ? new RuleFacts(spec, cmd.family) : undefined;
}

/**
 * A rule of a dump in the simulated firewall: its facts and command are read from the dump line
 * when asked, so a rule nobody asks about never has its AST built (see `IptSaveRule`).
 */
export class DumpRuleFact implements IptRuleFact {
  readonly family: Family;
  readonly table: string;
  readonly chain: string;
  readonly facts: IptFacts;
  readonly #line: IptSaveRule;
  readonly #file: string;

  constructor(family: Family, chain: string, line: IptSaveRule, file: string) {
    this.family = family;
    this.table = line.table;
    this.chain = chain;
    this.facts = new RuleFacts(line, family);
    this.#line = line;
    this.#file = file;
  }

  get command(): IptCommand {
    return this.#line.command;
  }

  get summary(): IptRuleSummary {
    return this.#line.summary;
  }

  get origin(): Origin {
    return { kind: 'file', file: this.#file, range: this.#line.range };
  }
}

const TERMINAL_DROP = new Set(['DROP', 'REJECT']);

/** True when the rule drops or rejects every packet it sees. */
export function isDropping(f: IptFacts): boolean {
  return f.target !== undefined && TERMINAL_DROP.has(f.target);
}

function ifaceMatches(pattern: IfaceMatch, name: string): boolean {
  return pattern.wildcard ? name.startsWith(pattern.name.slice(0, -1)) : pattern.name === name;
}

function ifaceCovers(outer: IfaceMatch | undefined, inner: IfaceMatch | undefined): boolean {
  if (!outer) return true;
  if (!inner) return false;
  if (!outer.negated) return !inner.negated && (inner.wildcard ? outer.wildcard && ifaceMatches(outer, inner.name.slice(0, -1)) : ifaceMatches(outer, inner.name));
  // `! -i X` covers `-i Y` when Y can never be X.
  return !inner.negated && !inner.wildcard && !ifaceMatches(outer, inner.name);
}

function cidrsCover(outer: IptFacts['source'], inner: IptFacts['source']): boolean {
  if (!outer) return true;
  if (!inner || outer.negated || inner.negated || outer.cidrs.length === 0 || inner.cidrs.length === 0) return false;
  return inner.cidrs.every((i) => outer.cidrs.some((o) => o.family === i.family && o.prefix <= i.prefix && containsNet(o, i)));
}

function containsNet(o: Cidr, i: Cidr): boolean {
  const bits = o.family === 'ipv4' ? 32 : 128;
  const mask = o.prefix === 0 ? 0n : (((1n << BigInt(bits)) - 1n) >> BigInt(bits - o.prefix)) << BigInt(bits - o.prefix);
  return (i.network & mask) === o.network;
}

function portsCover(outer: IptFacts['dports'], inner: IptFacts['dports']): boolean {
  if (!outer) return true;
  if (!inner || outer.negated || inner.negated || outer.ranges.length === 0 || inner.ranges.length === 0) return false;
  return inner.ranges.every((i) => outer.ranges.some((o) => o.from <= i.from && i.to <= o.to));
}

/**
 * True when every packet `inner` could match is also matched by `outer`, as far as the model can
 * tell; unknown matches in `outer` make it false (no false positives). `inner` is read only for
 * what `outer` restricts.
 */
export function iptCovers(outerFacts: IptFacts, inner: IptFacts): boolean {
  // a rule's facts are asked again for every rule it may cover: read them once
  const outer = outerFacts instanceof RuleFacts ? outerFacts.coverView() : outerFacts;
  if (outer.matchesAll) return true;
  if (outer.hasOtherMatches) return false;
  const op = outer.protocol;
  if (op) {
    const ip = inner.protocol;
    if (op.negated || !ip || ip.negated || ip.name !== op.name) return false;
  }
  const oi = outer.inIface;
  if (oi && !ifaceCovers(oi, inner.inIface)) return false;
  const oo = outer.outIface;
  if (oo && !ifaceCovers(oo, inner.outIface)) return false;
  const os = outer.source;
  if (os && !cidrsCover(os, inner.source)) return false;
  const od = outer.destination;
  if (od && !cidrsCover(od, inner.destination)) return false;
  const odp = outer.dports;
  if (odp && !portsCover(odp, inner.dports)) return false;
  const osp = outer.sports;
  if (osp && !portsCover(osp, inner.sports)) return false;
  const st = outer.states;
  if (st) {
    const is = inner.states;
    if (st.negated || !is || is.negated) return false;
    for (const v of is.values) if (!st.values.includes(v)) return false;
  }
  return true;
}
