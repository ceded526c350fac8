import type { IptFamily, IptRuleSpec, IptablesSave } from '../ast.js';
import { conditionTokens } from '../canonical.js';
import { IptRuleset, type RulesetRule } from './model.js';

/** Targets after which a matching packet leaves the chain. */
export const TERMINAL_TARGETS: ReadonlySet<string> = new Set(['ACCEPT', 'DROP', 'REJECT', 'RETURN', 'QUEUE', 'NFQUEUE', 'DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT', 'TPROXY', 'SYNPROXY']);

/** A rule spec with its (expanded) addresses. */
export interface SpecRef {
  readonly spec: IptRuleSpec;
  readonly source?: string;
  readonly destination?: string;
}

function tokens(r: SpecRef, family: IptFamily): string[] {
  return conditionTokens(r.spec, family, r.source, r.destination);
}

/** True when the rule has no conditions at all (comments aside): it matches every packet. */
export function isCatchAll(r: SpecRef, family: IptFamily): boolean {
  return tokens(r, family).length === 0;
}

/** `-i wg+` covers `-i wg0`; otherwise conditions must be equal. */
function tokenCovers(general: string, specific: string): boolean {
  if (general === specific) return true;
  const g = /^(! )?-([io]) (.+)\+$/.exec(general);
  const s = /^(! )?-([io]) (.+)$/.exec(specific);
  if (!g || !s || g[1] !== s[1] || g[2] !== s[2] || g[1]) return false;
  return s[3]!.startsWith(g[3]!);
}

/**
 * True when every packet `later` could match is also matched by `earlier`: each condition of
 * `earlier` appears (or a wildcard interface covers it) among `later`'s conditions. This is an
 * under-approximation: it never claims coverage that does not hold.
 */
export function ruleCovers(earlier: SpecRef, later: SpecRef, family: IptFamily): boolean {
  const e = tokens(earlier, family);
  if (e.length === 0) return true;
  const l = tokens(later, family);
  return e.every((t) => l.some((u) => tokenCovers(t, u)));
}

/**
 * The first rule before `index` in `rules` that ends evaluation (`targets`, default ACCEPT, DROP,
 * REJECT, RETURN) for every packet `rules[index]` could match, or undefined.
 */
export function findShadowingRule<R extends SpecRef>(
  rules: readonly R[],
  index: number,
  family: IptFamily,
  targets: ReadonlySet<string> = new Set(['ACCEPT', 'DROP', 'REJECT', 'RETURN']),
): R | undefined {
  const later = rules[index];
  if (!later) return undefined;
  for (let i = 0; i < index; i++) {
    const r = rules[i]!;
    const t = r.spec.target;
    if (!t || t.goto || !targets.has(t.name)) continue;
    if (ruleCovers(r, later, family)) return r;
  }
  return undefined;
}

/** The condition strings that cover `token`: itself and, for `-i`/`-o`, every `PREFIX+` wildcard. */
function generalForms(token: string): string[] {
  const m = /^-([io]) (.+)$/.exec(token);
  if (!m) return [token];
  const name = m[2]!.endsWith('+') ? m[2]!.slice(0, -1) : m[2]!;
  const out = [token];
  for (let k = name.length; k >= 0; k--) {
    const w = `-${m[1]} ${name.slice(0, k)}+`;
    if (w !== token) out.push(w);
  }
  return out;
}

/**
 * For every rule of a chain, the first earlier rule with a target in `targets` that covers it
 * (see `ruleCovers`). Indexed by condition sets, so a long chain costs about linear time
 * (rules with very many conditions fall back to a bounded scan).
 */
export function findShadowedRules<R extends SpecRef>(
  rules: readonly R[],
  family: IptFamily,
  targets: ReadonlySet<string> = new Set(['ACCEPT', 'DROP', 'REJECT', 'RETURN']),
): Array<{ rule: R; index: number; by: R }> {
  const out: Array<{ rule: R; index: number; by: R }> = [];
  const firstBySet = new Map<string, number>();
  const toks = rules.map((r) => tokens(r, family));
  const MAX_COMBOS = 4096;
  rules.forEach((rule, i) => {
    const mine = toks[i]!;
    const forms = mine.map(generalForms);
    let combos = 1;
    for (const f of forms) combos *= f.length + 1;
    let best = -1;
    if (combos <= MAX_COMBOS) {
      // Enumerate every covering condition set: each token absent or one of its general forms.
      const pick: string[] = [];
      const walk = (k: number): void => {
        if (k === forms.length) {
          const at = firstBySet.get([...pick].sort().join('\n'));
          if (at !== undefined && (best < 0 || at < best)) best = at;
          return;
        }
        walk(k + 1);
        for (const f of forms[k]!) {
          pick.push(f);
          walk(k + 1);
          pick.pop();
        }
      };
      walk(0);
    } else {
      for (let j = 0; j < i && j < 5000; j++) {
        const t = rules[j]!.spec.target;
        if (t && !t.goto && targets.has(t.name) && ruleCovers(rules[j]!, rule, family)) {
          best = j;
          break;
        }
      }
    }
    if (best >= 0) out.push({ rule, index: i, by: rules[best]! });
    const t = rule.spec.target;
    if (t && !t.goto && targets.has(t.name)) {
      const key = [...new Set(mine)].sort().join('\n');
      if (!firstBySet.has(key)) firstBySet.set(key, i);
    }
  });
  return out;
}

/** A rule placed behind a catch-all DROP/REJECT in the same chain. */
export interface CatchAllFinding {
  readonly rule: RulesetRule;
  readonly shadowedBy: RulesetRule;
  /** The rule accepts conntrack ESTABLISHED (or RELATED) traffic (reported by `iptables-established-after-catch-all`). */
  readonly established: boolean;
}

/** True when the rule matches conntrack/state ESTABLISHED or RELATED (not negated). */
export function matchesEstablished(spec: IptRuleSpec): boolean {
  return spec.matches.some((m) =>
    m.options.some(
      (o) => (o.name === 'ctstate' || o.name === 'state') && !o.negated && /(^|,)(ESTABLISHED|RELATED)(,|$)/.test(o.args[0]?.text ?? ''),
    ),
  );
}

/**
 * Rules that can never match because an earlier rule in the same chain is an unconditional
 * DROP or REJECT (the single-ruleset part of `iptables-append-after-reject`).
 */
export function findRulesAfterCatchAll(ruleset: IptRuleset): CatchAllFinding[] {
  const out: CatchAllFinding[] = [];
  for (const table of ruleset.tables.values()) {
    for (const chain of table.chains.values()) {
      const catchAll = chain.rules.findIndex(
        (r) => (r.spec.target?.name === 'DROP' || r.spec.target?.name === 'REJECT') && !r.spec.target.goto && isCatchAll(r, ruleset.family),
      );
      if (catchAll < 0) continue;
      for (let i = catchAll + 1; i < chain.rules.length; i++) {
        const rule = chain.rules[i]!;
        out.push({ rule, shadowedBy: chain.rules[catchAll]!, established: matchesEstablished(rule.spec) });
      }
    }
  }
  return out;
}

/** `findRulesAfterCatchAll` for one iptables-save dump. */
export function findRulesAfterCatchAllInSave(save: IptablesSave, file: string): CatchAllFinding[] {
  return findRulesAfterCatchAll(IptRuleset.fromSave(save, file));
}
