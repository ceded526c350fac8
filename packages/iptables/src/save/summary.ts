import type { IptCommand, IptFamily, IptIssue, IptRuleShape, IptRuleSpec, IptRuleSummary, IptStatesOption } from '../ast.js';
import { TokenIds, conditionTokenIds } from '../canonical.js';
import { matchesEstablished, stateOptionOf } from '../spec-facts.js';
import { lineIssues } from '../validity.js';

const NO_ISSUES: readonly IptIssue[] = Object.freeze([]) as readonly IptIssue[];
const NO_CONDITIONS: readonly string[] = Object.freeze([]) as readonly string[];

/**
 * Summarises the rules of one dump (`IptRuleSummary`) while their ASTs are at hand. Condition
 * strings are numbered as they are built, so a condition that recurs across rules is built once
 * and shared by every summary that holds it.
 */
export class RuleSummarizer {
  readonly #tokens: TokenIds;
  readonly #statesSeen = new Map<string, IptStatesOption>();
  readonly #shapes = new Map<string, IptRuleShape>();

  constructor(family: IptFamily) {
    this.#tokens = new TokenIds(family);
  }

  summarize(cmd: IptCommand): IptRuleSummary {
    const spec = cmd.rule;
    const target = spec?.target;
    const issues = lineIssues(cmd);
    return {
      kind: cmd.kind,
      chain: cmd.chain?.text,
      headStart: cmd.commandWord && cmd.chain ? cmd.commandWord.range.start : -1,
      headEnd: cmd.commandWord && cmd.chain ? cmd.chain.range.end : -1,
      hasRule: spec !== undefined,
      target: target?.name,
      targetKind: target?.kind,
      goto: target?.goto ?? false,
      shape: spec ? this.#shape(spec) : undefined,
      conditions: spec ? this.#conditions(spec) : undefined,
      issues: issues.length === 0 ? NO_ISSUES : issues,
      states: spec ? this.#states(spec) : undefined,
      protocol: spec?.protocol?.value?.text,
      stateMatch: spec !== undefined && spec.matches.some((m) => m.name === 'state'),
      starInterface: spec !== undefined && (hasStar(spec.inInterface?.value?.text) || hasStar(spec.outInterface?.value?.text)),
      established: spec !== undefined && matchesEstablished(spec),
    };
  }

  #shape(spec: IptRuleSpec): IptRuleShape {
    const p = spec.protocol;
    const pv = p?.value?.text;
    const params =
      (spec.source ? 's' : '') +
      (spec.destination ? 'd' : '') +
      (spec.inInterface ? 'i' : '') +
      (spec.outInterface ? 'o' : '') +
      (p && (p.negated || (pv?.toLowerCase() !== 'all' && pv !== '0')) ? 'p' : '') +
      (spec.fragment ? 'f' : '');
    let key = params;
    for (const m of spec.matches) {
      key += `|${m.name}`;
      for (const o of m.options) key += ` ${o.name}`;
    }
    let shape = this.#shapes.get(key);
    if (!shape) {
      const matches = spec.matches.map((m) => Object.freeze({ name: m.name, options: Object.freeze(m.options.map((o) => o.name)) }));
      this.#shapes.set(key, (shape = Object.freeze({ params, matches: Object.freeze(matches) })));
    }
    return shape;
  }

  #states(spec: IptRuleSpec): IptStatesOption | undefined {
    const state = stateOptionOf(spec);
    if (!state) return undefined;
    const args = state.args.map((a) => a.text);
    const key = `${state.negated ? '!' : ''}${args.join('\u0000')}`;
    let shared = this.#statesSeen.get(key);
    if (!shared) this.#statesSeen.set(key, (shared = Object.freeze({ negated: state.negated, args: Object.freeze(args) })));
    return shared;
  }

  #conditions(spec: IptRuleSpec): readonly string[] | undefined {
    if (hasComma(spec.source?.value?.text) || hasComma(spec.destination?.value?.text)) return undefined;
    const ids = conditionTokenIds(spec, this.#tokens);
    if (ids.length === 0) return NO_CONDITIONS;
    const strings = this.#tokens.strings;
    const out: string[] = new Array(ids.length);
    for (let k = 0; k < ids.length; k++) out[k] = strings[ids[k]!]!;
    return out;
  }
}

/** `summary` of an equal rule appended to `chain`, with `-A CHAIN` from `headStart` to `headEnd`. */
export function relocateSummary(summary: IptRuleSummary, chain: string, headStart: number, headEnd: number): IptRuleSummary {
  return { ...summary, chain, headStart, headEnd };
}

const hasStar = (t: string | undefined): boolean => t !== undefined && t.includes('*');
const hasComma = (t: string | undefined): boolean => t !== undefined && t.includes(',');
