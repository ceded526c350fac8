// Chevrotain parser for the block/line structure of nft input. nft(8) is line oriented: a command
// ends at a newline, `;` or EOF, and `{ … }` nests blocks (tables, chains, sets …) or anonymous
// sets. This grammar captures that token tree with exact ranges; the per-section builders in
// productions/*.ts give each line its meaning (SUPERSET: any word sequence is accepted here and
// classified by the builders, which report nft's syntax errors).
import { CstParser, EOF, type CstNode, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens, AnyWord, Literal, Newline, Semi, LCurly, RCurly, LParen, RParen, Comma, QuotedString, UnterminatedString,
  Variable, At, EqEq, Neq, Lshift, Rshift, Lte, Gte, Lt, Gt, Assign, Not, Amp, Pipe, Caret, Wildcard, Dot,
  Slash, Dash, Star, Plus, Colon, Unknown,
} from './lexer.js';

const ITEM_TOKENS: TokenType[] = [
  AnyWord, Literal, QuotedString, UnterminatedString, Variable, At, EqEq, Neq, Lshift, Rshift, Lte, Gte, Lt, Gt,
  Assign, Not, Amp, Pipe, Caret, Wildcard, Dot, Slash, Dash, Star, Plus, Colon, Comma, LParen, RParen, Unknown,
];

class NftTreeParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 1, skipValidations: !process.env['WGLINT_DEV'] });
    const $ = this;
    $.RULE('ruleset', () => {
      $.MANY(() => {
        $.OR([
          { ALT: () => $.CONSUME(Newline) },
          { ALT: () => $.CONSUME(Semi) },
          { ALT: () => $.CONSUME(RCurly, { LABEL: 'stray' }) },
          { ALT: () => $.SUBRULE($['line'] as never) },
        ]);
      });
      $.CONSUME(EOF);
    });
    $.RULE('line', () => {
      $.AT_LEAST_ONE(() => {
        $.OR2(
          ITEM_TOKENS.map((t) => ({ ALT: () => $.CONSUME(t, { LABEL: 'item' }) })).concat([
            { ALT: () => $.SUBRULE($['block'] as never, { LABEL: 'item' }) as unknown as IToken },
          ]),
        );
      });
    });
    $.RULE('block', () => {
      $.CONSUME(LCurly);
      $.MANY(() => {
        $.OR([
          { ALT: () => $.CONSUME(Newline) },
          { ALT: () => $.CONSUME(Semi) },
          { ALT: () => $.SUBRULE($['line'] as never) },
        ]);
      });
      $.CONSUME(RCurly);
    });
    this.performSelfAnalysis();
  }
  // Typed access to the generated rule.
  declare ruleset: () => CstNode;
  [key: string]: unknown;
}

let parser: NftTreeParser | undefined;

/** The lazily created singleton tree parser. */
export function treeParser(): NftTreeParser & { input: IToken[]; errors: { message: string; token: IToken }[]; ruleset(): CstNode } {
  parser ??= new NftTreeParser();
  return parser as never;
}
