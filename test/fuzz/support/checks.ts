// The properties every input must satisfy, shared by the bounded tests and the long fuzz run. Each
// returns a failure description (so fast-check shrinks on it) or undefined.
import type { Language } from '@wglint/core';
import { parseShell } from '@wglint/shell';
import { parseWgConfig, printWgConfig } from '@wglint/wg';
import type { Case } from './generators.js';
import { formatterFor, fullLineComments, HOST_PATH, lintTexts, PARSERS, parseResultProblem, squash } from './targets.js';

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 6).join('\n')}` : String(e));

/** The language's parser is total: no exception, a result with in-bounds ranges. */
export function checkParse(c: Case): string | undefined {
  try {
    return parseResultProblem(PARSERS[c.language](c.text), c.text);
  } catch (e) {
    return `parse threw: ${describe(e)}`;
  }
}

/** The shell splitter is total on a hook value; its ranges are offset into the file. */
export function checkShell(text: string, baseOffset = 17): string | undefined {
  try {
    return parseResultProblem(parseShell(text, { baseOffset, interfaceName: 'wg0' }), text, baseOffset);
  } catch (e) {
    return `parseShell threw: ${describe(e)}`;
  }
}

/**
 * The formatter (when the language has one) is total and keeps every full-line comment and every
 * `keep` snippet of the case.
 */
export function checkFormat(c: Case): string | undefined {
  const format = formatterFor(c.language);
  if (!format) return undefined;
  let out: unknown;
  try {
    out = format(c.text);
  } catch (e) {
    return `format threw: ${describe(e)}`;
  }
  if (typeof out !== 'string') return `format returned ${typeof out}`;
  const flat = squash(out);
  for (const k of [...c.keep, ...fullLineComments(c.text, c.language).map(squash)]) {
    if (!flat.includes(k)) return `format lost ${JSON.stringify(k)}\n--- output:\n${out.slice(0, 2000)}`;
  }
  return undefined;
}

/**
 * `print(parse(x))` keeps what `format(x)` must keep, for the printers that are meant to (the wg
 * printer; nft's and iptables' printers are canonical listings, like `nft list`, not formatters).
 */
export function checkPrint(c: Case): string | undefined {
  if (c.language !== 'wg') return undefined;
  let out: string;
  try {
    out = printWgConfig(parseWgConfig(c.text).ast);
  } catch (e) {
    return `printWgConfig(parseWgConfig(x).ast) threw: ${describe(e)}`;
  }
  const flat = squash(out);
  for (const k of [...c.keep, ...fullLineComments(c.text, c.language).map(squash)]) {
    if (!flat.includes(k)) return `printWgConfig(parseWgConfig(x).ast) lost ${JSON.stringify(k)}\n--- output:\n${out.slice(0, 2000)}`;
  }
  return undefined;
}

/** Linting a host holding the case is total and reports in-bounds diagnostics into known files. */
export function checkLint(files: Readonly<Record<string, string>>): string | undefined {
  try {
    const diags = lintTexts(files);
    for (const d of diags) {
      const text = files[d.file];
      if (text === undefined) return `diagnostic for unknown file ${d.file}`;
      if (!(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length)) {
        return `diagnostic ${d.ruleId} range [${d.range.start}, ${d.range.end}) outside ${d.file} (${text.length})`;
      }
      if (!d.message) return `diagnostic ${d.ruleId} without message`;
    }
    return undefined;
  } catch (e) {
    return `lintTexts threw: ${describe(e)}`;
  }
}

/** Runs all in-process properties on one case (parse, format, print, lint with a wg config). */
export function checkCase(c: Case): string | undefined {
  const host: Record<string, string> = { [HOST_PATH[c.language]]: c.text };
  if (c.language !== 'wg') host[HOST_PATH.wg] = WG_CONTEXT;
  return checkParse(c) ?? checkFormat(c) ?? checkPrint(c) ?? checkLint(host);
}

/** A plain wg0.conf so cross-file rules run against whatever the case is. */
export const WG_CONTEXT = [
  '[Interface]',
  'Address = 10.8.0.1/24',
  'ListenPort = 51820',
  'PostUp = iptables -A FORWARD -i %i -j ACCEPT; ip rule add fwmark 51820 table 200',
  'PostDown = iptables -D FORWARD -i %i -j ACCEPT',
  '',
].join('\n');

/** Asserts a failure-description property, so fast-check reports the description. */
export function ok(problem: string | undefined, c?: { label: string; text: string }): true {
  if (problem) throw new Error(`${problem}\n--- case: ${c?.label ?? ''}\n${JSON.stringify(c?.text.slice(0, 3000))}`);
  return true;
}

export const LANGS: readonly Language[] = ['wg', 'nft', 'iptables-save', 'sysctl'];
