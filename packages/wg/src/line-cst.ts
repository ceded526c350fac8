import type { CstNode, IToken, TokenType } from 'chevrotain';
import { Equals, HeaderName, HookEquals, Key, LBracket, NewLine, NewLineEnd, RBracket, RawValue, Value } from './tokens.js';

/**
 * The CST of a file whose every line is well formed, built straight from the tokens; null when any
 * line is not, and the caller then runs the chevrotain parser (parser.ts) for its error recovery.
 *
 * Building chevrotain's parser costs about as much as linting a whole wg0.conf (docs/performance.md,
 * start-up), and configs are well formed almost always. The shapes are exactly what `WgCstParser`
 * produces for such lines; the tests hold the two to that.
 */
export function wellFormedWgCst(tokens: readonly IToken[]): CstNode | null {
  const lines: CstNode[] = [];
  let i = 0;
  while (i < tokens.length) {
    const start = i;
    const is = (type: TokenType) => tokens[i]?.tokenType === type;
    let content: CstNode | undefined;
    if (is(LBracket)) {
      const children: Record<string, IToken[]> = { LBracket: [tokens[i++]!] };
      if (is(HeaderName)) children['HeaderName'] = [tokens[i++]!];
      if (!is(RBracket)) return null;
      children['RBracket'] = [tokens[i++]!];
      if (!is(NewLine)) return null;
      content = node('header', children, tokens, start, i - 1);
    } else if (!is(NewLine)) {
      const children: Record<string, IToken[]> = {};
      if (is(Key)) children['Key'] = [tokens[i++]!];
      if (is(Equals)) {
        children['Equals'] = [tokens[i++]!];
        if (is(Value)) children['Value'] = [tokens[i++]!];
      } else if (is(HookEquals)) {
        children['HookEquals'] = [tokens[i++]!];
        if (is(RawValue)) children['RawValue'] = [tokens[i++]!];
      } else return null;
      if (!is(NewLineEnd)) return null;
      content = node('entry', children, tokens, start, i - 1);
    }
    const end = tokens[i]!;
    i++;
    const children: Record<string, (CstNode | IToken)[]> = content ? { [content.name]: [content], LineEnd: [end] } : { LineEnd: [end] };
    lines.push(node('line', children, tokens, start, i - 1));
  }
  return lines.length ? node('wgFile', { line: lines }, tokens, 0, tokens.length - 1) : node('wgFile', {}, tokens, 0, -1);
}

function node(name: string, children: Record<string, (CstNode | IToken)[]>, tokens: readonly IToken[], first: number, last: number): CstNode {
  // chevrotain's `onlyOffset` location: the first token's offset, and the last one's `endOffset`,
  // which its `onlyOffset` tokens (and scanWg's) do not carry.
  const location = last >= first ? { startOffset: tokens[first]!.startOffset, endOffset: tokens[last]!.endOffset } : { startOffset: NaN, endOffset: NaN };
  return { name, children, location } as unknown as CstNode;
}
