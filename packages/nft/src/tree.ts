// Converts the chevrotain CST into a light token tree (lines of items, nested blocks) and gives
// the builders a cursor and the single token → range helper.
import type { CstNode, IToken } from 'chevrotain';
import type { SyntaxProblem, TextRange } from '@wglint/core';
import { Newline, Semi, RCurly, TYPE_INDEX, compactToken, type CompactTokens } from './lexer.js';

export interface TBlock {
  readonly kind: 'block';
  readonly open: IToken;
  /** Null when the block is not closed before the end of input. */
  readonly close: IToken | null;
  readonly lines: TLine[];
  readonly start: number;
  readonly end: number;
}
export type TItem = IToken | TBlock;
export interface TLine {
  readonly items: TItem[];
  readonly start: number;
  readonly end: number;
  /** What ended the line: a newline, `;`, the enclosing block's `}`, or end of input (null). */
  readonly terminator: 'newline' | 'semi' | 'rcurly' | 'eof';
}

export const isBlock = (i: TItem | undefined): i is TBlock => !!i && (i as TBlock).kind === 'block';
export const isTok = (i: TItem | undefined): i is IToken => !!i && (i as TBlock).kind !== 'block';

/**
 * `a`, or an exact-size copy when it has elements: an array grown by `push` keeps room for ~17
 * elements, and the AST keeps hundreds of thousands of short arrays (statements, set elements).
 */
export function exact<T>(a: T[]): T[] {
  return a.length === 0 ? a : a.slice();
}

/** Whether a token is real source text (chevrotain marks recovery-inserted tokens). */
export function realToken(t: IToken): boolean {
  return !t.isInsertedInRecovery && Number.isFinite(t.startOffset) && t.startOffset >= 0;
}

export function itemStart(i: TItem): number {
  return isBlock(i) ? i.start : i.startOffset;
}
export function itemEnd(i: TItem): number {
  return isBlock(i) ? i.end : i.startOffset + i.image.length;
}

