import type { NftChain, NftExpr, NftOptionStatement, NftRule, NftRuleset, NftTable } from '@wglint/nft';
import type { NftChainFact, NftRuleFact } from './model.js';
import type { PortRange } from './net.js';

const SERVICES: Readonly<Record<string, number>> = { ssh: 22, http: 80, https: 443, domain: 53, ntp: 123, 'dhcpv6-client': 546, wireguard: 51820 };

type Defines = Map<string, NftExpr>;

/** The empty list every rule fact without ports, interfaces or matches shares. */
const NONE: readonly never[] = Object.freeze([]);

/** Port ranges an expression denotes (`51820`, `51820-51830`, `{ 1, 2-3 }`, `$wg_port`). */
export function nftPortRanges(e: NftExpr | null, defines: Defines, depth = 0): PortRange[] {
  if (!e || depth > 8) return [];
  switch (e.type) {
    case 'NftNumber':
      return e.value >= 0 && e.value <= 65535 ? [{ from: e.value, to: e.value }] : [];
    case 'NftSymbol': {
      const p = SERVICES[e.name];
      return p === undefined ? [] : [{ from: p, to: p }];
    }
    case 'NftRange': {
      const lo = nftPortRanges(e.low, defines, depth + 1)[0];
      const hi = nftPortRanges(e.high, defines, depth + 1)[0];
      return lo && hi && lo.from <= hi.to ? [{ from: lo.from, to: hi.to }] : [];
    }
    case 'NftSetExpr':
      return e.elements.flatMap((el) => nftPortRanges(el.key, defines, depth + 1));
    case 'NftSetElement':
      return nftPortRanges(e.key, defines, depth + 1);
    case 'NftList':
      return e.items.flatMap((x) => nftPortRanges(x, defines, depth + 1));
    case 'NftParen':
      return nftPortRanges(e.expr, defines, depth + 1);
    case 'NftVariable': {
      const v = defines.get(e.name);
      return v ? nftPortRanges(v, defines, depth + 1) : [];
    }
    default:
      return [];
  }
}

function stringsOf(e: NftExpr | null, defines: Defines, depth = 0): string[] {
  if (!e || depth > 8) return [];
  switch (e.type) {
    case 'NftString':
      return [e.value];
    case 'NftSymbol':
      return [e.name];
    case 'NftWildcard':
      return [e.prefix + '*'];
    case 'NftAddress':
      return [e.text];
    case 'NftPrefix': {
      const a = stringsOf(e.address, defines, depth + 1);
      return a.length === 1 ? [`${a[0]}/${e.length}`] : [];
    }
    case 'NftSetExpr':
      return e.elements.flatMap((el) => stringsOf(el.key, defines, depth + 1));
    case 'NftList':
      return e.items.flatMap((x) => stringsOf(x, defines, depth + 1));
    case 'NftVariable': {
      const v = defines.get(e.name);
      return v ? stringsOf(v, defines, depth + 1) : [];
    }
    default:
      return [];
  }
}

function isKey(e: NftExpr, kind: 'meta' | 'ct', key: string): boolean {
  return kind === 'meta' ? e.type === 'NftMeta' && e.key === key : e.type === 'NftCt' && e.key === key && e.direction === null;
}

type IfindexMatch = NonNullable<NftRuleFact['ifindexMatches']>[number];

/** A rule's match summary (`NftRuleFact.matches` entries). */
type MatchFact = NftRuleFact['matches'][number];

/**
 * Equal match summaries (`ct state established,related`, `ip protocol icmp` …) repeat on many
 * rules; within one `nftFactsOf` call they are one shared object (facts are read-only).
 */
type MatchCache = Map<string, MatchFact>;

function matchFact(cache: MatchCache | undefined, key: string, values: string[], negated: boolean): MatchFact {
  if (!cache) return { key, values, negated };
  const id = `${negated ? '!' : '='}${key}\0${values.join('\0')}`;
  let m = cache.get(id);
  if (m === undefined) cache.set(id, (m = { key, values, negated }));
  return m;
}

function exprKey(e: NftExpr): string {
  switch (e.type) {
    case 'NftPayload':
      return `${e.protocol} ${e.field}`;
    case 'NftMeta':
      return `meta ${e.key}`;
    case 'NftCt':
      return `ct ${e.key}`;
    case 'NftSpecialExpr':
      return [e.kind, ...e.words].join(' ');
    case 'NftConcat':
      return e.parts.map(exprKey).join(' . ');
    default:
      return e.type;
  }
}

