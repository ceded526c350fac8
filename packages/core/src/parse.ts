import type { SyntaxProblem } from './diagnostic.js';
import type { TextRange } from './range.js';

/** Every parser returns a value, never throws: the AST (possibly partial) and its syntax problems. */
export interface ParseResult<T> {
  readonly ast: T;
  readonly problems: readonly SyntaxProblem[];
}

/**
 * One shell word after quote removal (and wg-quick's `%i` substitution), with the range of the
 * source text it came from. Argument parsers (iptables, ip, sysctl, nft one-liners) take words,
 * so their nodes point into the original file.
 */
export interface Word {
  readonly text: string;
  readonly range: TextRange;
}
