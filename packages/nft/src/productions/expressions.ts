// nft(8) EXPRESSIONS, value part: numbers, addresses, prefixes, ranges, anonymous sets and set
// elements, concatenations, binary operations, maps. Selectors live in selectors.ts.
import type { IToken } from 'chevrotain';
import type { TextRange } from '@wglint/core';
import type { NftExpr, NftSetElement, NftOption, NftVerdictKind } from '../ast.js';
import { BINOPS, RESERVED_WORDS, RHS_KEYWORD_VALUES, VERDICTS } from '../keywords.js';
import { isSelectorStart, parseLhs } from './selectors.js';
import { Cur, LineError, exact, isBlock, isTok, itemEnd, itemStart, type TBlock, type TItem } from '../tree.js';

export interface ValueOpts {
  /** Allow selector expressions (`ip saddr`, `meta mark`) as values (statement arguments). */
  readonly selectors?: boolean;
  /** Allow anonymous sets `{ … }`. */
  readonly sets?: boolean;
  /** Allow comma lists `a,b,c`. */
  readonly list?: boolean;
  /** Allow `map { … }` lookups. */
  readonly map?: boolean;
  /** Allow verdicts (`accept`, `jump x`) as values (map data). */
  readonly verdicts?: boolean;
}

const TOKEN_OPS = new Set(['&', '|', '^', '<<', '>>']);

function word(cur: Cur, k = 0): string | null {
  const it = cur.peek(k);
  if (!isTok(it)) return null;
  const n = it.tokenType.name;
  return n === 'Word' || n.startsWith('Kw_') ? it.image : null;
}

export function r(cur: Cur, startIdx: number): TextRange {
  return cur.rangeFrom(startIdx);
}

/** A value (right-hand side or statement argument). */
export function parseValue(cur: Cur, opts: ValueOpts): NftExpr {
  const s = cur.i;
  const first = parseValueConcat(cur, opts);
  if (opts.list && cur.is(',')) {
    const items = [first];
    while (cur.is(',') && cur.peek(1) !== undefined) {
      cur.next();
      items.push(parseValueConcat(cur, opts));
    }
    return { type: 'NftList', items: exact(items), range: r(cur, s) };
  }
  return first;
}

function parseValueConcat(cur: Cur, opts: ValueOpts): NftExpr {
  const s = cur.i;
  const parts = [parseValueBinary(cur, opts)];
  while (cur.is('.') && cur.peek(1) !== undefined) {
    cur.next();
    parts.push(parseValueBinary(cur, opts));
  }
  let e: NftExpr = parts.length === 1 ? parts[0]! : { type: 'NftConcat', parts, range: r(cur, s) };
  if (opts.map !== false && cur.is('map')) {
    cur.next();
    const m = cur.peek();
    let map: NftExpr;
    if (isBlock(m)) map = parseSetBlock(cur, { selectors: false });
    else if (cur.is('@') || cur.tokName() === 'Variable') map = parseValuePrimary(cur, { sets: false });
    else return cur.fail(`expected \`{\` or \`@map\` after \`map\`, found ${cur.describe()}`);
    e = { type: 'NftMapLookup', key: e, map, range: r(cur, s) };
  }
  return e;
}

function parseValueBinary(cur: Cur, opts: ValueOpts): NftExpr {
  const s = cur.i;
  let e = parseValuePostfix(cur, opts);
  for (;;) {
    const img = cur.img();
    const op = BINOPS.get(img);
    if (!op || !isTok(cur.peek()) || cur.peek(1) === undefined) break;
    // Word forms (`or`, `and`) only when a value follows (`meta mark set 1 or 2`).
    if (!TOKEN_OPS.has(img) && !startsValue(cur, 1)) break;
    cur.next();
    const right = parseValuePostfix(cur, { ...opts, list: false });
    e = { type: 'NftBinary', op, left: e, right, range: r(cur, s) };
  }
  return e;
}

function startsValue(cur: Cur, k: number): boolean {
  const it = cur.peek(k);
  if (!it) return false;
  if (isBlock(it)) return true;
  const n = it.tokenType.name;
  return n !== 'Comma' && n !== 'Colon' && n !== 'Semi';
}

