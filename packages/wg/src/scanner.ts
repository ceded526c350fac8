import type { IToken, TokenType } from 'chevrotain';
import { isHookKeyText } from './keys.js';
import {
  Bom,
  Comment,
  Equals,
  HeaderName,
  HookEquals,
  Key,
  LBracket,
  NewLine,
  NewLineEnd,
  RBracket,
  RawValue,
  Value,
} from './tokens.js';

/** What `scanWg` returns: the shape of chevrotain's `ILexingResult` that the parser and AST use. */
export interface WgScan {
  readonly tokens: IToken[];
  readonly groups: { comments: IToken[]; bom: IToken[]; unknown: IToken[] };
}

type Mode = 'line' | 'header' | 'value' | 'hook';

const NL = 10;
const CR = 13;
const HASH = 35;
const EQ = 61;
const LBRACK = 91;
const RBRACK = 93;

/** Bash's `[[:space:]]` minus `\n` (the WS set of tokens.ts). */
function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === CR;
}

/**
 * The wg-quick lexer, hand-written because building chevrotain's lexer for these modes costs more
 * than a whole lint of a wg0.conf (about 15 ms of start-up, docs/performance.md). It implements
 * exactly `lexerDefinition` in tokens.ts, which stays the specification: the test suite runs both
 * on the corpus and on fuzzed input and requires identical tokens.
 */
export function scanWg(text: string): WgScan {
  const tokens: IToken[] = [];
  const groups: WgScan['groups'] = { comments: [], bom: [], unknown: [] };
  const modes: Mode[] = ['line'];
  const n = text.length;
  let i = 0;

  const emit = (type: TokenType, start: number, end: number, into: IToken[] = tokens) => {
    // the fields of chevrotain's `onlyOffset` tokens (it sets no endOffset there either)
    into.push({ image: text.slice(start, end), startOffset: start, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type } as IToken);
  };
  /** End of a run of words separated by blanks, from `start` (one word char); `stop` ends a word. */
  const words = (start: number, stop: (c: number) => boolean): number => {
    let end = start + 1;
    let j = end;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === NL || stop(c)) break;
      if (isWs(c)) {
        j++;
        continue;
      }
      end = ++j;
    }
    return end;
  };

  while (i < n) {
    const mode = modes[modes.length - 1]!;
    const c = text.charCodeAt(i);
    // line terminator: `\r?\n`
    if (c === NL || (c === CR && text.charCodeAt(i + 1) === NL)) {
      const end = c === NL ? i + 1 : i + 2;
      if (mode === 'line') emit(NewLine, i, end);
      else {
        emit(NewLineEnd, i, end);
        if (modes.length > 1) modes.pop();
      }
      i = end;
      continue;
    }
    if (mode === 'line' && i === 0 && c === 0xfeff) {
      emit(Bom, 0, 1, groups.bom);
      i = 1;
      continue;
    }
    // blanks (a `\r` before `\n` was taken above) are skipped
    if (isWs(c)) {
      while (i < n && isWs(text.charCodeAt(i)) && !(text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === NL)) i++;
      continue;
    }
    if (c === HASH && mode !== 'hook') {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === NL || (d === CR && text.charCodeAt(j + 1) === NL)) break;
        j++;
      }
      emit(Comment, i, j, groups.comments);
      i = j;
      continue;
    }
    switch (mode) {
      case 'line': {
        if (c === LBRACK) {
          emit(LBracket, i, i + 1);
          modes.push('header');
          i++;
        } else if (c === EQ) {
          const prev = tokens[tokens.length - 1];
          const hook = prev !== undefined && prev.tokenType === Key && isHookKeyText(prev.image);
          emit(hook ? HookEquals : Equals, i, i + 1);
          modes.push(hook ? 'hook' : 'value');
          i++;
        } else {
          const end = words(i, (d) => d === EQ || d === HASH);
          emit(Key, i, end);
          i = end;
        }
        break;
      }
      case 'header': {
        if (c === RBRACK) {
          emit(RBracket, i, i + 1);
          modes.pop();
          i++;
        } else {
          const end = words(i, (d) => d === RBRACK || d === HASH);
          emit(HeaderName, i, end);
          i = end;
        }
        break;
      }
      case 'value': {
        const end = words(i, (d) => d === HASH);
        emit(Value, i, end);
        i = end;
        break;
      }
      case 'hook': {
        const end = words(i, () => false);
        emit(RawValue, i, end);
        i = end;
        break;
      }
    }
  }
  return { tokens, groups };
}
