import type { SyntaxProblem, TextRange } from '@wglint/core';
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { EntryCstChildren, HeaderCstChildren } from './cst.generated.js';
import type { WgComment, WgConfig, WgEntry, WgHeader, WgItem, WgSection, WgSectionKind } from './ast.js';
import { SECRET_KEYS, canonicalKeyOf, stripWgSpaces } from './keys.js';
import { RawValue } from './tokens.js';
import { parseValue, trimWs } from './values.js';

/** A physical line: `[start, end)` without its terminator; `next` is where the next line starts. */
interface PhysicalLine {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

export interface BuildInput {
  readonly text: string;
  /** Tokens of the text (padded with a final newline when it had none). */
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly bom: IToken | undefined;
  /** Characters no token pattern matched (the catch-all group). */
  readonly unknown: readonly IToken[];
  readonly cst: CstNode;
  readonly interfaceName: string | null;
}

/**
 * Builds the AST line by line from the CST. Each physical line becomes exactly one node, so the
 * printer can reproduce every line; a line whose tokens the CST did not take in full (recovery
 * dropped or inserted some) becomes a `WgInvalidLine` with one syntax problem.
 */
export function buildWgAst(input: BuildInput): { ast: WgConfig; problems: SyntaxProblem[] } {
  const { text } = input;
  const problems: SyntaxProblem[] = [];
  const physical = splitLines(text, input.bom !== undefined);
  // CST lines by the physical line of their first token. Recovery may split one physical line
  // into several CST lines (`[Peer] junk`): the first one is the line, the rest is extra text.
  const cstLines = new Map<number, CstNode>();
  for (const line of children(input.cst, 'line')) {
    const content = children(line, 'header')[0] ?? children(line, 'entry')[0];
    if (!content) continue;
    const taken = new Set<IToken>();
    collect(content, taken);
    const first = Math.min(...[...taken].map((t) => t.startOffset));
    const index = lineIndexOf(first);
    if (Number.isFinite(first) && !cstLines.has(index)) cstLines.set(index, content);
  }
  // Unknown tokens (the lexers' catch-all, unreachable today) make their line invalid, never lost.
  const lineTokens = [...input.tokens.filter((t) => t.tokenType.name !== 'NewLine' && t.tokenType.name !== 'NewLineEnd'), ...input.unknown];
  const tokensByLine = bucket(lineTokens.sort((a, b) => a.startOffset - b.startOffset));
  const commentsByLine = bucket(input.comments);

  const preamble: WgItem[] = [];
  const sections: { header: WgHeader; kind: WgSectionKind; items: WgItem[] }[] = [];
  const current = (): WgItem[] => sections[sections.length - 1]?.items ?? preamble;

  physical.forEach((pl, i) => {
    const toks = tokensByLine.get(i) ?? [];
    const commentTok = commentsByLine.get(i)?.[0];
    const comment = commentTok ? makeComment(commentTok) : null;
    if (toks.length === 0) {
      current().push(comment ?? { type: 'WgBlankLine', range: { start: pl.start, end: pl.end } });
      return;
    }
    const node = cstLines.get(i);
    const problem = node ? lineProblem(node, toks, text) : genericProblem(toks[0]!, text);
    if (problem) {
      problems.push(problem);
      const header = node && headerOf(node, text, comment, true);
      if (header) {
        // A broken header (`[Interface`, `[Peer] x`) still opens the section the user meant, so
        // the lines after it are checked as usual instead of all being reported as misplaced.
        sections.push({ header: { ...header, verbatim: lineText(pl, text) }, kind: kindOf(header.name), items: [] });
      } else {
        current().push(invalidLine(pl, text));
      }
      return;
    }
    const header = headerOf(node!, text, comment, false);
    if (header) {
      sections.push({ header, kind: kindOf(header.name), items: [] });
      return;
    }
    // wg-quick runs hooks only under a header it matches exactly (`[ Interface ]` goes to wg).
    const h = sections[sections.length - 1]?.header;
    const wgQuickInterface = h !== undefined && h.verbatim === null && !h.innerSpace && h.name.toLowerCase() === 'interface';
    current().push(entryOf(node!, comment, wgQuickInterface));
  });

  const eol = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n';
  const ast: WgConfig = {
    type: 'WgConfig',
    range: { start: 0, end: text.length },
    interfaceName: input.interfaceName,
    bom: input.bom ? { start: 0, end: 1 } : null,
    preamble,
    sections: sections.map((s): WgSection => {
      const last = s.items[s.items.length - 1];
      return {
        type: 'WgSection',
        kind: s.kind,
        header: s.header,
        items: s.items,
        entries: s.items.filter((it): it is WgEntry => it.type === 'WgEntry'),
        range: { start: s.header.range.start, end: last ? last.range.end : s.header.range.end },
      };
    }),
    eol,
  };
  return { ast, problems };

  function lineIndexOf(offset: number): number {
    let lo = 0;
    let hi = physical.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (physical[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function bucket(tokens: readonly IToken[]): Map<number, IToken[]> {
    const out = new Map<number, IToken[]>();
    let line = 0;
    for (const t of tokens) {
      while (line < physical.length - 1 && t.startOffset >= physical[line]!.next) line++;
      const list = out.get(line) ?? [];
      list.push(t);
      out.set(line, list);
    }
    return out;
  }
}

/** wg's view of a section name: whitespace removed, case-insensitive. */
function kindOf(name: string): WgSectionKind {
  const n = stripWgSpaces(name).toLowerCase();
  return n === 'interface' ? 'Interface' : n === 'peer' ? 'Peer' : 'unknown';
}

function headerOf(node: CstNode, text: string, comment: WgComment | null, allowUnclosed: boolean): WgHeader | null {
  if (node.name !== 'header') return null;
  const h = node;
  const lb = real(hc(h).LBracket?.[0]);
  const name = real(hc(h).HeaderName?.[0]);
  const rb = real(hc(h).RBracket?.[0]);
  if (!lb || (!rb && !allowUnclosed)) return null;
  const end = rb ? rb.startOffset + 1 : name ? name.startOffset + name.image.length : lb.startOffset + 1;
  return {
    type: 'WgHeader',
    name: name?.image ?? '',
    nameRange: name ? tokenRange(name) : null,
    closed: rb !== undefined,
    innerSpace: name ? name.startOffset > lb.startOffset + 1 || (rb !== undefined && rb.startOffset > name.startOffset + name.image.length) : false,
    raw: text.slice(lb.startOffset, end),
    verbatim: null,
    comment,
    range: { start: lb.startOffset, end: comment ? comment.range.end : end },
  };
}

function entryOf(node: CstNode, comment: WgComment | null, inInterface: boolean): WgEntry {
  const e = node;
  const keyTok = real(ec(e).Key?.[0])!;
  const eq = (real(ec(e).Equals?.[0]) ?? real(ec(e).HookEquals?.[0]))!;
  const valTok = real(ec(e).Value?.[0]) ?? real(ec(e).RawValue?.[0]);
  let raw = valTok?.image ?? '';
  let valueStart = valTok?.startOffset ?? eq.startOffset + 1;
  // Outside `[Interface]` wg-quick hands even hook lines to wg, which cuts them at `#`.
  if (valTok?.tokenType === RawValue && !inInterface && raw.includes('#')) {
    const hash = raw.indexOf('#');
    const before = trimWs(raw.slice(0, hash));
    comment = { type: 'WgComment', text: trimWs(raw.slice(hash)), range: { start: valTok.startOffset + hash, end: valTok.startOffset + raw.length } };
    raw = before;
    if (raw === '') valueStart = eq.startOffset + 1;
  }
  const canonicalKey = canonicalKeyOf(keyTok.image);
  const valueRange = { start: valueStart, end: valueStart + raw.length };
  const entry = {
    type: 'WgEntry',
    key: keyTok.image,
    keyRange: tokenRange(keyTok),
    canonicalKey,
    equalsRange: tokenRange(eq),
    valueRange,
    value: parseValue(canonicalKey, raw, valueStart),
    comment,
    secret: canonicalKey !== null && SECRET_KEYS.has(canonicalKey),
    range: { start: keyTok.startOffset, end: comment ? comment.range.end : Math.max(valueRange.end, eq.startOffset + 1) },
  } as Omit<WgEntry, 'rawValue'> as WgEntry;
  // Secrets stay readable for rules and the printer but out of JSON, inspect and snapshots.
  Object.defineProperty(entry, 'rawValue', { value: raw, enumerable: !entry.secret });
  return entry;
}

/** The problem of a line the CST did not take cleanly, or null. */
function lineProblem(node: CstNode, toks: readonly IToken[], text: string): SyntaxProblem | null {
  const taken = new Set<IToken>();
  collect(node, taken);
  if (node.name === 'header') {
    const h = node;
    const lb = real(hc(h).LBracket?.[0])!;
    const name = real(hc(h).HeaderName?.[0]);
    if (!real(hc(h).RBracket?.[0])) {
      const written = `[${name?.image ?? ''}`;
      const end = name ? name.startOffset + name.image.length : lb.startOffset + 1;
      return { range: { start: lb.startOffset, end }, message: `Section header \`${clip(written)}\` is not closed: add \`]\` (\`${clip(written)}]\`).` };
    }
    const extra = toks.find((t) => !taken.has(t));
    if (extra) {
      const last = toks[toks.length - 1]!;
      return {
        range: { start: extra.startOffset, end: last.startOffset + last.image.length },
        message: `Unexpected \`${clip(text.slice(extra.startOffset, last.startOffset + last.image.length))}\` after the section header: put it on a line of its own or start it with \`#\` to make it a comment.`,
      };
    }
    return null;
  }
  const e = node;
  const keyTok = real(ec(e).Key?.[0]);
  const eq = real(ec(e).Equals?.[0]) ?? real(ec(e).HookEquals?.[0]);
  if (!eq && keyTok) return missingEquals(keyTok);
  // `PrivateKey abc=`: the `=` ends a base64 key, so the key "PrivateKey abc" is unknown to
  // both tools; the user forgot the `=` after `PrivateKey`.
  if (keyTok && canonicalKeyOf(keyTok.image) === null && /\s/.test(keyTok.image) && canonicalKeyOf(firstWordOf(keyTok.image))) {
    return missingEquals(keyTok);
  }
  if (!keyTok && eq) {
    return { range: tokenRange(eq), message: 'Missing key before `=`: write `Key = value`, or remove the line.' };
  }
  if (toks.some((t) => !taken.has(t))) return genericProblem(toks.find((t) => !taken.has(t))!, text);
  return null;
}

/** `PostUp iptables -A ...`: wg rejects the line, wg-quick takes the whole line as the key. */
function missingEquals(keyTok: IToken): SyntaxProblem {
  const firstWord = firstWordOf(keyTok.image);
  const known = canonicalKeyOf(firstWord);
  const range = tokenRange(keyTok);
  if (known && SECRET_KEYS.has(known)) {
    return { range, message: `Expected \`=\` after key \`${known}\`: write \`${known} = <key>\`.` };
  }
  if (known) {
    const rest = keyTok.image.slice(firstWord.length).trim();
    return { range, message: `Expected \`=\` after key \`${firstWord}\`: write \`${firstWord} = ${clip(rest)}\`.` };
  }
  return {
    range,
    message: `Line \`${clip(keyTok.image)}\` is neither a section header nor \`Key = value\`: add \`=\` after the key, or start the line with \`#\` to make it a comment.`,
  };
}

function firstWordOf(s: string): string {
  return /^[^ \t\v\f\r]+/.exec(s)?.[0] ?? s;
}

function genericProblem(tok: IToken, text: string): SyntaxProblem {
  const range = tokenRange(tok);
  return { range, message: `Unexpected \`${clip(text.slice(range.start, range.end))}\`: expected \`[Section]\` or \`Key = value\` on this line.` };
}

/** A broken line may hold a pasted secret, so its text stays out of JSON and inspect output. */
function invalidLine(pl: PhysicalLine, text: string): WgItem {
  const node = { type: 'WgInvalidLine', range: { start: pl.start, end: pl.end } };
  Object.defineProperty(node, 'text', { value: lineText(pl, text), enumerable: false });
  return node as WgItem;
}

/** A line as written; trailing blanks (a stray \r) are layout, and dropping them keeps the printer idempotent. */
function lineText(pl: PhysicalLine, text: string): string {
  return text.slice(pl.start, pl.end).replace(/[ \t\v\f\r]+$/, '');
}

function makeComment(tok: IToken): WgComment {
  const text = tok.image.replace(/[ \t\v\f\r]+$/, '');
  return { type: 'WgComment', text, range: { start: tok.startOffset, end: tok.startOffset + text.length } };
}

/** Physical lines of `text` as wg-quick's `read -r` loop sees them (split at `\n` only). */
export function splitLines(text: string, bom = false): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  // The BOM is a node of its own (`WgConfig.bom`), not part of the first line.
  let start = bom ? 1 : 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const next = nl < 0 ? text.length : nl + 1;
    const stop = nl < 0 ? text.length : nl;
    const end = stop > start && text[stop - 1] === '\r' ? stop - 1 : stop;
    out.push({ start, end, next });
    start = next;
  }
  return out;
}

// Typed views of the CST (src/cst.generated.d.ts). After recovery a "required" token list may
// still be missing, so every access goes through `?.` and `real()`.
const hc = (node: CstNode) => node.children as Partial<HeaderCstChildren>;
const ec = (node: CstNode) => node.children as Partial<EntryCstChildren>;

function children(node: CstNode, name: string): CstNode[] {
  return (node.children[name] ?? []) as CstNode[];
}

/** A token the source really contains (chevrotain 11 marks inserted ones with NaN offsets). */
function real(el: CstElement | undefined): IToken | undefined {
  const t = el as IToken | undefined;
  if (!t || t.isInsertedInRecovery || Number.isNaN(t.startOffset) || t.startOffset < 0) return undefined;
  return t;
}

function collect(node: CstNode, into: Set<IToken>): void {
  for (const list of Object.values(node.children)) {
    for (const el of list) {
      if ('children' in el) collect(el, into);
      else if (real(el)) into.add(el);
    }
  }
}

export function tokenRange(t: IToken): TextRange {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** Text for a message: one line, at most 60 characters, anything key-like redacted. */
function clip(s: string): string {
  const one = s.replace(/[\r\n]+/g, ' ').replace(/[A-Za-z0-9+/]{40,}=*/g, '<redacted>');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
