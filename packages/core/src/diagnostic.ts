import type { TextRange } from './range.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

/** A text edit: replace `range` of the file's text with `text`. Offsets are 0-based UTF-16. */
export interface TextEdit {
  readonly range: TextRange;
  readonly text: string;
}

/** A fix is one or more edits applied together, all in the diagnostic's file. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/**
 * A problem found in a file at a range; the one shape shared by parsers, rules, the CLI and
 * the language server. Line/column are derived from `range` at the edges (see `LineIndex`).
 */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Sentence(s) stating the fact and what to do. Never contains secret values. */
  readonly message: string;
  /** Path of the file as reached from the CLI argument (or the document URI in the LSP). */
  readonly file: string;
  readonly range: TextRange;
  /** An edit `--fix` applies: it keeps what the configuration does, only right. */
  readonly fix?: Fix;
  /**
   * Edits an editor offers as quick fixes but `--fix` never applies, because they change what the
   * configuration does (a misspelt sysctl key corrected starts taking effect).
   */
  readonly suggestions?: readonly Fix[];
}

/**
 * What a parser reports: a syntax problem at a range of the text it was given. Front ends turn it
 * into a `Diagnostic` with ruleId `syntax-error`.
 */
export interface SyntaxProblem {
  readonly range: TextRange;
  readonly message: string;
}