function parseValuePostfix(cur: Cur, opts: ValueOpts): NftExpr {
  const s = cur.i;
  const p = parseValuePrimary(cur, opts);
  if (cur.is('/') && cur.peek(1) !== undefined && isTok(cur.peek(1)) && (cur.peek(1) as IToken).tokenType.name === 'Number') {
    cur.next();
    const len = Number((cur.next() as IToken).image);
    return { type: 'NftPrefix', address: p, length: len, range: r(cur, s) };
  }
  if (cur.is('/') && cur.peek(1) !== undefined) {
    // `tcp flags syn / syn,ack`: value under a mask
    cur.next();
    const mask = parseValuePrimary(cur, { ...opts, selectors: false, sets: false });
    return { type: 'NftBinary', op: '/', left: p, right: mask, range: r(cur, s) };
  }
  if (cur.is('-') && cur.peek(1) !== undefined) {
    cur.next();
    const high = parseValuePrimary(cur, { ...opts, selectors: false, sets: false });
    return { type: 'NftRange', low: p, high, range: r(cur, s) };
  }
  return p;
}

function timeToMs(t: string): number {
  let ms = 0;
  const re = /(\d+)(ms|d|h|m|s)/g;
  let m: RegExpExecArray | null;
  const mult: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  while ((m = re.exec(t))) ms += Number(m[1]) * mult[m[2]!]!;
  return ms;
}

export function addressFamily(text: string): 'ip' | 'ip6' | 'ether' {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(text)) return 'ip';
  if (/^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/.test(text)) return 'ether';
  return 'ip6';
}

/** One value primary. */
export function parseValuePrimary(cur: Cur, opts: ValueOpts): NftExpr {
  const s = cur.i;
  const it = cur.peek();
  if (it === undefined) return cur.fail(`expected a value, found ${cur.describe()}`);
  if (isBlock(it)) {
    if (!opts.sets) cur.fail('unexpected `{`: a set is not allowed here');
    return parseSetBlock(cur, { selectors: !!opts.selectors });
  }
  const n = it.tokenType.name;
  const img = it.image;
  switch (n) {
    case 'Number':
      cur.next();
      return { type: 'NftNumber', text: img, value: Number(img), range: r(cur, s) };
    case 'Address':
      cur.next();
      return { type: 'NftAddress', family: img.startsWith('[') ? 'ip6' : addressFamily(img), text: img, range: r(cur, s) };
    case 'TimeString':
      cur.next();
      return { type: 'NftTime', text: img, ms: timeToMs(img), range: r(cur, s) };
    case 'ClassId':
      cur.next();
      return { type: 'NftSymbol', name: img, range: r(cur, s) };
    case 'QuotedString': {
      cur.next();
      const v = img.slice(1, -1);
      if (v.endsWith('*') && !v.endsWith('\\*')) return { type: 'NftWildcard', prefix: v.slice(0, -1), range: r(cur, s) };
      return { type: 'NftString', value: v, quoted: true, range: r(cur, s) };
    }
    case 'UnterminatedString':
      return cur.fail('unterminated string: add the closing `"`');
    case 'Wildcard':
      cur.next();
      return { type: 'NftWildcard', prefix: img.replace(/\\?\*$/, ''), range: r(cur, s) };
    case 'Variable':
      cur.next();
      return { type: 'NftVariable', name: img.slice(1), range: r(cur, s) };
    case 'Star':
      cur.next();
      return { type: 'NftSymbol', name: '*', range: r(cur, s) };
    case 'At': {
      if (opts.selectors && isSelectorStart(cur)) return parseLhs(cur);
      cur.next();
      const nm = cur.peek();
      if (!isTok(nm) || !(nm.tokenType.name === 'Word' || nm.tokenType.name.startsWith('Kw_'))) cur.fail(`expected a set name after \`@\`, found ${cur.describe()}`);
      if (RESERVED_WORDS.has(nm.image)) cur.fail(`\`${nm.image}\` is a reserved word and cannot be a set name`);
      cur.next();
      return { type: 'NftSetRef', name: nm.image, range: r(cur, s) };
    }
    case 'LParen': {
      cur.next();
      const e = parseValue(cur, { ...opts, list: false });
      if (!cur.accept(')')) cur.fail(`expected \`)\`, found ${cur.describe()}`);
      return { type: 'NftParen', expr: e, range: r(cur, s) };
    }
  }
  if (n === 'Word' || n.startsWith('Kw_')) {
    if (opts.selectors && isSelectorStart(cur)) return parseLhs(cur, false);
    if (VERDICTS.has(img) && opts.verdicts) {
      cur.next();
      let target: string | null = null;
      if (img === 'jump' || img === 'goto') {
        const t = cur.peek();
        if (!isTok(t) || !(t.tokenType.name === 'Word' || t.tokenType.name === 'Variable' || t.tokenType.name.startsWith('Kw_'))) cur.fail(`expected a chain name after \`${img}\`, found ${cur.describe()}`);
        if (RESERVED_WORDS.has(t.image)) cur.fail(`\`${t.image}\` is a reserved word and cannot be a chain name`);
        if (t.image.length > 256) cur.fail(`chain name is ${t.image.length} characters long; nft allows at most 256`);
        cur.next();
        target = t.image;
      }
      return { type: 'NftVerdictExpr', verdict: img as NftVerdictKind, target, range: r(cur, s) };
    }
    if (RESERVED_WORDS.has(img) && !RHS_KEYWORD_VALUES.has(img)) cur.fail(`unexpected keyword \`${img}\`: expected a value`);
    cur.next();
    return { type: 'NftSymbol', name: img, range: r(cur, s) };
  }
  return cur.fail(`expected a value, found ${cur.describe()}`);
}

