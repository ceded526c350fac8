import type { ParseResult } from '@wglint/core';
import type { WgConfig } from './ast.js';
import { buildWgAst } from './build-ast.js';
import { wellFormedWgCst } from './line-cst.js';
import { parseWgTokens } from './parser.js';
import { printWgConfig } from './print.js';
import { lineRefusals } from './refusals.js';
import { scanWg } from './scanner.js';

export type * from './ast.js';
export { INTERFACE_KEYS, PEER_KEYS, WG_QUICK_KEYS, HOOK_KEYS, SECRET_KEYS, canonicalKeyOf, stripWgSpaces, isInterfaceKey } from './keys.js';
export type { WgKnownKey, WgInterfaceKey, WgPeerKey } from './keys.js';
export { interfaceNameFromPath, interfaceNameProblem, type InterfaceNameProblem } from './interface-name.js';
export { getInterfaceSection, getInterfaceSections, getPeers, getEntries, getLastEntry, getAllEntries } from './query.js';
export { printWgConfig, printEntry } from './print.js';
export { dumpWgAst } from './dump.js';
export { keyError, parseCidr } from './values.js';
export { parseIp, formatIp, networkOf, type ParsedIp } from './ip.js';
export { WgCstParser } from './parser.js';
export { wgLexer } from './tokens.js';

export interface WgParseOptions {
  /** Interface name (from the file name, see `interfaceNameFromPath`); stored in the AST. */
  readonly interfaceName?: string;
}

/**
 * Parses a wg-quick config file. Never throws: lines neither wg nor wg-quick can read become
 * `WgInvalidLine`s with a syntax problem; invalid values are kept in the AST for rules to judge.
 */
export function parseWgConfig(text: string, options: WgParseOptions = {}): ParseResult<WgConfig> {
  const interfaceName = options.interfaceName ?? null;
  try {
    return parseOrThrow(text, interfaceName);
  } catch (error) {
    // A bug here must not take the whole run down: report it on the file instead.
    const ast: WgConfig = { type: 'WgConfig', range: { start: 0, end: text.length }, interfaceName, bom: null, preamble: [], sections: [], eol: '\n' };
    return { ast, problems: [{ range: { start: 0, end: 0 }, message: `Internal wg parser error (${String(error)}); please report it.` }] };
  }
}

function parseOrThrow(text: string, interfaceName: string | null): ParseResult<WgConfig> {
  // The grammar wants every line terminated; the padding newline is never part of a range.
  const padded = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  const lexed = scanWg(padded);
  const cst = wellFormedWgCst(lexed.tokens) ?? parseWgTokens(lexed.tokens).cst;
  const { ast, problems } = buildWgAst({
    text,
    tokens: lexed.tokens,
    comments: lexed.groups['comments'] ?? [],
    bom: lexed.groups['bom']?.[0],
    unknown: lexed.groups['unknown'] ?? [],
    cst,
    interfaceName,
  });
  const all = [...problems, ...lineRefusals(ast)].sort((a, b) => a.range.start - b.range.start);
  return { ast, problems: all };
}

/**
 * Rewrites a config in canonical layout, keeping comments, values and broken lines. Idempotent.
 * Returns the text unchanged if the parser fails internally, so no content is ever lost.
 */
export function formatWgConfig(text: string): string {
  try {
    return printWgConfig(parseOrThrow(text, null).ast);
  } catch {
    return text;
  }
}
