import { CstParser, type CstNode, type IRecognitionException, type IToken } from 'chevrotain';
import { Equals, HeaderName, HookEquals, Key, LBracket, LineEnd, RBracket, RawValue, Value, allTokens } from './tokens.js';

/**
 * CST parser for wg-quick files: one `line` per physical line, so chevrotain's repetition
 * re-sync recovers at the next line and a broken line never hides the rest.
 * SUPERSET: any key in any section, any header name, any value; rules judge those.
 */
export class WgCstParser extends CstParser {
  constructor(validate = false) {
    super(allTokens, { recoveryEnabled: true, nodeLocationTracking: 'onlyOffset', maxLookahead: 1, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** wg-quick(8) CONFIGURATION: a sequence of lines. */
  public wgFile = this.RULE('wgFile', () => {
    this.MANY(() => this.SUBRULE(this.line));
  });

  /** A blank or comment-only line, a section header, or a `Key = value` line. */
  public line = this.RULE('line', () => {
    this.OPTION(() =>
      this.OR([{ ALT: () => this.SUBRULE(this.header) }, { ALT: () => this.SUBRULE(this.entry) }]),
    );
    this.CONSUME(LineEnd);
  });

  /** `[Interface]`, `[Peer]`, or any other (wrong) name. */
  public header = this.RULE('header', () => {
    this.CONSUME(LBracket);
    this.OPTION(() => this.CONSUME(HeaderName));
    this.CONSUME(RBracket);
  });

  /** `Key = value`; the key may be missing (`= x`) and the value empty (`Key =`). */
  public entry = this.RULE('entry', () => {
    this.OPTION(() => this.CONSUME(Key));
    this.OR([
      { ALT: () => { this.CONSUME(Equals); this.OPTION2(() => this.CONSUME(Value)); } },
      { ALT: () => { this.CONSUME(HookEquals); this.OPTION3(() => this.CONSUME(RawValue)); } },
    ]);
  });
}

let parser: WgCstParser | undefined;

/** The CST of token vector `tokens` and chevrotain's errors. Never throws. */
export function parseWgTokens(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
  parser ??= new WgCstParser();
  parser.input = tokens;
  const cst = parser.wgFile();
  return { cst, errors: [...parser.errors] };
}
