// Chevrotain parser for the block/line structure of nft input. nft(8) is line oriented: a command
// ends at a newline, `;` or EOF, and `{ … }` nests blocks (tables, chains, sets …) or anonymous
// sets. This grammar captures that token tree with exact ranges; the per-section builders in
// productions/*.ts give each line its meaning (SUPERSET: any word sequence is accepted here and
// classified by the builders, which report nft's syntax errors).
import { CstParser, EOF, type CstNode, type IToken } from 'chevrotain';
import { allTokens, Item, Newline, Semi, LCurly, RCurly } from './lexer.js';

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
        $.OR2([
          { ALT: () => $.CONSUME(Item, { LABEL: 'item' }) },
          { ALT: () => $.SUBRULE($['block'] as never, { LABEL: 'item' }) },
        ]);
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
