// nft lexer. Mirrors the longest-match rules of nftables' src/scanner.l: addresses (IPv4, IPv6,
// `[v6]`, MAC), time strings (`1h30m`), hex/decimal numbers, class ids (`1:2`), wildcard names
// (`eth*`), identifiers. Every identifier is lexed as `Word`; words that structure the grammar are
// re-typed to keyword token types after lexing (see `KEYWORD_TYPES`), so context keywords stay
// plain words and the parser decides.
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

/** Any token that may appear inside a line (all but newline, `;`, braces). */
export const Item = createToken({ name: 'Item', pattern: Lexer.NA });
export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA, categories: [Item] });
/** A value-ish token: numbers, addresses, time strings, class ids. */
export const Literal = createToken({ name: 'Literal', pattern: Lexer.NA, categories: [Item] });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\f\v]+|\\\r?\n/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });
export const Newline = createToken({ name: 'Newline', pattern: /\r?\n/, line_breaks: true });
export const Semi = createToken({ name: 'Semi', pattern: /;/ });
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/ });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, categories: [Item] });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, categories: [Item] });
export const Comma = createToken({ name: 'Comma', pattern: /,/, categories: [Item] });
export const QuotedString = createToken({ name: 'QuotedString', pattern: /"[^"]*"/, line_breaks: true, categories: [Item] });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"[^"]*/, line_breaks: true, categories: [Item] });
export const Variable = createToken({ name: 'Variable', pattern: /\$[A-Za-z_.][A-Za-z0-9/\-_.]*/, categories: [Item] });
export const At = createToken({ name: 'At', pattern: /@/, categories: [Item] });
export const EqEq = createToken({ name: 'EqEq', pattern: /==/, categories: [Item] });
export const Neq = createToken({ name: 'Neq', pattern: /!=/, categories: [Item] });
export const Lshift = createToken({ name: 'Lshift', pattern: /<</, categories: [Item] });
export const Rshift = createToken({ name: 'Rshift', pattern: />>/, categories: [Item] });
export const Lte = createToken({ name: 'Lte', pattern: /<=/, categories: [Item] });
export const Gte = createToken({ name: 'Gte', pattern: />=/, categories: [Item] });
export const Lt = createToken({ name: 'Lt', pattern: /</, categories: [Item] });
export const Gt = createToken({ name: 'Gt', pattern: />/, categories: [Item] });
export const Assign = createToken({ name: 'Assign', pattern: /=/, categories: [Item] });
export const Not = createToken({ name: 'Not', pattern: /!/, categories: [Item] });
export const Amp = createToken({ name: 'Amp', pattern: /&/, categories: [Item] });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/, categories: [Item] });
export const Caret = createToken({ name: 'Caret', pattern: /\^/, categories: [Item] });
export const Slash = createToken({ name: 'Slash', pattern: /\//, categories: [Item] });
export const Dash = createToken({ name: 'Dash', pattern: /-/, categories: [Item] });
export const Star = createToken({ name: 'Star', pattern: /\*/, categories: [Item] });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, categories: [Item] });
export const Colon = createToken({ name: 'Colon', pattern: /:/, categories: [Item] });

// ---- word-ish tokens: one shared longest-match scanner, one token type per kind ------------------

type WordKind = 'address' | 'number' | 'time' | 'classid' | 'wildcard' | 'word' | 'dot';

let cacheOffset = -1;
let cacheText = '';
let cacheKind: WordKind | null = null;
let cacheLen = 0;

function isIp4(s: string): boolean {
  return /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(s);
}

function isIp6(s: string): boolean {
  if (s.length < 2 || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  let tail4 = 0;
  let body = s;
  const lastColon = s.lastIndexOf(':');
  if (s.indexOf('.') >= 0) {
    const v4 = s.slice(lastColon + 1);
    if (!isIp4(v4)) return false;
    tail4 = 2;
    body = s.slice(0, lastColon + 1);
    if (body.endsWith('::')) body = body;
    else body = body.slice(0, -1);
  }
  const dbl = body.indexOf('::');
  if (dbl >= 0) {
    if (body.indexOf('::', dbl + 1) >= 0) return false;
    const left = body.slice(0, dbl);
    const right = body.slice(dbl + 2);
    const lg = left === '' ? [] : left.split(':');
    const rg = right === '' ? [] : right.split(':');
    if (![...lg, ...rg].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
    return lg.length + rg.length + tail4 <= 7;
  }
  const groups = body === '' ? [] : body.split(':');
  return groups.length + tail4 === 8 && groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g));
}