/** Summarises one nft rule. */
export function nftRuleFact(
  rule: NftRule,
  where: { family: string; table: string; chain: string; hook?: string },
  defines: Defines,
  file: string,
  matchCache?: MatchCache,
): NftRuleFact {
  const udp: PortRange[] = [];
  const tcp: PortRange[] = [];
  const ifnames: string[] = [];
  let verdict: string | undefined;
  let setsMetaMark = false;
  let setsCtMark = false;
  let restoresMark = false;
  let clampsMss = false;
  let matchesMark = false;
  let l4: string | undefined;
  const found: MatchFact[] = [];
  let dportValueRange: { start: number; end: number } | undefined;
  const ifindex: IfindexMatch[] = [];
  let metaMarkValue: number | undefined;
  let rejectOnly: NftRuleFact['rejectOnly'];
  for (const s of rule.statements) {
    switch (s.type) {
      case 'NftMatch': {
        const left = s.left.type === 'NftBinary' ? s.left.left : s.left;
        const positive = s.op === '==' || s.op === 'implicit';
        found.push(matchFact(matchCache, exprKey(left), stringsOf(s.right, defines), s.op === '!='));
        if (left.type === 'NftMeta' && (left.key === 'iif' || left.key === 'oif')) ifindex.push({ key: left.key, names: stringsOf(s.right, defines), range: s.range, keyRange: left.range, vmap: false });
        if (left.type === 'NftPayload' && (left.field === 'dport') && positive && !left.inner) {
          const proto = left.protocol === 'th' ? l4 : left.protocol;
          const ranges = nftPortRanges(s.right, defines);
          dportValueRange = s.right.range;
          if (proto === 'udp') udp.push(...ranges);
          else if (proto === 'tcp') tcp.push(...ranges);
        } else if (isKey(left, 'meta', 'l4proto') || (left.type === 'NftPayload' && (left.field === 'protocol' || left.field === 'nexthdr'))) {
          const names = stringsOf(s.right, defines);
          if (positive && names.length === 1) l4 = names[0];
        } else if (isKey(left, 'meta', 'mark') || isKey(left, 'ct', 'mark')) matchesMark = true;
        else if (isKey(left, 'meta', 'iifname') && positive) ifnames.push(...stringsOf(s.right, defines));
        break;
      }
      case 'NftMangle':
        if (s.target.type === 'NftExthdr' && s.target.name === 'maxseg') clampsMss = true;
        if (isKey(s.target, 'meta', 'mark')) {
          setsMetaMark = true;
          if (isKey(s.value, 'ct', 'mark')) restoresMark = true;
          else if (s.value.type === 'NftNumber') metaMarkValue = s.value.value;
        }
        if (isKey(s.target, 'ct', 'mark')) setsCtMark = true;
        break;
      case 'NftVerdict':
        verdict = s.verdict;
        break;
      case 'NftVmap':
        // the verdict depends on the packet: any of the map's verdicts
        verdict = 'vmap';
        if (s.key.type === 'NftMeta' && (s.key.key === 'iif' || s.key.key === 'oif')) ifindex.push({ key: s.key.key, names: stringsOf(s.map, defines), range: s.range, keyRange: s.key.range, vmap: true });
        break;
      case 'NftStatement':
        if (s.keyword === 'reject') {
          verdict = 'reject';
          rejectOnly = rejectScope(s, where.family);
        }
        break;
      case 'NftNat':
        verdict = s.kind;
        break;
      default:
        break;
    }
  }
  // Literal objects with the optional keys in place (no spreads: this runs once per rule). Empty
  // lists are one shared frozen array; others are exact-size copies (facts live through the lint).
  const location = { file, range: rule.range };
  const udpDports: readonly PortRange[] = udp.length ? udp : NONE;
  const tcpDports: readonly PortRange[] = tcp.length ? tcp : NONE;
  const iifnames: readonly string[] = ifnames.length ? ifnames : NONE;
  const matches: NftRuleFact['matches'] = found.length ? found.slice() : NONE;
  const { family, table, chain, hook } = where;
  const fact: NftRuleFact = hook
    ? dportValueRange
      ? verdict
        ? { family, table, chain, hook, udpDports, tcpDports, dportValueRange, verdict, setsMetaMark, setsCtMark, restoresMark, clampsMss, matchesMark, iifnames, matches, location }
        : { family, table, chain, hook, udpDports, tcpDports, dportValueRange, setsMetaMark, setsCtMark, restoresMark, clampsMss, matchesMark, iifnames, matches, location }
      : verdict
        ? { family, table, chain, hook, udpDports, tcpDports, verdict, setsMetaMark, setsCtMark, restoresMark, clampsMss, matchesMark, iifnames, matches, location }
        : { family, table, chain, hook, udpDports, tcpDports, setsMetaMark, setsCtMark, restoresMark, clampsMss, matchesMark, iifnames, matches, location }
    : dportValueRange
      ? verdict
        ? { family, table, chain, udpDports, tcpDports, dportValueRange, verdict, setsMetaMark, setsCtMark, restoresMark, clampsMss, matchesMark, iifnames, matches, location }
        : { family, table, chain, udpDports, tcpDports, dportValueRange, setsMetaMark, setsCtMark, restoresMark, clampsMss, matchesMark, iifnames, matches, location }
      : verdict
        ? { family, table, chain, udpDports, tcpDports, verdict, setsMetaMark, setsCtMark, restoresMark, clampsMss, matchesMark, iifnames, matches, location }
        : { family, table, chain, udpDports, tcpDports, setsMetaMark, setsCtMark, restoresMark, clampsMss, matchesMark, iifnames, matches, location };
  // rare (rulesets match interfaces by name, few rules set a mark): only those facts carry the fields
  if (ifindex.length === 0 && metaMarkValue === undefined && rejectOnly === undefined) return fact;
  return {
    ...fact,
    ...(ifindex.length > 0 ? { ifindexMatches: ifindex } : {}),
    ...(metaMarkValue !== undefined ? { metaMarkValue } : {}),
    ...(rejectOnly !== undefined ? { rejectOnly } : {}),
  };
}

