// Entry points: lex → chevrotain tree parse → per-section builders → typed AST.
import type { IToken } from 'chevrotain';
import type { ParseResult } from '@wglint/core';
import type { NftCommand, NftInclude, NftRuleset } from './ast.js';
import { TYPE_INDEX, lexNft, lexNftCompact } from './lexer.js';
import { treeParser } from './parser.js';
import { Ctx, Cur, buildCompactTree, buildTree, isBlock, realToken, type TBlock, type TLine } from './tree.js';
import { guarded } from './productions/common.js';
import { buildCommand } from './productions/ruleset.js';
import { evaluateNftCommand } from './evaluate/index.js';

/** How `include "…"` directives are resolved (optional; without it includes stay unresolved). */
export interface NftIncludeResolver {
  /** Returns the text of a file, or null when it does not exist. `from` is the including file. */
  readFile(path: string, from?: string): string | null;
  /** Expands a glob pattern to file paths (sorted); when absent, patterns are not expanded. */
  glob?(pattern: string, from?: string): string[];
  /** Maximum include depth (default 16). */
  maxDepth?: number;
}

export interface NftParseOptions {
  /** Maps an offset in `text` to an offset in the file (hook commands parsed from joined argv). */
  mapOffset?: (offset: number) => number;
  /** Resolves includes; their files are parsed and attached to `NftInclude.resolved`. */
  include?: NftIncludeResolver;
  /** Path of this file (for include cycle detection). */
  fileName?: string;
}

/** Parses an nft ruleset file (`nft -f` input). Never throws. */
export function parseNft(text: string, options: NftParseOptions = {}): ParseResult<NftRuleset> {
  return parseWithStack(text, options, options.fileName ? [options.fileName] : []);
}

/**
 * Parses the nft command line (`nft add rule inet t c tcp dport 22 accept`, argv joined with
 * spaces, without the leading `nft` and options). Same grammar as a ruleset line.
 */
export function parseNftCommandLine(text: string, options: NftParseOptions = {}): ParseResult<NftRuleset> {
  return parseNft(text, options);
}

/** Blocks nested deeper than this take the chevrotain path (real rulesets nest a few levels). */
const MAX_FAST_DEPTH = 48;

interface Tree {
  readonly lines: (TLine | undefined)[];
  readonly stray: IToken[];
  readonly comments: IToken[];
  /** Blocks still open at the end of input, in source order. */
  readonly unclosed: TBlock[];
  /** Errors of chevrotain's tree parser (chevrotain path only). */
  readonly parseErrors: readonly { message: string; token: IToken }[];
}

/**
 * Lexes and builds the token tree. Tokens are kept compact (typed arrays); a line's token objects
 * are made when a builder reads the line, and the builders drop each line once built, so a large
 * ruleset never has all its token objects alive at once.
 */
function lexTree(text: string, ctx: Ctx): Tree {
  const lexed = lexNftCompact(text);
  const UNTERMINATED = TYPE_INDEX.UnterminatedString;
  for (let k = 0; k < lexed.count; k++) {
    if (lexed.types[k] === UNTERMINATED) ctx.error(ctx.range(lexed.starts[k]!, lexed.ends[k]!), 'unterminated string: add the closing `"`');
  }
  for (const e of lexed.errors) ctx.error(ctx.range(e.offset, e.offset + Math.max(1, e.length)), `unexpected character \`${text.slice(e.offset, e.offset + Math.max(1, e.length)).slice(0, 20)}\``);
  const fast = buildCompactTree(lexed, MAX_FAST_DEPTH, new Map());
  if (fast) return { lines: fast.lines, stray: fast.stray, comments: lexed.comments, unclosed: fast.unclosed, parseErrors: [] };
  // Deeply nested input: chevrotain's tree parser, as before (its limits on deep input included).
  const tokens = lexNft(text).tokens;
  const p = treeParser();
  p.input = tokens;
  const cst = p.ruleset();
  const errors = p.errors;
  p.input = [];
  const { lines, stray } = buildTree(cst, tokens, text.length);
  return { lines, stray, comments: lexed.comments, unclosed: unclosedBlocks(lines), parseErrors: errors };
}