function longestIp6(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && /[0-9a-fA-F:.]/.test(text[end]!)) end++;
  for (let e = end; e > offset + 1; e--) {
    const s = text.slice(offset, e);
    if (s.indexOf(':') >= 0 && isIp6(s)) return e - offset;
  }
  return 0;
}

const IDENT_START = /[A-Za-z_.]/;
const IDENT_CHAR = /[A-Za-z0-9/\-_.]/;

const RE_MAC = /[0-9a-fA-F]{1,2}(?::[0-9a-fA-F]{1,2}){5}/y;
const RE_IP4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/y;
const RE_TIME = /(?:\d+d)?(?:\d+h)?(?:\d+m(?!s))?(?:\d+s)?(?:\d+ms)?/y;
const RE_HEX = /0[xX][0-9a-fA-F]+/y;
const RE_DEC = /\d+/y;
const RE_CLASSID = /[0-9a-fA-F]{1,4}:[0-9a-fA-F]{1,4}(?=[ \t\r\n:\-},;]|$)/y;
const RE_IDENT = /[A-Za-z_.][A-Za-z0-9/\-_.]*/y;
const RE_8021 = /8021(?:q|ad)(?![A-Za-z0-9/\-_.])/y;

function sticky(re: RegExp, text: string, offset: number): number {
  re.lastIndex = offset;
  const m = re.exec(text);
  return m ? m[0].length : 0;
}

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Longest match at `offset` among the scanner's word-ish rules; ties go to the earlier rule. */
function scanWord(text: string, offset: number): void {
  if (cacheOffset === offset && cacheText === text) return;
  cacheOffset = offset;
  cacheText = text;
  let best = 0;
  let kind: WordKind | null = null;
  const take = (len: number, k: WordKind): void => {
    if (len > best) {
      best = len;
      kind = k;
    }
  };
  const code = text.charCodeAt(offset);
  const c = text[offset] ?? '';
  const digit = code >= 48 && code <= 57;
  const hex = isHexCode(code);
  // Address-like tokens need a ':' or '.' soon after the start: skip the regexes otherwise.
  let j = offset;
  while (j < text.length && j - offset < 5 && isHexCode(text.charCodeAt(j))) j++;
  const sep = text[j];
  if ((hex || c === ':') && (sep === ':' || sep === '.')) {
    take(sticky(RE_MAC, text, offset), 'address');
    if (digit) take(sticky(RE_IP4, text, offset), 'address');
    take(longestIp6(text, offset), 'address');
  }
  if (c === '[') {
    const close = text.indexOf(']', offset);
    if (close > offset && close - offset < 60 && isIp6(text.slice(offset + 1, close))) take(close - offset + 1, 'address');
  }
  if (digit) {
    const t = sticky(RE_TIME, text, offset);
    if (t > 0 && /[dhms]/.test(text[offset + t - 1]!)) take(t, 'time');
    take(sticky(RE_HEX, text, offset), 'number');
    take(sticky(RE_DEC, text, offset), 'number');
  }
  if (hex && sep === ':') take(sticky(RE_CLASSID, text, offset), 'classid');
  if (code === 56) {
    const l = sticky(RE_8021, text, offset);
    if (l) take(l, 'word');
  }
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46) {
    const len = sticky(RE_IDENT, text, offset);
    if (text.charCodeAt(offset + len) === 42) take(len + 1, 'wildcard');
    else take(len, len === 1 && c === '.' ? 'dot' : 'word');
  } else if (c === '\\' && text[offset + 1] === '*') take(2, 'wildcard');
  cacheKind = kind;
  cacheLen = best;
}

function wordPattern(k: WordKind) {
  return {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      scanWord(text, offset);
      if (cacheKind !== k || cacheLen === 0) return null;
      const r = [text.slice(offset, offset + cacheLen)] as unknown as RegExpExecArray;
      return r;
    },
  };
}

