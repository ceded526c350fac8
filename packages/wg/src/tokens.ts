import { type CustomPatternMatcherFunc, type IToken, Lexer, createToken } from 'chevrotain';
import { isHookKeyText } from './keys.js';

// Whitespace is bash's `[[:space:]]` minus the newline that ends a line (`read -r` splits on \n
// only, so a lone \r is trailing whitespace, as wg-quick's trim treats it).
const WS = ' \\t\\v\\f\\r';
const NOT_WS = `[^${WS}\\n`;

/** Abstract category of both line-terminator tokens, so the grammar needs only one. */
export const LineEnd = createToken({ name: 'LineEnd', pattern: Lexer.NA });
/** `\n` in the line mode. */
export const NewLine = createToken({ name: 'NewLine', pattern: /\r?\n/, categories: [LineEnd], line_breaks: true });
/** `\n` ending a header or value: also leaves that mode. */
export const NewLineEnd = createToken({
  name: 'NewLineEnd',
  pattern: /\r?\n/,
  categories: [LineEnd],
  line_breaks: true,
  pop_mode: true,
});
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /(?:[ \t\v\f]|\r(?!\n))+/, group: Lexer.SKIPPED });
/** `#` to the end of the line; collected in the `comments` group, not seen by the grammar. */
export const Comment = createToken({ name: 'Comment', pattern: /#(?:[^\r\n]|\r(?!\n))*/, group: 'comments' });

const bomAtStart: CustomPatternMatcherFunc = (text, offset) => (offset === 0 && text.charCodeAt(0) === 0xfeff ? ['\ufeff'] as unknown as RegExpExecArray : null);
/** A UTF-8 BOM at offset 0; recorded in the AST (a rule reports it), hidden from the grammar. */
export const Bom = createToken({ name: 'Bom', pattern: { exec: bomAtStart }, start_chars_hint: ['\ufeff'], line_breaks: false, group: 'bom' });

export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, push_mode: 'header' });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/, pop_mode: true });
/** Header name: words separated by blanks, so `[ Interface ]` keeps its inner spaces out. */
export const HeaderName = createToken({
  name: 'HeaderName',
  pattern: new RegExp(`[^${WS}\\n\\]#](?:[^${WS}\\n\\]#]|[${WS}]+(?=[^${WS}\\n\\]#]))*`),
});

// A hook key's `=` switches to the raw mode: wg-quick passes `#` in hook values to bash.
const hookEquals: CustomPatternMatcherFunc = (text, offset, tokens) => {
  if (text.charCodeAt(offset) !== 61) return null;
  const prev = tokens?.[tokens.length - 1];
  return prev && prev.tokenType === Key && isHookKeyText(prev.image) ? (['='] as unknown as RegExpExecArray) : null;
};
export const HookEquals = createToken({
  name: 'HookEquals',
  pattern: { exec: hookEquals },
  start_chars_hint: ['='],
  line_breaks: false,
  push_mode: 'hook',
});
export const Equals = createToken({ name: 'Equals', pattern: /=/, push_mode: 'value' });
/** Key: words separated by blanks (wg accepts `Private Key`), never starting with `[`. */
export const Key = createToken({
  name: 'Key',
  pattern: new RegExp(`[^${WS}\\n=#\\[](?:[^${WS}\\n=#]|[${WS}]+(?=[^${WS}\\n=#]))*`),
});
/** Value of a normal key: up to the first `#`, trailing blanks excluded. */
export const Value = createToken({
  name: 'Value',
  pattern: new RegExp(`[^${WS}\\n#](?:[^${WS}\\n#]|[${WS}]+(?=[^${WS}\\n#]))*`),
});
/** Value of a hook key: the rest of the line, `#` included, trailing blanks excluded. */
export const RawValue = createToken({
  name: 'RawValue',
  pattern: new RegExp(`${NOT_WS}](?:${NOT_WS}]|[${WS}]+(?=${NOT_WS}]))*`),
});

/** Every mode ends with this catch-all so no character is ever dropped by the lexer. */
export const Unknown = createToken({ name: 'Unknown', pattern: /[^]/, group: 'unknown' });

// Token order matters: chevrotain takes the first pattern that matches, not the longest.
export const lexerDefinition = {
  defaultMode: 'line',
  modes: {
    line: [Bom, NewLine, WhiteSpace, Comment, LBracket, HookEquals, Equals, Key, Unknown],
    header: [NewLineEnd, WhiteSpace, Comment, RBracket, HeaderName, Unknown],
    value: [NewLineEnd, WhiteSpace, Comment, Value, Unknown],
    hook: [NewLineEnd, WhiteSpace, RawValue, Unknown],
  },
};

export const allTokens = [LineEnd, NewLine, NewLineEnd, WhiteSpace, Comment, Bom, LBracket, RBracket, HeaderName, HookEquals, Equals, Key, Value, RawValue, Unknown];

/**
 * chevrotain's lexer over `lexerDefinition`, in safe mode (no first-character optimisation, which
 * skips a U+FEFF starting a token after offset 0). Parsing uses the hand-written `scanWg`
 * (scanner.ts), which the tests hold to this definition.
 */
export function wgLexer(): Lexer {
  return new Lexer(lexerDefinition, { positionTracking: 'onlyOffset', safeMode: true });
}

export type { IToken };
