// Shared pieces of the section builders: names, families, specs, `define`/`include`, priorities,
// and the block-line loop that enforces nft's mandatory separators.
import type { IToken } from 'chevrotain';
import type { NftDefine, NftExpr, NftFamily, NftInclude, NftName, NftPriority } from '../ast.js';
import { BRIDGE_PRIORITIES, FAMILIES, PRIORITIES, RESERVED_WORDS } from '../keywords.js';
import { Cur, Ctx, LineError, isTok, itemStart, type TBlock, type TLine } from '../tree.js';
import { parseValue, word } from './expressions.js';

export function nameOf(cur: Cur, t: IToken): NftName {
  return { text: t.image, range: cur.ctx.itemRange(t) };
}

/** Reads a table/chain/set/object name (an unquoted identifier that is not a reserved word). */
export function parseName(cur: Cur, what: string, after: string): NftName {
  const t = cur.peek();
  if (isTok(t) && t.tokenType.name === 'QuotedString') {
    cur.fail(`${what} names cannot be quoted: write ${t.image.slice(1, -1) || 'a name'} without quotes (found ${t.image})`);
  }
  if (!isTok(t) || !(t.tokenType.name === 'Word' || t.tokenType.name.startsWith('Kw_'))) {
    return cur.fail(`expected a ${what} name after \`${after}\`, found ${cur.describe()}`);
  }
  if (RESERVED_WORDS.has(t.image)) {
    cur.fail(`\`${t.image}\` is a reserved word in nft and cannot be used as a ${what} name; rename it`);
  }
  if (t.image.length > 256) cur.fail(`${what} name is ${t.image.length} characters long; nft allows at most 256`);
  cur.next();
  return nameOf(cur, t);
}

export function parseFamily(cur: Cur): { family: NftFamily; explicit: boolean } {
  const w = word(cur);
  if (w !== null && FAMILIES.has(w)) {
    cur.next();
    return { family: w as NftFamily, explicit: true };
  }
  if (w === 'ip4' || w === 'ipv4' || w === 'ipv6' || w === 'ether') cur.fail(`unknown family \`${w}\`; expected ip, ip6, inet, arp, bridge or netdev`);
  return { family: 'ip', explicit: false };
}

/** `handle N` after a spec. */
/** `comment "text"` with `cur` at `comment`: takes both and gives the text without its quotes. */
export function parseComment(cur: Cur): string {
  cur.next();
  const c = cur.peek();
  if (!isTok(c) || c.tokenType.name !== 'QuotedString') cur.fail(`expected a quoted string after \`comment\`, found ${cur.describe()}`);
  cur.next();
  return c.image.slice(1, -1);
}

export function parseHandle(cur: Cur): number | undefined {
  if (!cur.is('handle')) return undefined;
  cur.next();
  const t = cur.peek();
  if (!isTok(t) || t.tokenType.name !== 'Number') cur.fail(`expected a number after \`handle\`, found ${cur.describe()}`);
  cur.next();
  return Number(t.image);
}

/** Fails unless the line is fully consumed. */
export function expectLineEnd(cur: Cur): void {
  if (cur.atEnd()) return;
  const prev = cur.items[cur.i - 1];
  if (prev && !isTok(prev)) cur.fail(`expected a newline or \`;\` after \`}\`, found ${cur.describe()}`);
  cur.fail(`unexpected ${cur.describe()}: expected a newline or \`;\``);
}

/** `define NAME = VALUE`, `redefine …`, `undefine NAME`. */
export function parseDefine(cur: Cur): NftDefine {
  const s = cur.i;
  const kind = (cur.next() as IToken).image as NftDefine['kind'];
  const t = cur.peek();
  if (!isTok(t) || !(t.tokenType.name === 'Word' || t.tokenType.name.startsWith('Kw_'))) {
    return cur.fail(`expected a variable name after \`${kind}\`, found ${cur.describe()}`);
  }
  if (RESERVED_WORDS.has(t.image)) cur.fail(`\`${t.image}\` is a reserved word and cannot be a variable name`);
  cur.next();
  const name = nameOf(cur, t);
  let value: NftExpr | null = null;
  if (kind !== 'undefine') {
    if (!cur.accept('=')) cur.fail(`expected \`=\` after \`${kind} ${t.image}\`, found ${cur.describe()}`);
    if (cur.atEnd()) cur.fail(`expected a value after \`${kind} ${t.image} =\``);
    const neg = cur.peek(1);
    if (cur.is('-') && isTok(neg) && neg.tokenType.name === 'Number') {
      // initializer_expr: DASH NUM (`define prio = -10`)
      const ds = cur.i;
      cur.i += 2;
      value = { type: 'NftNumber', text: `-${neg.image}`, value: -Number(neg.image), range: cur.rangeFrom(ds) } as NftExpr;
    } else value = parseValue(cur, { selectors: true, sets: true, list: true, map: true, verdicts: true });
  }
  expectLineEnd(cur);
  cur.ctx.bindDefine(name.text, value, kind === 'undefine');
  return { type: 'NftDefine', kind, name, value, range: cur.rangeFrom(s) };
}