/** Element options after a set element key (`timeout 1h`, `comment "x"`, `counter …`). */
const ELEMENT_OPTIONS = new Set(['timeout', 'expires', 'comment', 'counter', 'quota', 'limit', 'last', 'ct']);

/** Parses a `{ … }` block at the cursor as a set expression. */
export function parseSetBlock(cur: Cur, opts: { selectors: boolean }): NftExpr {
  const b = cur.next() as TBlock;
  const elements = parseElements(cur, b, opts);
  return { type: 'NftSetExpr', elements, range: cur.ctx.range(b.start, b.end) };
}

/** Parses the elements of a brace block (newlines are insignificant inside sets). */
export function parseElements(outer: Cur, b: TBlock, opts: { selectors: boolean }): NftSetElement[] {
  const items: TItem[] = [];
  for (const l of b.lines) {
    items.push(...l.items);
    if (l.terminator === 'semi') {
      outer.ctx.error(outer.ctx.range(l.end, l.end + 1), 'unexpected `;` inside a set: separate elements with `,`');
      throw new LineError('semi');
    }
  }
  const cur = new Cur(outer.ctx, items, b.end - 1, 'rcurly');
  const text = outer.ctx.text;
  const out: NftSetElement[] = [];
  let prevEnd = b.open.startOffset + 1;
  while (!cur.atEnd()) {
    const s = cur.i;
    const startOff = itemStart(cur.peek()!);
    const breakBefore = text.slice(prevEnd, startOff).includes('\n');
    const key = parseValue(cur, { selectors: opts.selectors, sets: true, list: false, map: false });
    const options: NftOption[] = [];
    let value: NftExpr | null = null;
    for (;;) {
      const w = cur.img();
      if (ELEMENT_OPTIONS.has(w)) {
        options.push(parseElementOption(cur));
        continue;
      }
      if (cur.is(':') && value === null) {
        cur.next();
        value = parseValue(cur, { selectors: opts.selectors, sets: false, list: false, map: opts.selectors, verdicts: true });
        continue;
      }
      break;
    }
    const el: NftSetElement = { type: 'NftSetElement', key, value, options, breakBefore, range: r(cur, s) };
    // nft allows line breaks only around `,` and the braces, not inside an element.
    const elStart = itemStart(cur.items[s]!);
    const nl = text.slice(elStart, itemEnd(cur.items[cur.i - 1]!)).indexOf('\n');
    if (nl >= 0) {
      outer.ctx.error(outer.ctx.range(elStart + nl, elStart + nl + 1), 'unexpected line break inside a set element: break lines only after `,`');
      throw new LineError('newline in element');
    }
    out.push(el);
    prevEnd = itemEnd(cur.items[cur.i - 1]!);
    if (cur.atEnd()) break;
    if (!cur.accept(',')) cur.fail(`expected \`,\` or \`}\` after a set element, found ${cur.describe()}`);
  }
  return exact(out);
}

function parseElementOption(cur: Cur): NftOption {
  const s = cur.i;
  const key = (cur.next() as IToken).image;
  let value: NftExpr | null = null;
  if (key === 'timeout' || key === 'expires' || key === 'comment') {
    value = parseValuePrimary(cur, {});
  } else {
    // counter [packets N bytes N], quota [over|until] N unit, limit rate …, last [used never|T], ct count …
    const ws: NftExpr[] = [];
    while (!cur.atEnd() && !cur.is(',') && !cur.is(':') && !ELEMENT_OPTIONS.has(cur.img())) {
      const t = cur.next();
      if (isBlock(t)) cur.fail('unexpected `{` in a set element');
      ws.push({ type: 'NftSymbol', name: (t as IToken).image, range: cur.ctx.itemRange(t) });
    }
    if (ws.length) value = { type: 'NftList', items: ws, range: r(cur, s + 1) };
  }
  return { key, value, range: r(cur, s) };
}

export { word, isSelectorStart, parseLhs };
export { parseSelector } from './selectors.js';