/**
 * What a typed `reject with …` is limited to: nft adds an implicit match (`nft --debug=netlink`),
 * `with tcp reset` only TCP, and in an inet, bridge or netdev table `with icmp …` only IPv4 and
 * `with icmpv6 …` only IPv6. Undefined for a plain `reject` and `with icmpx`, which take everything.
 */
function rejectScope(s: NftOptionStatement, family: string): NftRuleFact['rejectOnly'] {
  const v = s.options.find((o) => o.key === 'with')?.value;
  if (!v) return undefined;
  const first = v.type === 'NftList' ? v.items[0] : v;
  // `tcp reset`, `icmp type port-unreachable`, `icmpx admin-prohibited`: the first word decides
  const name = first && first.type === 'NftSymbol' ? (first.name.split(/\s+/)[0] ?? '') : '';
  if (name === 'tcp') return 'tcp';
  if (name === 'icmp' && family !== 'ip') return 'ipv4';
  if (name === 'icmpv6' && family !== 'ip6') return 'ipv6';
  return undefined;
}

/**
 * Rules and base chains of a ruleset. `known` lets one-liners (`nft add rule inet t input ...`)
 * find the hook of a chain declared in another file or an earlier hook.
 */
export function nftFactsOf(
  ruleset: NftRuleset,
  file: string,
  known: NftChainFact[] = [],
  shared?: NftRuleOrder,
): { rules: NftRuleFact[]; chains: NftChainFact[] } {
  // With `shared`, the rules go there (in host order, across files and hooks) and none are returned.
  const ownOrder = shared === undefined;
  const order = shared ?? new NftRuleOrder();
  const defines: Defines = new Map();
  const matchCache: MatchCache = new Map();
  const chains: NftChainFact[] = [];
  // The hook of a chain: the first chain of that name in `known`, else in `chains` (indexed, so a
  // file of many one-liners costs linear time).
  const knownHooks = new Map<string, string | undefined>();
  for (const c of known) {
    const k = nftChainKey(c.family, c.table, c.chain);
    if (!knownHooks.has(k)) knownHooks.set(k, c.hook);
  }
  const ownHooks = new Map<string, string | undefined>();
  const hookOf = (key: string): string | undefined => (knownHooks.has(key) ? knownHooks.get(key) : ownHooks.get(key));
  const addChain = (c: NftChain, family: string, table: string): void => {
    const name = c.name?.text ?? '';
    if (c.verb === 'delete' || c.verb === 'destroy') return;
    const key = nftChainKey(family, table, name);
    if (c.hook || c.policy) {
      if (!ownHooks.has(key)) ownHooks.set(key, c.hook?.hook.text);
      chains.push({
        family,
        table,
        chain: name,
        ...(c.hook ? { hook: c.hook.hook.text, type: c.hook.chainType.text } : {}),
        ...(c.policy ? { policy: c.policy.text } : {}),
        location: { file, range: c.range },
      });
    }
    const hook = c.hook?.hook.text ?? hookOf(key);
    const where = hook ? { family, table, chain: name, hook } : { family, table, chain: name };
    for (const r of c.rules) order.add(nftRuleFact(r, where, defines, file, matchCache), key);
  };
  const visitTable = (t: NftTable): void => {
    const table = t.name?.text ?? '';
    for (const item of t.items) {
      if (item.type === 'NftDefine' && item.value) defines.set(item.name.text, item.value);
      else if (item.type === 'NftChain') addChain(item, t.family, table);
    }
  };
  const visit = (rs: NftRuleset): void => {
    for (const cmd of rs.commands) {
      switch (cmd.type) {
        case 'NftDefine':
          if (cmd.kind === 'undefine') defines.delete(cmd.name.text);
          else if (cmd.value) defines.set(cmd.name.text, cmd.value);
          break;
        case 'NftTable':
          if (cmd.verb !== 'delete' && cmd.verb !== 'destroy') visitTable(cmd);
          break;
        case 'NftChain':
          addChain(cmd, cmd.family, cmd.table?.text ?? '');
          break;
        case 'NftRule': {
          if (cmd.verb !== 'add' && cmd.verb !== 'insert' && cmd.verb !== 'create') break;
          const table = cmd.table?.text ?? '';
          const chain = cmd.chain?.text ?? '';
          const key = nftChainKey(cmd.family, table, chain);
          const hook = hookOf(key);
          const fact = nftRuleFact(cmd, { family: cmd.family, table, chain, ...(hook ? { hook } : {}) }, defines, file, matchCache);
          // `insert rule` without a position (or at index 0) puts the rule first in its chain
          if (cmd.verb === 'insert' && (!cmd.position || (cmd.position.kind === 'index' && cmd.position.value === 0))) order.insert(fact, key);
          else order.add(fact, key);
          break;
        }
        case 'NftInclude':
          for (const r of cmd.resolved ?? []) visit(r.ruleset);
          break;
        default:
          break;
      }
    }
  };
  visit(ruleset);
  return { rules: ownOrder ? order.rules() : [], chains };
}