function parseWithStack(text: string, options: NftParseOptions, stack: string[]): ParseResult<NftRuleset> {
  const ctx = new Ctx(text, options.mapOffset);
  try {
    const { lines, stray, comments: commentTokens, unclosed, parseErrors } = lexTree(text, ctx);
    for (const b of unclosed) ctx.error(ctx.range(b.open.startOffset, b.open.startOffset + 1), 'this `{` is not closed: add the matching `}`');
    for (const e of parseErrors) {
      if (unclosed.length && (!realToken(e.token) || e.token.tokenType.name === 'EOF')) continue;
      reportParserError(ctx, e.token, e.message, text);
    }
    unclosed.length = 0;
    for (const t of stray) ctx.error(ctx.range(t.startOffset, t.startOffset + 1), 'unexpected `}` with no matching `{`');
    const commands: NftCommand[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      // Built lines are dropped so their tokens can be collected while the AST grows.
      lines[i] = undefined;
      const cur = new Cur(ctx, line.items, line.end, line.terminator);
      const c = guarded(() => buildCommand(cur));
      if (c) {
        evaluateNftCommand(c, ctx.problems);
        commands.push(c.type === 'NftInclude' ? resolveInclude(c, options, stack) : c);
      }
    }
    const comments = commentTokens.map((t: IToken) => ({ text: t.image, range: ctx.range(t.startOffset, t.startOffset + t.image.length) }));
    // Keep one problem per position (chevrotain and the builders may both report).
    const seen = new Set<string>();
    const problems = ctx.problems.filter((p) => {
      const k = `${p.range.start}:${p.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    return { ast: { type: 'NftRuleset', commands, comments, range: ctx.range(0, text.length) }, problems };
  } catch (e) {
    return {
      ast: { type: 'NftRuleset', commands: [], comments: [], range: ctx.range(0, text.length) },
      problems: [...ctx.problems, { range: ctx.range(0, Math.min(1, text.length)), message: e instanceof RangeError ? 'the input nests too deeply to be parsed (nft limits nesting too)' : `internal nft parser error: ${(e as Error).message}` }],
    };
  }
}

function reportParserError(ctx: Ctx, token: IToken, message: string, text: string): void {
  if (!realToken(token) || token.tokenType.name === 'EOF') {
    ctx.error(ctx.range(text.length, text.length), 'unexpected end of input: a `{` is not closed; add the matching `}`');
    return;
  }
  void message;
  ctx.error(ctx.range(token.startOffset, token.startOffset + token.image.length), `unexpected \`${token.image}\``);
}

function unclosedBlocks(lines: readonly TLine[]): TBlock[] {
  const out: TBlock[] = [];
  const visit = (ls: readonly TLine[]): void => {
    for (const l of ls) {
      for (const it of l.items) {
        if (isBlock(it)) {
          if (!it.close) out.push(it);
          visit(it.lines);
        }
      }
    }
  };
  visit(lines);
  return out;
}

const GLOB = /[*?[]/;

function resolveInclude(inc: NftInclude, options: NftParseOptions, stack: string[]): NftInclude {
  const r = options.include;
  if (!r) return inc;
  const maxDepth = r.maxDepth ?? 16;
  if (stack.length >= maxDepth) return { ...inc, resolved: [] };
  const from = stack[stack.length - 1];
  const files = GLOB.test(inc.path.text) ? (r.glob ? r.glob(inc.path.text, from) : []) : [inc.path.text];
  const resolved: { file: string; ruleset: NftRuleset }[] = [];
  for (const f of files) {
    if (stack.includes(f)) continue; // include cycle
    const text = r.readFile(f, from);
    if (text === null) continue;
    const sub = parseWithStack(text, { include: r, fileName: f }, [...stack, f]);
    resolved.push({ file: f, ruleset: sub.ast });
  }
  return { ...inc, resolved };
}
