import type { ParseResult, SyntaxProblem, TextRange } from '@wglint/core';
import type { ShellCommand, ShellProgram, ShellWord } from './ast.js';
import { parseList } from './parser.js';
import { substitutePercentI } from './source.js';

export type {
  DynamicKind,
  ShellAndOr,
  ShellComment,
  ShellCommand,
  ShellConnector,
  ShellDynamicPart,
  ShellFunction,
  ShellPipeline,
  ShellProgram,
  ShellRedirect,
  ShellWord,
} from './ast.js';

export interface ParseShellOptions {
  /** Offset of the hook value in the file; every range is `baseOffset + position`. */
  readonly baseOffset: number;
  /** Interface name substituted for every `%i`, as wg-quick does; without it `%i` stays literal. */
  readonly interfaceName?: string;
}

/**
 * Splits a wg-quick hook value (`PostUp = ...`) into commands the way bash will, after wg-quick's
 * `%i` substitution (facts §1.8). Never throws; unbalanced quotes etc. are syntax problems.
 */
export function parseShell(text: string, options: ParseShellOptions): ParseResult<ShellProgram> {
  const problems: SyntaxProblem[] = [];
  try {
    const { mapped, percentI } = substitutePercentI(text, options.baseOffset, options.interfaceName);
    const { program } = parseList(mapped, 0, mapped.text.length, null, 0, problems, percentI);
    return { ast: program, problems };
  } catch (e) {
    // Defensive: a parser bug must not take the linter down.
    const r = { start: options.baseOffset, end: options.baseOffset + text.length };
    const ast: ShellProgram = { type: 'ShellProgram', range: r, lists: [], commands: [], functions: [], comments: [], percentI: [], text };
    return { ast, problems: [...problems, { range: r, message: `Internal error while splitting this hook into commands: ${String(e)}` }] };
  }
}

/** Basename of the program a command runs (`/usr/sbin/iptables` → `iptables`), or undefined. */
export function commandName(cmd: ShellCommand): string | undefined {
  const w = argv(cmd)[0];
  return w ? w.text.replace(/^.*\//, '') : undefined;
}

const WRAPPERS: Readonly<Record<string, RegExp>> = {
  // wrapper → options that take an argument
  sudo: /^-[ugCDhpRrTt]$|^--(user|group|close-from|chdir|host|prompt|chroot|role|type|command-timeout)$/,
  command: /^$/,
  exec: /^-a$/,
  nohup: /^$/,
  nice: /^-n$/,
  env: /^-[uCS]$|^--(unset|chdir|split-string)$/,
  stdbuf: /^-[ioe]$/,
  ionice: /^-[cnp]$/,
};

/**
 * The argv of the real program, skipping wrappers (`sudo`, `env A=1`, `command`, `exec`, `nohup`,
 * `nice -n 5`, `timeout 5`): `sudo ip rule add ...` → `ip rule add ...`.
 */
export function argv(cmd: ShellCommand): readonly ShellWord[] {
  let words = cmd.words;
  for (let guard = 0; guard < 8 && words.length > 0; guard++) {
    const name = words[0]!.text.replace(/^.*\//, '');
    let i = 1;
    if (name === 'timeout') {
      while (i < words.length && words[i]!.text.startsWith('-')) i += /^-[sk]$/.test(words[i]!.text) ? 2 : 1;
      i++; // the duration
    } else {
      const withArg = WRAPPERS[name];
      if (!withArg) break;
      // `command -v X` looks X up instead of running it.
      if (name === 'command' && words.slice(1).some((w) => /^-[a-zA-Z]*[vV]/.test(w.text))) break;
      while (i < words.length) {
        const t = words[i]!.text;
        if (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) i++;
        else if (t === '--') {
          i++;
          break;
        } else if (t.startsWith('-') && t.length > 1) i += withArg.test(t) ? 2 : 1;
        else break;
      }
    }
    words = words.slice(i);
  }
  return words;
}

/**
 * True when a failure of this command does not abort the hook under wg-quick's `set -e`: it is
 * followed by `||`, is a non-final part of an `&&` list, runs in the background, is an `if`/`while`
 * condition, or is negated. (Pipelines do fail: wg-quick sets `pipefail`.)
 */
export function failureTolerated(cmd: ShellCommand): boolean {
  if (cmd.after === '||' || cmd.after === '&&' || cmd.after === '&') return true;
  if (cmd.keywords.some((k) => ['if', 'elif', 'while', 'until', '!'].includes(k.text))) return true;
  return false;
}

/**
 * The commands of a hook program that `failureTolerated` spares but whose failure still stops
 * wg-quick: the commands before the last `&&` of an and-or list that ends the program (`A && B` as
 * the whole hook). `set -e` does not exit on a failing `A`, but the list then returns `A`'s status,
 * which `(eval "$hook")` hands to wg-quick's own `set -e` (checked with bash). Only plain top-level
 * commands count (no reserved words or closers on the way to the end); linear in the program.
 */
export function fatalAndListHeads(program: ShellProgram): ReadonlySet<ShellCommand> {
  const out = new Set<ShellCommand>();
  const cmds = program.commands;
  // Walking back: whether the and-or list from the command after this one reaches the end of the program.
  let reaches = false;
  for (let i = cmds.length - 1; i >= 0; i--) {
    const c = cmds[i]!;
    const plain = c.keywords.length === 0 && c.closers.length === 0;
    const after = c.after;
    if (i === cmds.length - 1) reaches = plain && (after === undefined || after === ';' || after === '\n');
    else if (after === '&&' || after === '|' || after === '|&') {
      if (after === '&&' && reaches && plain) out.add(c);
      reaches = reaches && plain;
    } else reaches = false;
  }
  return out;
}

/** Every command of a program, including those in `$(...)`, backticks and `bash -c` scripts. */
export function allCommands(program: ShellProgram): ShellCommand[] {
  const out: ShellCommand[] = [];
  const visit = (p: ShellProgram): void => {
    for (const c of p.commands) {
      out.push(c);
      for (const w of [...c.words, ...c.assignments, ...c.redirects.flatMap((r) => (r.target ? [r.target] : []))]) {
        for (const part of w.parts) if (part.program) visit(part.program);
      }
      if (c.script) visit(c.script);
    }
  };
  visit(program);
  return out;
}

/** Original-file range of characters `[from, to)` of a word's text (for embedded parsers). */
export function wordSubRange(word: ShellWord, from: number, to: number): TextRange {
  const n = word.text.length;
  const a = Math.max(0, Math.min(from, n));
  const b = Math.max(a, Math.min(to, n));
  const start = a < n ? word.offsets[a]! : word.range.end;
  const end = b > a ? word.offsetEnds[b - 1]! : start;
  return { start, end: Math.max(start, end) };
}
