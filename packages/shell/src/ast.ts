import type { TextRange, Word } from '@wglint/core';

/** How a piece of a word is expanded by bash at run time; its value is unknown to the linter. */
export type DynamicKind = 'variable' | 'command' | 'backtick' | 'arithmetic' | 'parameter' | 'process' | 'tilde' | 'glob' | 'brace';

/** A part of a word whose value bash computes at run time (`$VAR`, `$(...)`, `` `...` ``, `*`). */
export interface ShellDynamicPart {
  readonly kind: DynamicKind;
  /** Range of the expansion in the original file, `$(` ... `)` included. */
  readonly range: TextRange;
  /** Source text of the expansion after `%i` substitution, e.g. `$(wg show wg0 fwmark)`. */
  readonly text: string;
  /** The commands inside `$(...)`, backticks or `<(...)`, parsed recursively. */
  readonly program?: ShellProgram;
}

/**
 * One shell word after quote removal and `%i` substitution (`Word` from @wglint/core).
 * Dynamic parts (`$VAR`, `$(...)`) stay in `text` as written: `--mark $(wg show wg0 fwmark)`.
 *   `iptables -A "FORWARD"`  word 3: text=FORWARD, range covers `"FORWARD"` (quotes included)
 */
export interface ShellWord extends Word {
  /** True when any part was quoted ('...', "...", $'...', or a backslash escape). */
  readonly quoted: boolean;
  /** True when bash computes part of the value at run time (see `parts`). */
  readonly dynamic: boolean;
  /** The run-time expansions inside this word, in order. */
  readonly parts: readonly ShellDynamicPart[];
  /**
   * Original-file offsets of each character of `text`: character k came from
   * `[offsets[k], offsetEnds[k])`. Lets embedded parsers (nft one-liners) point inside a word.
   */
  readonly offsets: readonly number[];
  readonly offsetEnds: readonly number[];
  /**
   * For an array assignment `ports=(80 "443" [5]=x)` (or `name+=(...)`, also as an argument of
   * `declare`/`local`/...): the element words. `text` and `range` then cover the whole `name=(...)`
   * as written, and `parts` holds the expansions of all elements.
   */
  readonly elements?: readonly ShellWord[];
}

/** `>`, `>>`, `<`, `2>&1`, `&>` ... with its target word (absent when missing). */
export interface ShellRedirect {
  readonly type: 'ShellRedirect';
  readonly range: TextRange;
  /** Operator as written, without the fd: `>`, `>>`, `<`, `>&`, `<&`, `&>`, `&>>`, `<<`, `<<<`, `<>`, `>|`. */
  readonly op: string;
  /** Explicit file descriptor (`2` in `2>/dev/null`). */
  readonly fd?: number;
  readonly target?: ShellWord;
}

/** Operators that join commands: pipes, and-or, list terminators. */
export type ShellConnector = ';' | '&' | '&&' | '||' | '|' | '|&' | '\n';

/**
 * One simple command: `FOO=1 iptables -A FORWARD -i wg0 -j ACCEPT 2>/dev/null`.
 * Reserved words in command position (`if`, `then`, `!`, `{` ...) are in `keywords`, not `words`.
 */
export interface ShellCommand {
  readonly type: 'ShellCommand';
  /** From the first keyword/assignment/word/redirect to the last; no connector. */
  readonly range: TextRange;
  /** argv: `words[0]` is the program. Empty for a command made only of keywords/assignments. */
  readonly words: readonly ShellWord[];
  readonly assignments: readonly ShellWord[];
  readonly redirects: readonly ShellRedirect[];
  /** Leading reserved words: `if`, `then`, `elif`, `else`, `while`, `until`, `do`, `!`, `{`, `(` ... */
  readonly keywords: readonly ShellWord[];
  /** Trailing reserved words/closers: `fi`, `done`, `}`, `)`, `esac`. */
  readonly closers: readonly ShellWord[];
  /** Connector before this command (`undefined` at the start of the program). */
  readonly before?: ShellConnector;
  /** Connector after this command (`undefined` at the end). */
  readonly after?: ShellConnector;
  /** Nesting depth: 0 at top level, 1 inside `$(...)` or `bash -c '...'` of a top-level command, ... */
  readonly depth: number;
  /** For `bash -c SCRIPT` / `sh -c SCRIPT`: the script parsed recursively. */
  readonly script?: ShellProgram;
}

/** A pipeline `a | b | c`, optionally negated with `!`. */
export interface ShellPipeline {
  readonly type: 'ShellPipeline';
  readonly range: TextRange;
  readonly negated: boolean;
  readonly commands: readonly ShellCommand[];
}

/** An and-or list `a && b || c`, terminated by `;`, `&`, newline or the end. */
export interface ShellAndOr {
  readonly type: 'ShellAndOr';
  readonly range: TextRange;
  readonly pipelines: readonly ShellPipeline[];
  /** `ops[i]` joins `pipelines[i]` and `pipelines[i + 1]`. */
  readonly ops: readonly ('&&' | '||')[];
  /** Run in the background (`&`). */
  readonly background: boolean;
}

/** A comment `# ...` starting at a word boundary (bash ignores it up to the end of the line). */
export interface ShellComment {
  readonly range: TextRange;
  readonly text: string;
}

/**
 * A function definition: `f() { ...; }`, `function f { ...; }`, `function f() ( ... )`.
 * The body is a compound command; its simple commands are also in the program's `commands`,
 * read like those of any `{ ... }` group (the header itself is in no command).
 */
export interface ShellFunction {
  readonly type: 'ShellFunction';
  /** From `function` (or the name) to the end of the body. */
  readonly range: TextRange;
  readonly name: ShellWord;
  /** The `function` reserved word, when written. */
  readonly keyword?: ShellWord;
  /** The body compound command: from `{`/`(`/`if`/... to its closer. */
  readonly bodyRange: TextRange;
  /** The simple commands of the body in source order (nested programs excluded). */
  readonly commands: readonly ShellCommand[];
}

/** A hook value as bash sees it after wg-quick's `%i` substitution. */
export interface ShellProgram {
  readonly type: 'ShellProgram';
  readonly range: TextRange;
  /** The and-or lists in order. */
  readonly lists: readonly ShellAndOr[];
  /** Every simple command of this program in source order (not those of nested programs). */
  readonly commands: readonly ShellCommand[];
  /** Function definitions of this program (not those of nested programs), in source order. */
  readonly functions: readonly ShellFunction[];
  readonly comments: readonly ShellComment[];
  /** Ranges of each `%i` that wg-quick replaced (empty when no interface name was given). */
  readonly percentI: readonly TextRange[];
  /** The text bash runs, after `%i` substitution. */
  readonly text: string;
}