/** The key of a chain in `NftRuleOrder` and the hook maps. */
export function nftChainKey(family: string, table: string, chain: string): string {
  return `${family}\u0000${table}\u0000${chain}`;
}

/**
 * Rules of one or more rulesets in the order the kernel holds them: `add rule` appends to its
 * chain, `insert rule` (no position) puts a rule before the chain's first rule, also one another
 * file or a hook added earlier. Rather than splicing the list (quadratic over many inserts), an
 * insert is kept with the first rule of its chain and placed before it when the list is read, the
 * latest insert first.
 */
export class NftRuleOrder {
  readonly #rules: NftRuleFact[] = [];
  readonly #firstOfChain = new Map<string, number>();
  readonly #insertedBefore = new Map<number, NftRuleFact[]>();

  /** Appends a rule to the chain `key` (`nftChainKey`). */
  add(fact: NftRuleFact, key: string): void {
    if (!this.#firstOfChain.has(key)) this.#firstOfChain.set(key, this.#rules.length);
    this.#rules.push(fact);
  }

  /** Puts a rule first in the chain `key`. */
  insert(fact: NftRuleFact, key: string): void {
    const first = this.#firstOfChain.get(key);
    if (first === undefined) return this.add(fact, key);
    let list = this.#insertedBefore.get(first);
    if (!list) this.#insertedBefore.set(first, (list = []));
    list.push(fact);
  }

  rules(): NftRuleFact[] {
    if (this.#insertedBefore.size === 0) return this.#rules.slice();
    const ordered: NftRuleFact[] = [];
    for (let i = 0; i < this.#rules.length; i++) {
      const before = this.#insertedBefore.get(i);
      if (before) for (let k = before.length - 1; k >= 0; k--) ordered.push(before[k]!);
      ordered.push(this.#rules[i]!);
    }
    return ordered;
  }
}
