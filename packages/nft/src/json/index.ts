// Reader for libnftables JSON (`nft -j list ruleset`) into the same AST as the text parser.
import { crlfProblem } from '../line-endings.js';
import type { ParseResult } from '@wglint/core';
import type { NftRuleset } from '../ast.js';
import { type NftParseOptions, parseNft } from '../parse.js';
import { JsonConverter } from './convert.js';
import { parseJson } from './json-parse.js';

export { parseJson, type JsonValue } from './json-parse.js';

/** True when nft input is JSON: its first non-space character is `{`. */
export function isNftJson(text: string): boolean {
  return /^\s*\{/.test(text.replace(/^\uFEFF/, ''));
}

/**
 * Parses `nft -j list ruleset` output (or libnftables JSON input with command wrappers) into an
 * `NftRuleset` whose commands are command-form nodes (`add table`, `add chain`, `add rule` …)
 * with ranges pointing at the JSON objects. Malformed JSON gives one problem at the error and
 * an empty ruleset; unknown objects, statements and expressions give a problem each and are
 * skipped (or kept as a symbol). Never throws.
 */
export function parseNftJson(text: string): ParseResult<NftRuleset> {
  const whole = { start: 0, end: text.length };
  try {
    const { value, problems } = parseJson(text);
    if (!value) return { ast: { type: 'NftRuleset', commands: [], comments: [], range: whole }, problems };
    const conv = new JsonConverter();
    const commands = conv.commands(value);
    return { ast: { type: 'NftRuleset', commands, comments: [], range: whole }, problems: conv.problems };
  } catch (e) {
    return {
      ast: { type: 'NftRuleset', commands: [], comments: [], range: whole },
      problems: [{ range: { start: 0, end: Math.min(1, text.length) }, message: `internal nft JSON reader error: ${(e as Error).message}` }],
    };
  }
}

/**
 * Parses an nft file of either form: JSON (first non-space character `{`, e.g. the output of
 * `nft -j list ruleset`) with `parseNftJson`, anything else with the text parser.
 */
export function parseNftSource(text: string, options: NftParseOptions = {}): ParseResult<NftRuleset> {
  if (isNftJson(text)) return parseNftJson(text);
  const r = parseNft(text, options);
  const cr = crlfProblem(text);
  return cr ? { ast: r.ast, problems: [cr, ...r.problems] } : r;
}