export function parseInclude(cur: Cur): NftInclude {
  const s = cur.i;
  cur.next();
  const t = cur.peek();
  if (!isTok(t) || t.tokenType.name !== 'QuotedString') return cur.fail(`expected a quoted path after \`include\`, found ${cur.describe()}`);
  cur.next();
  expectLineEnd(cur);
  return { type: 'NftInclude', path: { text: t.image.slice(1, -1), range: cur.ctx.itemRange(t) }, range: cur.rangeFrom(s) };
}

/** Priority spec: `0`, `-10`, `filter`, `filter - 10`, `dstnat + 5`, `$prio`. */
export function parsePriority(cur: Cur, family: NftFamily): NftPriority {
  const s = cur.i;
  let keyword: string | null = null;
  let value: number | null = null;
  const t = cur.peek();
  if (!isTok(t)) return cur.fail(`expected a priority after \`priority\`, found ${cur.describe()}`);
  const n = t.tokenType.name;
  if (n === 'Number') {
    cur.next();
    value = Number(t.image);
  } else if (n === 'Dash' && isTok(cur.peek(1)) && (cur.peek(1) as IToken).tokenType.name === 'Number') {
    cur.next();
    value = -Number((cur.next() as IToken).image);
  } else if (n === 'Variable') {
    cur.next();
    // `define prio = -10` / `define prio = filter`: resolve when the define is a plain value
    const v = cur.ctx.lookupDefine(t.image.slice(1)) as NftExpr | undefined;
    if (v?.type === 'NftNumber') value = v.value;
    else if (v?.type === 'NftSymbol') value = (family === 'bridge' ? BRIDGE_PRIORITIES : PRIORITIES).get(v.name) ?? null;
  } else if (n === 'Word' || n.startsWith('Kw_')) {
    cur.next();
    keyword = t.image;
    const table = family === 'bridge' ? BRIDGE_PRIORITIES : PRIORITIES;
    const base = table.get(t.image);
    if (base === undefined) cur.ctx.error(cur.ctx.itemRange(t), `unknown priority \`${t.image}\`; expected a number or one of ${[...table.keys()].join(', ')}`);
    value = base ?? null;
    if ((cur.is('+') || cur.is('-')) && isTok(cur.peek(1)) && (cur.peek(1) as IToken).tokenType.name === 'Number') {
      const sign = (cur.next() as IToken).image === '-' ? -1 : 1;
      const off = Number((cur.next() as IToken).image);
      if (value !== null) value += sign * off;
    }
  } else return cur.fail(`expected a priority after \`priority\`, found ${cur.describe()}`);
  const range = cur.rangeFrom(s);
  return { type: 'NftPriority', text: cur.ctx.text.slice(itemStart(cur.items[s]!), cur.prevEnd()), keyword, value, range };
}

/**
 * Iterates the lines of a block, checking the mandatory separator and catching line errors. The
 * tree is read once: each line is dropped from the block when it has been built, so the tokens of
 * a large block can be collected while its AST is built.
 */
/** What a block line's builder returns when its item may end the block without a separator. */
export const LAST_WITHOUT_SEPARATOR = 'last-without-separator';

export function eachBlockLine(ctx: Ctx, b: TBlock, requireSep: boolean, fn: (cur: Cur, line: TLine) => void | typeof LAST_WITHOUT_SEPARATOR): void {
  const lines = b.lines as (TLine | undefined)[];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    lines[i] = undefined;
    const cur = new Cur(ctx, line.items, line.end, line.terminator);
    try {
      const last = fn(cur, line);
      if (requireSep && line.terminator === 'rcurly' && b.close && last !== LAST_WITHOUT_SEPARATOR) {
        ctx.error(ctx.range(b.close.startOffset, b.close.startOffset + 1), 'expected a newline or `;` before `}`: nft needs a separator after every item in a block, including the last');
      }
    } catch (e) {
      if (!(e instanceof LineError)) throw e;
    }
  }
}

/** Runs a top-level line builder, catching its LineError. */
export function guarded<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof LineError) return null;
    throw e;
  }
}
