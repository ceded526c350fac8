import type { Fix, Severity } from './diagnostic.js';
import type { Language } from './language.js';
import type { TextRange } from './range.js';

/** What every rule declares about itself; docs, `wglint rules` and the LSP read it. */
export interface RuleMeta {
  /** kebab-case, stable once released (CONTRACT.md). */
  readonly id: string;
  /** Default severity; config and `--rule` override it. */
  readonly severity: Severity;
  /** One line, sentence case, no trailing period. */
  readonly summary: string;
  /** True when the rule can offer a fix that `--fix` applies. */
  readonly fixable: boolean;
  /** Languages whose files the rule reports into (for docs and lazy loading). */
  readonly languages: readonly Language[];
}

/** One finding as a rule reports it; the engine adds severity and turns it into a Diagnostic. */
export interface Report {
  readonly file: string;
  readonly range: TextRange;
  readonly message: string;
  readonly fix?: Fix;
  /** See `Diagnostic.suggestions`. */
  readonly suggestions?: readonly Fix[];
}

export interface RuleContext<M> {
  readonly model: M;
  report(report: Report): void;
}

/** A rule is a pure function of the model: it reads `ctx.model` and calls `ctx.report`. */
export interface Rule<M> {
  readonly meta: RuleMeta;
  check(ctx: RuleContext<M>): void;
}

export function defineRule<M>(rule: Rule<M>): Rule<M> {
  return rule;
}
