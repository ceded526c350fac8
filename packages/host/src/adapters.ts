// The one place the host model calls the argument parsers of the syntax packages for hook words.
import type { ParseResult, SyntaxProblem, TextRange, Word } from '@wglint/core';
import { checkIptCommand, type IptCommand, type IptIssue, parseIptablesArgs } from '@wglint/iptables';
import { parseIpCommand } from '@wglint/iproute';
import { type NftRuleset, parseNftCommandLine } from '@wglint/nft';
import type { ShellWord } from '@wglint/shell';
import { type SysctlCommand, parseSysctlCommand } from '@wglint/sysctl';
import type { Family } from './net.js';
import type { ParsedFile } from './parsed-file.js';
import { normSysctlKey } from './sysctl-facts.js';

/** `iptables ARGS` (words after the program). */
export function parseIptWords(words: readonly Word[], family: Family): { command?: IptCommand; problems: readonly SyntaxProblem[] } {
  const r = parseIptablesArgs(words, { family });
  return { command: r.ast, problems: r.problems };
}

/** `nft ARGS` one-liner: the words after `nft` and its options, joined as nft reads them. */
export function parseNftWords(words: readonly Word[]): { ruleset?: NftRuleset; problems: readonly SyntaxProblem[] } {
  if (words.length === 0) return { problems: [] };
  // Join the argv as nft does, remembering where each character came from in the file.
  let text = '';
  const map: number[] = [];
  for (const w of words) {
    if (text) {
      text += ' ';
      map.push(w.range.start);
    }
    const sw = w as Partial<ShellWord> & Word;
    for (let j = 0; j < w.text.length; j++) {
      text += w.text[j];
      map.push(sw.offsets?.[j] ?? Math.min(w.range.start + j, w.range.end));
    }
  }
  const end = words[words.length - 1]!.range.end;
  const mapOffset = (o: number): number => (o >= map.length ? end : map[o]!);
  const r = parseNftCommandLine(text, { mapOffset });
  return { ruleset: r.ast, problems: r.problems };
}

/** Syntax problems of `ip ARGS` (words including the program). */
export function ipProblems(words: readonly Word[]): readonly SyntaxProblem[] {
  return parseIpCommand(words).problems;
}

/** `sysctl ARGS` (words including the program) parsed as procps reads its command line. */
export function parseSysctlWords(words: readonly Word[]): ParseResult<SysctlCommand> {
  return parseSysctlCommand(words);
}

/** `key = value` assignments of a sysctl.d file, with the range of each line. */
export function sysctlFileAssignments(f: ParsedFile & { language: 'sysctl' }): { key: string; value: string; range: TextRange }[] {
  return f.ast.entries.map((e) => ({ key: normSysctlKey(e.key), value: e.value, range: e.range }));
}

const NO_PROBLEMS: readonly SyntaxProblem[] = Object.freeze([]);

/**
 * False when `checkIptCommand` cannot report interface-direction or drop-in-nat for `cmd`: those
 * need the nat table (DROP) or an -i/-o the chain cannot have. Saves the whole check on most rules
 * of a large dump (the rules run it again, with the chains, anyway).
 */
function mayBeRefusedWhileParsing(cmd: IptCommand): boolean {
  if (cmd.table === 'nat') return true;
  const rule = cmd.rule;
  if (!rule) return false;
  const chain = cmd.chain?.text;
  if (rule.inInterface && (chain === 'OUTPUT' || chain === 'POSTROUTING')) return true;
  return rule.outInterface !== undefined && (chain === 'PREROUTING' || chain === 'INPUT');
}

/** Refusals `checkIptCommand` finds that iptables makes while parsing (`Can't use -i with OUTPUT`, DROP in nat). */
export function iptParseTimeIssues(cmd: IptCommand): readonly SyntaxProblem[] {
  return mayBeRefusedWhileParsing(cmd) ? parseTimeProblems(checkIptCommand(cmd)) : NO_PROBLEMS;
}

/** The issues of `checkIptCommand` (or a dump rule's `summary.issues`) that iptables refuses while parsing, as syntax problems. */
export function parseTimeProblems(issues: readonly IptIssue[]): readonly SyntaxProblem[] {
  let out: SyntaxProblem[] | undefined;
  for (const i of issues) {
    if (i.code === 'interface-direction' || i.code === 'drop-in-nat') (out ??= []).push({ range: i.range, message: i.message });
  }
  return out ?? NO_PROBLEMS;
}
