import type { IptFamily, IptRuleSpec, IptRuleSummary, IptablesSave } from '../ast.js';
import { TokenIds, conditionTokenIds, conditionTokens, hasNoConditions } from '../canonical.js';
import { matchesEstablished } from '../spec-facts.js';
import { IptRuleset, type RulesetRule } from './model.js';

/** Targets after which a matching packet leaves the chain. */
export const TERMINAL_TARGETS: ReadonlySet<string> = new Set(['ACCEPT', 'DROP', 'REJECT', 'RETURN', 'QUEUE', 'NFQUEUE', 'DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT', 'TPROXY', 'SYNPROXY']);

/**
 * Matches whose result depends on state the rule itself keeps or changes (a token bucket, a
 * counter, a quota, a recent list it updates): a packet one rule refuses may match an identical
 * rule below it (`-m limit --limit 10/sec` twice lets 20 packets a second through). A rule with one
 * of these can shadow nothing.
 */
const STATEFUL_MATCHES: ReadonlySet<string> = new Set(['limit', 'hashlimit', 'statistic', 'quota', 'quota2', 'connlimit', 'recent', 'nfacct', 'nth', 'random']);

/** True when the condition string is a match of a `STATEFUL_MATCHES` module (or `-m set` updating counters). */
function isStatefulCondition(token: string): boolean {
  // `-m NAME ...`
  if (token.charCodeAt(0) !== 45 || token.charCodeAt(1) !== 109 || token.charCodeAt(2) !== 32) return false;
  const end = token.indexOf(' ', 3);
  const name = end < 0 ? token.slice(3) : token.slice(3, end);
  if (STATEFUL_MATCHES.has(name)) return true;
  return name === 'set' && /--(?:packets|bytes)-(?:eq|lt|gt)\b/.test(token);
}

/** A rule spec with its (expanded) addresses. */
export interface SpecRef {
  readonly spec: IptRuleSpec;
  readonly source?: string;
  readonly destination?: string;
  /** When set, read instead of `spec` (see `RulesetRule.summary`). */
  readonly summary?: IptRuleSummary;
}

function tokens(r: SpecRef, family: IptFamily): readonly string[] {
  return r.summary?.conditions ?? conditionTokens(r.spec, family, r.source, r.destination);
}

/** True when the rule has no conditions at all (comments aside): it matches every packet. */
export function isCatchAll(r: SpecRef, family: IptFamily): boolean {
  const c = r.summary?.conditions;
  return c ? c.length === 0 : hasNoConditions(r.spec, family, r.source, r.destination);
}

/** The rule's target when it is one of `targets` and not a goto (`-g`), else undefined. */
export function stoppingTarget(r: SpecRef, targets: ReadonlySet<string>): string | undefined {
  const s = r.summary;
  if (s) return s.target !== undefined && !s.goto && targets.has(s.target) ? s.target : undefined;
  const t = r.spec.target;
  return t && !t.goto && targets.has(t.name) ? t.name : undefined;
}

/** The ids (in `cache`) of the rule's conditions. */
function tokenIds(r: SpecRef, cache: TokenIds): number[] {
  const c = r.summary?.conditions;
  if (!c) return conditionTokenIds(r.spec, cache, r.source, r.destination);
  const ids: number[] = new Array(c.length);
  for (let k = 0; k < c.length; k++) ids[k] = cache.idOf(c[k]!);
  return ids;
}

/** `-i wg+` covers `-i wg0` (and `-i +` every `-i`); otherwise conditions must be equal. */
function tokenCovers(general: string, specific: string): boolean {
  if (general === specific) return true;
  // /^-([io]) (.*)\+$/ on `general`, and `specific` the same flag without `! `.
  const n = general.length;
  if (n < 4 || general.charCodeAt(0) !== 45 || general.charCodeAt(2) !== 32 || general.charCodeAt(n - 1) !== 43) return false;
  const f = general.charCodeAt(1);
  if (f !== 105 && f !== 111) return false;
  if (specific.length < 4 || specific.charCodeAt(0) !== 45 || specific.charCodeAt(1) !== f || specific.charCodeAt(2) !== 32) return false;
  return specific.startsWith(general.slice(3, n - 1), 3);
}

/**
 * True when every packet `later` could match is also matched by `earlier`: each condition of
 * `earlier` appears (or a wildcard interface covers it) among `later`'s conditions. This is an
 * under-approximation: it never claims coverage that does not hold.
 */