/** Builds the token tree. `next` maps a token's start offset to the kind of the following token. */
export function buildTree(cst: CstNode, tokens: readonly IToken[], textLength: number): { lines: TLine[]; stray: IToken[] } {
  // Token positions, to find the token after a line's last item.
  const following = (t: IToken): IToken | undefined => {
    let lo = 0;
    let hi = tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const o = tokens[mid]!.startOffset;
      if (o === t.startOffset) return tokens[mid + 1];
      if (o < t.startOffset) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  const termOf = (lastEnd: TItem): TLine['terminator'] => {
    const t = isBlock(lastEnd) ? (lastEnd.close ? following(lastEnd.close) : undefined) : following(lastEnd);
    if (!t) return 'eof';
    if (t.tokenType === Newline) return 'newline';
    if (t.tokenType === Semi) return 'semi';
    if (t.tokenType === RCurly) return 'rcurly';
    return 'eof';
  };
  const lineOf = (n: CstNode): TLine | null => {
    const raw = (n.children['item'] ?? []) as (IToken | CstNode)[];
    const items: TItem[] = [];
    for (const r of raw) {
      if ('image' in r) {
        if (realToken(r)) items.push(r);
      } else items.push(blockOf(r));
    }
    if (items.length === 0) return null;
    const last = items[items.length - 1]!;
    return { items, start: itemStart(items[0]!), end: itemEnd(last), terminator: termOf(last) };
  };
  const blockOf = (n: CstNode): TBlock => {
    const open = (n.children['LCurly'] as IToken[])[0]!;
    const closeTok = (n.children['RCurly'] as IToken[] | undefined)?.[0];
    const close = closeTok && realToken(closeTok) ? closeTok : null;
    const lines = ((n.children['line'] ?? []) as CstNode[]).map(lineOf).filter((l): l is TLine => l !== null);
    let end = close ? close.startOffset + 1 : lines.length ? lines[lines.length - 1]!.end : open.startOffset + 1;
    if (!close) end = Math.max(end, Math.min(textLength, end));
    return { kind: 'block', open, close, lines, start: open.startOffset, end };
  };
  const lines = ((cst.children['line'] ?? []) as CstNode[]).map(lineOf).filter((l): l is TLine => l !== null);
  const stray = ((cst.children['stray'] ?? []) as IToken[]).filter(realToken);
  return { lines, stray };
}

/** A line of the compact tree: its items are made when a builder reads them (once). */
// Fields are `declare`d (assigned in the constructor) so no class-field definitions run first.
class CompactLine implements TLine {
  declare private readonly c: CompactTokens;
  declare private readonly images: Map<string, string>;
  /** Token indexes: the line's first token, and the one after its last item. */
  declare private readonly from: number;
  declare private readonly to: number;
  /** Its blocks in order, with the token index after each. */
  declare private readonly blocks: readonly TBlock[] | null;
  declare private readonly afters: readonly number[] | null;
  declare readonly start: number;
  declare readonly end: number;
  declare readonly terminator: TLine['terminator'];
  constructor(
    c: CompactTokens, images: Map<string, string>, from: number, to: number, blocks: readonly TBlock[] | null, afters: readonly number[] | null,
    start: number, end: number, terminator: TLine['terminator'],
  ) {
    this.c = c;
    this.images = images;
    this.from = from;
    this.to = to;
    this.blocks = blocks;
    this.afters = afters;
    this.start = start;
    this.end = end;
    this.terminator = terminator;
  }
  get items(): TItem[] {
    const { c, images, to, blocks, afters } = this;
    const lc = TYPE_INDEX.LCurly;
    const out: TItem[] = [];
    let bi = 0;
    for (let k = this.from; k < to; ) {
      if (blocks && c.types[k] === lc) {
        out.push(blocks[bi]!);
        k = afters![bi++]!;
      } else out.push(compactToken(c, k++, images));
    }
    return out;
  }
}

/**
 * Builds the same token tree as `buildTree` straight from the compact tokens, without a CST: the
 * grammar is `ruleset: (NL | ';' | '}' | line)* EOF`, `line: (item | block)+`,
 * `block: '{' (NL | ';' | line)* '}'`, and the only syntax error it can meet is a block still open
 * at the end of input, which chevrotain's recovery closes there, as this does. Lines hold token
 * indexes; their token objects are made when a builder reads them. Also returns the blocks left
 * open, in `unclosedBlocks` order (the order of their `{`). Null when blocks nest deeper than
 * `maxDepth`: the caller then takes the chevrotain path, whose limits on deep input it keeps.
 */
export function buildCompactTree(c: CompactTokens, maxDepth: number, images: Map<string, string>): { lines: TLine[]; stray: IToken[]; unclosed: TBlock[] } | null {
  const { types, starts, ends, count } = c;
  const NL = TYPE_INDEX.Newline;
  const SEMI = TYPE_INDEX.Semi;
  const LC = TYPE_INDEX.LCurly;
  const RC = TYPE_INDEX.RCurly;
  const top: TLine[] = [];
  const stray: IToken[] = [];
  // Blocks in the order their `{` appear; a block is filled in when it closes.
  const opened: { block: TBlock | null }[] = [];
  // Per open level: lines; the current line's first token (-1: none), end offset of its last
  // item so far, and its blocks with the index after each.
  interface Level {
    lines: TLine[];
    first: number;
    lastEnd: number;
    blocks: TBlock[] | null;
    afters: number[] | null;
    open: number;
    slot: { block: TBlock | null };
  }
  const stack: Level[] = [];
  let lv: Level = { lines: top, first: -1, lastEnd: 0, blocks: null, afters: null, open: -1, slot: { block: null } };
  const endLine = (to: number, terminator: TLine['terminator']): void => {
    lv.lines.push(new CompactLine(c, images, lv.first, to, lv.blocks, lv.afters, starts[lv.first]!, lv.lastEnd, terminator));
    lv.first = -1;
    lv.blocks = null;
    lv.afters = null;
  };
  const closeLevel = (close: number): void => {
    // `close`: index of the `}` token, or -1 at the end of input.
    const inner = lv;
    const openTok = compactToken(c, inner.open, images);
    const closeTok = close >= 0 ? compactToken(c, close, images) : null;
    const end = closeTok ? closeTok.startOffset + 1 : inner.lines.length ? inner.lines[inner.lines.length - 1]!.end : openTok.startOffset + 1;
    const block: TBlock = { kind: 'block', open: openTok, close: closeTok, lines: exact(inner.lines), start: openTok.startOffset, end };
    inner.slot.block = block;
    lv = stack.pop()!;
    // Most lines hold one block (`{ 22, 80 }`): literal arrays, not ones grown by `push`.
    const after = close >= 0 ? close + 1 : count;
    if (lv.blocks) {
      lv.blocks.push(block);
      lv.afters!.push(after);
    } else {
      lv.blocks = [block];
      lv.afters = [after];
    }
    lv.lastEnd = end;
  };
  for (let i = 0; i < count; i++) {
    const type = types[i]!;
    if (type === NL) {
      if (lv.first >= 0) endLine(i, 'newline');
    } else if (type === SEMI) {
      if (lv.first >= 0) endLine(i, 'semi');
    } else if (type === RC) {
      if (lv.first >= 0) endLine(i, 'rcurly');
      if (stack.length === 0) stray.push(compactToken(c, i, images));
      else closeLevel(i);
    } else if (type === LC) {
      if (stack.length >= maxDepth) return null;
      if (lv.first < 0) lv.first = i;
      const slot = { block: null };
      opened.push(slot);
      stack.push(lv);
      lv = { lines: [], first: -1, lastEnd: 0, blocks: null, afters: null, open: i, slot };
    } else {
      if (lv.first < 0) lv.first = i;
      lv.lastEnd = ends[i]!;
    }
  }
  for (;;) {
    if (lv.first >= 0) endLine(count, 'eof');
    if (stack.length === 0) break;
    closeLevel(-1);
  }
  const unclosed: TBlock[] = [];
  for (const o of opened) if (!o.block!.close) unclosed.push(o.block!);
  return { lines: top, stray, unclosed };
}

/** Build context: problems and the single offset → range helper (applies `mapOffset`). */
export class Ctx {
  readonly problems: SyntaxProblem[] = [];
  /**
   * `define`d values seen so far (file order), to resolve `$var` priorities: one scope per open
   * block (file, table block, chain block; innermost last), as nft scopes them. A block's map is
   * made on its first define.
   */
  readonly defineScopes: (Map<string, unknown> | null)[] = [null];
  openScope(): void {
    this.defineScopes.push(null);
  }
  closeScope(): void {
    if (this.defineScopes.length > 1) this.defineScopes.pop();
  }
  /** `define`/`redefine` bind in the innermost scope; `undefine` unbinds there only. */
  bindDefine(name: string, value: unknown, undefine: boolean): void {
    const i = this.defineScopes.length - 1;
    let m = this.defineScopes[i]!;
    if (undefine) {
      m?.delete(name);
      return;
    }
    if (!m) m = this.defineScopes[i] = new Map();
    m.set(name, value);
  }
  /** The value of `$name` here: the innermost scope that binds it. */
  lookupDefine(name: string): unknown {
    for (let i = this.defineScopes.length - 1; i >= 0; i--) {
      const m = this.defineScopes[i];
      if (m?.has(name)) return m.get(name);
    }
    return undefined;
  }
  constructor(
    readonly text: string,
    private readonly mapOffset: ((offset: number) => number) | undefined,
  ) {}
  range(start: number, end: number): TextRange {
    const m = this.mapOffset;
    return m ? { start: m(start), end: end > start ? m(end - 1) + 1 : m(start) } : { start, end };
  }
  itemRange(i: TItem): TextRange {
    return this.range(itemStart(i), itemEnd(i));
  }
  spanRange(a: TItem, b: TItem): TextRange {
    return this.range(itemStart(a), itemEnd(b));
  }
  error(range: TextRange, message: string): void {
    this.problems.push({ range, message });
  }
}

/** Thrown inside a line builder to abandon the rest of the line after its first error. */
export class LineError extends Error {}

/** Cursor over the items of one line. */
export class Cur {
  i = 0;
  constructor(
    readonly ctx: Ctx,
    readonly items: readonly TItem[],
    /** Offset where the line ends (for "missing" errors at the end). */
    readonly endOffset: number,
    readonly terminator: TLine['terminator'],
  ) {}
  peek(k = 0): TItem | undefined {
    return this.items[this.i + k];
  }
  /** Image of the k-th item (`{` for blocks), or '' at the end. */
  img(k = 0): string {
    const it = this.items[this.i + k];
    return it === undefined ? '' : isBlock(it) ? '{' : it.image;
  }
  tokName(k = 0): string {
    const it = this.items[this.i + k];
    return it === undefined ? '' : isBlock(it) ? 'LCurly' : it.tokenType.name;
  }
  atEnd(): boolean {
    return this.i >= this.items.length;
  }
  next(): TItem {
    return this.items[this.i++]!;
  }
  is(text: string, k = 0): boolean {
    const it = this.items[this.i + k];
    return it !== undefined && !isBlock(it) && it.image === text;
  }
  accept(text: string): IToken | null {
    if (this.is(text)) return this.next() as IToken;
    return null;
  }
  prevEnd(): number {
    const p = this.items[this.i - 1];
    return p ? itemEnd(p) : this.endOffset;
  }
  /** Range of the current item, or an empty range at the end of the line. */
  hereRange(): TextRange {
    const it = this.peek();
    if (it) return this.ctx.itemRange(it);
    return this.ctx.range(this.prevEnd(), this.prevEnd());
  }
  /** What is here, for messages: "`foo`" or "the end of the line". */
  describe(): string {
    if (this.atEnd()) {
      if (this.terminator === 'rcurly') return '`}`';
      if (this.terminator === 'semi') return '`;`';
      return 'the end of the line';
    }
    const s = this.img();
    return s === '{' ? '`{`' : `\`${s.length > 40 ? s.slice(0, 40) + '…' : s}\``;
  }
  fail(message: string): never {
    this.ctx.error(this.hereRange(), message);
    throw new LineError(message);
  }
  /** Range from an item index to the previous item's end. */
  rangeFrom(startIdx: number): TextRange {
    const a = this.items[startIdx];
    if (!a) return this.ctx.range(this.prevEnd(), this.prevEnd());
    const end = Math.max(itemEnd(a), this.prevEnd());
    return this.ctx.range(itemStart(a), end);
  }
}
