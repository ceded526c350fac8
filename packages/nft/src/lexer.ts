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

/** Length of the sticky regex's match at `offset` (0 when none); `test` allocates no match array. */
function sticky(re: RegExp, text: string, offset: number): number {
  re.lastIndex = offset;
  return re.test(text) ? re.lastIndex - offset : 0;
}

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

// Longest match so far in `scanWord` (module state rather than a closure per call).
let best = 0;
let kind: WordKind | null = null;
function take(len: number, k: WordKind): void {
  if (len > best) {
    best = len;
    kind = k;
  }
}

/** Longest match at `offset` among the scanner's word-ish rules; ties go to the earlier rule. */
function scanWord(text: string, offset: number): void {
  if (cacheOffset === offset && cacheText === text) return;
  cacheOffset = offset;
  cacheText = text;
  best = 0;
  kind = null;
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

// Images of words and numbers repeat (`ip`, `saddr`, `accept`, ports): one string per distinct
// image for the duration of a `lexNft` call, so the tokens and the AST built from them share it.
const interned = new Map<string, string>();
/** Off while `lexNftCompact` runs: its tokens are short-lived; images are interned when tokens are rebuilt. */
let internImages = true;

function internImage(s: string): string {
  const v = interned.get(s);
  if (v !== undefined) return v;
  interned.set(s, s);
  return s;
}

// chevrotain reads `match[0]` (and `payload`, never set here) right after `exec` returns, so one
// result array serves every call.
const execResult: [string] = [''];

function wordPattern(k: WordKind) {
  return {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      scanWord(text, offset);
      if (cacheKind !== k || cacheLen === 0) return null;
      const image = text.slice(offset, offset + cacheLen);
      execResult[0] = internImages && (k === 'word' || k === 'number') ? internImage(image) : image;
      return execResult as unknown as RegExpExecArray;
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

function nftLexer(): Lexer {
  lexer ??= new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: !!process.env['WGLINT_DEV'], skipValidations: !process.env['WGLINT_DEV'] });
  return lexer;
}

/** Lexes nft source. Never throws; unlexable characters become `Unknown` tokens. */
export function lexNft(text: string): LexResult {
  const lexer = nftLexer();
  interned.clear();
  const r = lexer.tokenize(text);
  interned.clear();
  cacheOffset = -1;
  cacheText = '';
  execResult[0] = '';
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

// ---- compact lexing ------------------------------------------------------------------------------

/** Token types by index (`CompactTokens.types`). */
export const TOKEN_TYPES: readonly TokenType[] = allTokens;
const INDEX_BY_TYPE_IDX: number[] = [];
allTokens.forEach((t, i) => {
  INDEX_BY_TYPE_IDX[t.tokenTypeIdx!] = i;
});
/** Types whose images repeat (words, keywords, numbers), by index. */
const INTERNED_TYPES = new Uint8Array(allTokens.length);
allTokens.forEach((t, i) => {
  if (t === Word || t === NumberTok || t.name.startsWith('Kw_')) INTERNED_TYPES[i] = 1;
});
export const TYPE_INDEX = {
  Newline: allTokens.indexOf(Newline),
  Semi: allTokens.indexOf(Semi),
  LCurly: allTokens.indexOf(LCurly),
  RCurly: allTokens.indexOf(RCurly),
  UnterminatedString: allTokens.indexOf(UnterminatedString),
};

/**
 * The tokens of a text in typed arrays (type index, start, end) instead of token objects: a large
 * ruleset has over a million tokens, and as objects they all live until the AST is built. Token
 * objects are made per line when a builder reads it (`compactToken`). Same tokens as `lexNft`.
 */
export interface CompactTokens {
  readonly text: string;
  readonly count: number;
  readonly types: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly comments: IToken[];
  readonly errors: { offset: number; length: number }[];
}

/** Text per chunk handed to chevrotain: small enough for its token objects to die young. */
const CHUNK = 1 << 15;

/**
 * End of the chunk starting at `from`: just after the first newline at or past `from + CHUNK`
 * that is outside strings and comments (every token ends at or before such a newline, and none
 * looks past it), or the end of the text.
 */
function chunkEnd(text: string, from: number, state: { inString: boolean; inComment: boolean; pos: number }): number {
  const target = from + CHUNK;
  const n = text.length;
  if (target >= n) return n;
  let i = state.pos;
  let inString = state.inString;
  let inComment = state.inComment;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 34) inString = false;
    } else if (inComment) {
      if (c === 10 || c === 13) {
        inComment = false;
        if (c === 10 && i + 1 >= target) break;
      }
    } else if (c === 34) inString = true;
    else if (c === 35) inComment = true;
    else if (c === 10 && i + 1 >= target) break;
  }
  if (i >= n) return n;
  state.pos = i + 1;
  state.inString = inString;
  state.inComment = inComment;
  return i + 1;
}

/** Lexes nft source into `CompactTokens`. Never throws. */
export function lexNftCompact(text: string): CompactTokens {
  const lexer = nftLexer();
  let cap = Math.max(64, (text.length >> 2) + 16);
  let types = new Uint8Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let count = 0;
  const comments: IToken[] = [];
  const errors: { offset: number; length: number }[] = [];
  const state = { inString: false, inComment: false, pos: 0 };
  internImages = false;
  try {
    for (let from = 0; from < text.length; ) {
      const to = chunkEnd(text, from, state);
      const chunk = from === 0 && to === text.length ? text : text.slice(from, to);
      cacheOffset = -1;
      const r = lexer.tokenize(chunk);
      const toks = r.tokens;
      if (count + toks.length > cap) {
        while (count + toks.length > cap) cap *= 2;
        const t2 = new Uint8Array(cap);
        t2.set(types);
        types = t2;
        const s2 = new Int32Array(cap);
        s2.set(starts);
        starts = s2;
        const e2 = new Int32Array(cap);
        e2.set(ends);
        ends = e2;
      }
      for (let k = 0; k < toks.length; k++) {
        const t = toks[k]!;
        let type = t.tokenType;
        if (type === Word) type = KEYWORD_TYPES.get(t.image) ?? Word;
        types[count] = INDEX_BY_TYPE_IDX[type.tokenTypeIdx!]!;
        starts[count] = t.startOffset + from;
        ends[count] = t.startOffset + from + t.image.length;
        count++;
      }
      const cs = r.groups['comments'] as IToken[] | undefined;
      if (cs) {
        for (const c of cs) {
          c.startOffset += from;
          comments.push(c);
        }
      }
      for (const e of r.errors) errors.push({ offset: e.offset + from, length: e.length });
      from = to;
    }
  } finally {
    internImages = true;
    cacheOffset = -1;
    cacheText = '';
    execResult[0] = '';
  }
  return { text, count, types, starts, ends, comments, errors };
}

/**
 * The token object of token `k`: the same fields and values `lexNft` gives it. Word and number
 * images go through `images`, so equal images are one string in the AST.
 */
export function compactToken(c: CompactTokens, k: number, images: Map<string, string>): IToken {
  const ti = c.types[k]!;
  const type = TOKEN_TYPES[ti]!;
  const start = c.starts[k]!;
  let image = c.text.slice(start, c.ends[k]!);
  if (INTERNED_TYPES[ti] === 1) {
    const v = images.get(image);
    if (v === undefined) images.set(image, image);
    else image = v;
  }
  return { image, startOffset: start, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type };
}
