import type { SyntaxProblem, TextRange, Word } from '@wglint/core';
import type { IptCommand, IptRuleSummary, IptSaveRule } from '../ast.js';
import { type ParseIptablesOptions, type ParseOut, parseArgsInto } from '../parse-args.js';
import { splitRestoreRange } from './split-line.js';

/**
 * A rule line of a dump whose AST is rebuilt from the text on first read (see `IptSaveRule`):
 * parsing the line again gives the same AST as the first parse, whose problems the dump already
 * reported.
 */
export class SaveRuleLine implements IptSaveRule {
  readonly type = 'IptSaveRule' as const;
  readonly table: string;
  readonly summary: IptRuleSummary;
  readonly counters: string | undefined;
  readonly range: TextRange;
  readonly #text: string;
  readonly #options: ParseIptablesOptions;
  /** Where the argv starts: after a `[p:b]` counters prefix. */
  readonly #bodyStart: number;
  #command: IptCommand | undefined = undefined;

  constructor(text: string, options: ParseIptablesOptions, bodyStart: number, range: TextRange, summary: IptRuleSummary, counters: string | undefined) {
    this.table = options.table ?? 'filter';
    this.summary = summary;
    this.counters = counters;
    this.range = range;
    this.#text = text;
    this.#options = options;
    this.#bodyStart = bodyStart;
  }

  get command(): IptCommand {
    return (this.#command ??= parseRuleLine(this.#text, this.#bodyStart, this.range, this.#options, []));
  }
}

/** Splits and parses the argv of one dump line (`range` is the whole line, `bodyStart` its argv). */
export function parseRuleLine(
  text: string,
  bodyStart: number,
  range: TextRange,
  options: ParseIptablesOptions,
  problems: SyntaxProblem[],
  out?: ParseOut,
): IptCommand {
  // A fresh list per line: it dies young (a reused one would be old and pay a write barrier per word).
  const words: Word[] = [];
  splitRestoreRange(text, bodyStart, range.end, 0, words, problems);
  return parseArgsInto(words, options, problems, range, out);
}
