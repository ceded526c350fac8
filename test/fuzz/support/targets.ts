// The public entry points the fuzzers drive: each language's parser and formatter, the shell
// splitter for hooks, and the engine's in-memory lint. Nothing here reaches into a package.
import type { Language, ParseResult } from '@wglint/core';
import { formatterFor, lintTexts } from '@wglint/engine';
import { parseSourceFile } from '@wglint/host';
import { parseIptablesSave } from '@wglint/iptables';
import { parseNft } from '@wglint/nft';
import { parseShell } from '@wglint/shell';
import { parseSysctl } from '@wglint/sysctl';
import { parseWgConfig } from '@wglint/wg';

export type FuzzLanguage = Language | 'shell';

export const PARSERS: Readonly<Record<FuzzLanguage, (text: string) => ParseResult<unknown>>> = {
  wg: (t) => parseWgConfig(t, { interfaceName: 'wg0' }),
  nft: parseNft,
  'iptables-save': parseIptablesSave,
  sysctl: parseSysctl,
  shell: (t) => parseShell(t, { baseOffset: 0, interfaceName: 'wg0' }),
};

/** A host path that makes the engine detect `language` (CONTRACT.md's recognition table). */
export const HOST_PATH: Readonly<Record<Language, string>> = {
  wg: 'etc/wireguard/wg0.conf',
  nft: 'etc/nftables.conf',
  'iptables-save': 'etc/iptables/rules.v4',
  sysctl: 'etc/sysctl.d/99-wireguard.conf',
};

export { formatterFor, lintTexts, parseSourceFile };

/** Every `{ range: { start, end } }` in an AST, with the path that reached it. */
export function* rangesOf(node: unknown, path = '$', seen = new Set<unknown>()): Generator<{ path: string; start: number; end: number }> {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  const r = (node as { range?: unknown }).range;
  if (r && typeof r === 'object' && typeof (r as { start?: unknown }).start === 'number') {
    yield { path, start: (r as { start: number }).start, end: (r as { end: number }).end };
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === 'range') continue;
    if (v && typeof v === 'object') yield* rangesOf(v, `${path}.${k}`, seen);
  }
}

/** The first thing wrong with a parse result of `text`, or undefined: shape, ranges in bounds. */
export function parseResultProblem(result: ParseResult<unknown>, text: string, baseOffset = 0): string | undefined {
  if (!result || typeof result !== 'object') return 'parser returned no result';
  if (!result.ast || typeof result.ast !== 'object') return 'parser returned no AST';
  if (!Array.isArray(result.problems)) return 'parser returned no problems array';
  const lo = baseOffset;
  const hi = baseOffset + text.length;
  for (const p of result.problems) {
    if (typeof p.message !== 'string' || p.message === '') return 'a syntax problem has no message';
    // A parser that catches its own exception reports it as "internal ... error": a crash all the same.
    if (p.message.startsWith('internal ')) return `the parser failed internally: ${p.message}`;
    if (!(p.range.start >= lo && p.range.start <= p.range.end && p.range.end <= hi)) {
      return `syntax problem range [${p.range.start}, ${p.range.end}) outside [${lo}, ${hi}]: ${p.message}`;
    }
  }
  for (const r of rangesOf(result.ast)) {
    if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= lo && r.start <= r.end && r.end <= hi)) {
      return `AST range ${r.path} [${r.start}, ${r.end}) outside [${lo}, ${hi}]`;
    }
  }
  return undefined;
}

/**
 * Full-line comments of a text (trimmed), the things a formatter must keep. For sysctl `;` starts
 * a comment too.
 */
export function fullLineComments(text: string, language: FuzzLanguage): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const t = raw.trim();
    if (t.startsWith('#') || (language === 'sysctl' && t.startsWith(';'))) out.push(t);
  }
  return out;
}

/** Whitespace-free form used to compare lines a formatter may re-space. */
export const squash = (s: string): string => s.replace(/\s+/g, '');