export function ruleCovers(earlier: SpecRef, later: SpecRef, family: IptFamily): boolean {
  const e = tokens(earlier, family);
  if (e.length === 0) return true;
  return !e.some(isStatefulCondition) && tokensCover(e, tokens(later, family));
}

function tokensCover(e: readonly string[], l: readonly string[]): boolean {
  return e.every((t) => l.some((u) => tokenCovers(t, u)));
}

const DEFAULT_TARGETS: ReadonlySet<string> = new Set(['ACCEPT', 'DROP', 'REJECT', 'RETURN']);
const DROPPING: ReadonlySet<string> = new Set(['DROP', 'REJECT']);

/**
 * The first rule before `index` in `rules` that ends evaluation (`targets`, default ACCEPT, DROP,
 * REJECT, RETURN) for every packet `rules[index]` could match, or undefined.
 */
export function findShadowingRule<R extends SpecRef>(
  rules: readonly R[],
  index: number,
  family: IptFamily,
  targets: ReadonlySet<string> = DEFAULT_TARGETS,
): R | undefined {
  const later = rules[index];
  if (!later) return undefined;
  let l: readonly string[] | undefined;
  for (let i = 0; i < index; i++) {
    const r = rules[i]!;
    if (stoppingTarget(r, targets) === undefined) continue;
    const e = tokens(r, family);
    if (e.length === 0) return r;
    if (e.some(isStatefulCondition)) continue;
    l ??= tokens(later, family);
    if (tokensCover(e, l)) return r;
  }
  return undefined;
}

/** The condition strings that cover `token`: itself and, for `-i`/`-o`, every `PREFIX+` wildcard. */
function generalForms(token: string): string[] {
  // /^-([io]) (.+)$/
  const f = token.charCodeAt(1);
  if (token.length < 4 || token.charCodeAt(0) !== 45 || (f !== 105 && f !== 111) || token.charCodeAt(2) !== 32) return [token];
  const flag = token[1]!;
  const full = token.slice(3);
  const name = full.endsWith('+') ? full.slice(0, -1) : full;
  const out = [token];
  for (let k = name.length; k >= 0; k--) {
    const w = `-${flag} ${name.slice(0, k)}+`;
    if (w !== token) out.push(w);
  }
  return out;
}

/** Inserts `x` into the ascending list `list` unless it is there (lists here hold a few ids). */
function insertSorted(list: number[], x: number): void {
  let k = list.length;
  while (k > 0 && list[k - 1]! > x) k--;
  if (k > 0 && list[k - 1] === x) return;
  list.push(x);
  for (let j = list.length - 1; j > k; j--) list[j] = list[j - 1]!;
  list[k] = x;
}

/** A node of the trie of condition sets (token ids in ascending order from the root). */
interface SetNode {
  /** Index of the first rule stored through this node: every set below it was stored no earlier. */
  readonly first: number;
  /** Index of the first rule whose set ends here, or -1. */
  at: number;
  kids: Map<number, SetNode> | undefined;
}

/**
 * For every rule of a chain, the first earlier rule with a target in `targets` that covers it
 * (see `ruleCovers`). Indexed by condition sets, so a long chain costs about linear time
 * (rules with very many conditions fall back to a bounded scan).
 *
 * The condition sets of earlier rules (with a target in `targets`) are kept in a trie over
 * interned condition ids. A rule is covered by a stored set when every condition of the set is
 * one of the rule's conditions or one of their general forms (`-i wg+` for `-i wg0`); the lookup
 * walks only the trie paths made of those, pruned by the best index found so far.
 */