const WORD_START = [...'0123456789abcdefABCDEF:[._', ...'ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ', '\\'];
export const Address = createToken({ name: 'Address', pattern: wordPattern('address'), start_chars_hint: WORD_START, line_breaks: false, categories: [Literal, Item] });
export const TimeString = createToken({ name: 'TimeString', pattern: wordPattern('time'), start_chars_hint: [...'0123456789'], line_breaks: false, categories: [Literal, Item] });
export const NumberTok = createToken({ name: 'Number', pattern: wordPattern('number'), start_chars_hint: [...'0123456789'], line_breaks: false, categories: [Literal, Item] });
export const ClassId = createToken({ name: 'ClassId', pattern: wordPattern('classid'), start_chars_hint: [...'0123456789abcdefABCDEF'], line_breaks: false, categories: [Literal, Item] });
export const Wildcard = createToken({ name: 'Wildcard', pattern: wordPattern('wildcard'), start_chars_hint: WORD_START, line_breaks: false, categories: [Item] });
export const Dot = createToken({ name: 'Dot', pattern: wordPattern('dot'), start_chars_hint: ['.'], line_breaks: false, categories: [Item] });
export const Word = createToken({ name: 'Word', pattern: wordPattern('word'), start_chars_hint: WORD_START, line_breaks: false, categories: [AnyWord] });
const UNKNOWN_CHARS = [...'[]%?\'`~\\'];
for (let c = 33; c < 127; c++) {
  const ch = String.fromCharCode(c);
  if (!UNKNOWN_CHARS.includes(ch)) UNKNOWN_CHARS.push(ch);
}
/** Catch-all for a character no other token takes (ASCII); other characters become lexer errors. */
export const Unknown = createToken({ name: 'Unknown', pattern: /[^\s#;{}()",]/, start_chars_hint: UNKNOWN_CHARS.filter((c) => !'#;{}()",'.includes(c)), categories: [Item] });

/**
 * Words that structure commands and blocks. After lexing, a `Word` with one of these images is
 * re-typed, so the parser can use LL(1) decisions; all are also `AnyWord`.
 */
const KEYWORDS = [
  'table', 'chain', 'rule', 'set', 'map', 'element', 'flowtable', 'type', 'hook', 'priority', 'policy',
  'device', 'devices', 'define', 'redefine', 'undefine', 'include', 'elements',
] as const;
export type StructKeyword = (typeof KEYWORDS)[number];
export const KEYWORD_TYPES = new Map<string, TokenType>();
for (const k of KEYWORDS) {
  KEYWORD_TYPES.set(k, createToken({ name: `Kw_${k}`, pattern: Lexer.NA, categories: [AnyWord] }));
}
export const kw = (k: StructKeyword): TokenType => KEYWORD_TYPES.get(k)!;

export const allTokens: TokenType[] = [
  WhiteSpace, Comment, Newline, Semi, LCurly, RCurly, LParen, RParen, Comma, QuotedString, UnterminatedString,
  Variable, At, EqEq, Neq, Lshift, Rshift, Lte, Gte, Lt, Gt, Assign, Not, Amp, Pipe, Caret,
  Address, TimeString, ClassId, NumberTok, Wildcard, Dot, Word,
  Slash, Dash, Star, Plus, Colon, Unknown,
  Item, AnyWord, Literal, ...KEYWORD_TYPES.values(),
];

let lexer: Lexer | undefined;

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly errors: { offset: number; length: number; message: string }[];
}

/** Lexes nft source. Never throws; unlexable characters become `Unknown` tokens. */
export function lexNft(text: string): LexResult {
  lexer ??= new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: !!process.env['WGLINT_DEV'], skipValidations: !process.env['WGLINT_DEV'] });
  const r = lexer.tokenize(text);
  cacheOffset = -1;
  cacheText = '';
  for (const t of r.tokens) {
    if (t.tokenType === Word) {
      const k = KEYWORD_TYPES.get(t.image);
      if (k) {
        t.tokenType = k;
        t.tokenTypeIdx = k.tokenTypeIdx!;
      }
    }
  }
  const comments = (r.groups['comments'] ?? []) as IToken[];
  return {
    tokens: r.tokens,
    comments,
    errors: r.errors.map((e) => ({ offset: e.offset, length: e.length, message: e.message })),
  };
}
