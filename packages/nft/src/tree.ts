// Converts the chevrotain CST into a light token tree (lines of items, nested blocks) and gives
// the builders a cursor and the single token → range helper.
import type { CstNode, IToken } from 'chevrotain';
import type { SyntaxProblem, TextRange } from '@wglint/core';
import { Newline, Semi, RCurly } from './lexer.js';

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

/** Build context: problems and the single offset → range helper (applies `mapOffset`). */
export class Ctx {
  readonly problems: SyntaxProblem[] = [];
  /** `define`d values seen so far (file order), to resolve `$var` priorities. */
  readonly defines = new Map<string, unknown>();
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