export function findShadowedRules<R extends SpecRef>(
  rules: readonly R[],
  family: IptFamily,
  targets: ReadonlySet<string> = DEFAULT_TARGETS,
): Array<{ rule: R; index: number; by: R }> {
  const out: Array<{ rule: R; index: number; by: R }> = [];
  const n = rules.length;
  if (n === 0) return out;
  const MAX_COMBOS = 4096;
  const cache = new TokenIds(family);
  /** Each rule's conditions as ids (`cache.strings[id]` is the condition string). */
  const toks: number[][] = new Array(n);
  for (let i = 0; i < n; i++) toks[i] = tokenIds(rules[i]!, cache);
  const strings = cache.strings;
  const asStrings = (ids: readonly number[]): string[] => ids.map((id) => strings[id]!);
  /** Per condition id: 1 when stateful (see `isStatefulCondition`), 0 when not, unset before asked. */
  const stateful: Array<0 | 1 | undefined> = [];
  const canShadow = (ids: readonly number[]): boolean => {
    for (const id of ids) if ((stateful[id] ??= isStatefulCondition(strings[id]!) ? 1 : 0) === 1) return false;
    return true;
  };

  /** For the conditions of rules, the ids of their general forms (itself first). */
  const formIds: Array<number[] | undefined> = [];
  const formsOf = (id: number): number[] => {
    let list = formIds[id];
    if (!list) {
      const forms = generalForms(strings[id]!);
      list = [id];
      for (let k = 1; k < forms.length; k++) list.push(cache.idOf(forms[k]!));
      formIds[id] = list;
    }
    return list;
  };

  const root: SetNode = { first: 0, at: -1, kids: undefined };
  const cover: number[] = [];
  let best = -1;
  const search = (node: SetNode, from: number): void => {
    if (node.at >= 0 && (best < 0 || node.at < best)) best = node.at;
    const kids = node.kids;
    if (!kids) return;
    for (let p = from; p < cover.length; p++) {
      const kid = kids.get(cover[p]!);
      if (kid && (best < 0 || kid.first < best)) search(kid, p + 1);
    }
  };
  const set: number[] = [];

  for (let i = 0; i < n; i++) {
    const rule = rules[i]!;
    const mineIds = toks[i]!;
    let combos = 1;
    for (let k = 0; k < mineIds.length && combos <= MAX_COMBOS; k++) combos *= formsOf(mineIds[k]!).length + 1;
    best = -1;
    if (combos <= MAX_COMBOS) {
      // Every covering condition set: ids of the rule's conditions and their general forms.
      cover.length = 0;
      for (const id of mineIds) for (const f of formIds[id]!) insertSorted(cover, f);
      search(root, 0);
    } else {
      const mine = asStrings(mineIds);
      for (let j = 0; j < i && j < 5000; j++) {
        if (stoppingTarget(rules[j]!, targets) !== undefined && canShadow(toks[j]!) && (toks[j]!.length === 0 || tokensCover(asStrings(toks[j]!), mine))) {
          best = j;
          break;
        }
      }
    }
    if (best >= 0) out.push({ rule, index: i, by: rules[best]! });
    if (stoppingTarget(rule, targets) !== undefined && canShadow(mineIds)) {
      // Store the rule's set (distinct ids, ascending).
      set.length = 0;
      for (const id of mineIds) insertSorted(set, id);
      let node = root;
      for (const id of set) {
        node.kids ??= new Map();
        let kid = node.kids.get(id);
        if (!kid) node.kids.set(id, (kid = { first: i, at: -1, kids: undefined }));
        node = kid;
      }
      if (node.at < 0) node.at = i;
    }
  }
  return out;
}

/** A rule placed behind a catch-all DROP/REJECT in the same chain. */
export interface CatchAllFinding {
  readonly rule: RulesetRule;
  readonly shadowedBy: RulesetRule;
  /** The rule accepts conntrack ESTABLISHED (or RELATED) traffic (reported by `iptables-established-after-catch-all`). */
  readonly established: boolean;
}

/**
 * Rules that can never match because an earlier rule in the same chain is an unconditional
 * DROP or REJECT (the single-ruleset part of `iptables-append-after-reject`).
 */
export function findRulesAfterCatchAll(ruleset: IptRuleset): CatchAllFinding[] {
  const out: CatchAllFinding[] = [];
  for (const table of ruleset.tables.values()) {
    for (const chain of table.chains.values()) {
      const catchAll = chain.rules.findIndex((r) => stoppingTarget(r, DROPPING) !== undefined && isCatchAll(r, ruleset.family));
      if (catchAll < 0) continue;
      for (let i = catchAll + 1; i < chain.rules.length; i++) {
        const rule = chain.rules[i]!;
        out.push({ rule, shadowedBy: chain.rules[catchAll]!, established: rule.summary?.established ?? matchesEstablished(rule.spec) });
      }
    }
  }
  return out;
}

/** `findRulesAfterCatchAll` for one iptables-save dump. */
export function findRulesAfterCatchAllInSave(save: IptablesSave, file: string): CatchAllFinding[] {
  return findRulesAfterCatchAll(IptRuleset.fromSave(save, file));
}
