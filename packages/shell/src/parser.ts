import type { SyntaxProblem, TextRange } from '@wglint/core';
import type {
  ShellAndOr,
  ShellComment,
  ShellCommand,
  ShellConnector,
  ShellPipeline,
  ShellProgram,
  ShellRedirect,
  ShellWord,
} from './ast.js';
import { Lexer, type Token } from './lexer.js';
import { type MappedText, mappedRange } from './source.js';

/** Reserved words that open a compound command or a clause (bash `reserved words`). */
const OPENERS = new Set(['if', 'then', 'elif', 'else', 'while', 'until', 'do', 'for', 'case', 'select', 'function', '{', '!', '[[', 'time']);
const CLOSERS = new Set(['fi', 'done', '}', 'esac', ']]']);
const SHELLS = new Set(['bash', 'sh', 'dash', 'zsh', 'ksh', 'ash', 'busybox']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
const MAX_DEPTH = 8;

interface CommandBuilder {
  words: ShellWord[];
  assignments: ShellWord[];
  redirects: ShellRedirect[];
  keywords: ShellWord[];
  closers: ShellWord[];
  before?: ShellConnector;
  start: number;
  end: number;
}

/**
 * Parses `[start, limit)` of a mapped text as a bash list. With `stop === ')'` it ends at the
 * first unmatched `)` (for `$(...)`), returning its index in `end` and `closed = true`.
 */
export function parseList(
  src: MappedText,
  start: number,
  limit: number,
  stop: ')' | null,
  depth: number,
  problems: SyntaxProblem[],
  percentI: readonly TextRange[],
): { program: ShellProgram; end: number; closed: boolean } {
  const nested = (s: number, l: number, st: ')' | null) =>
    depth >= MAX_DEPTH
      ? { program: emptyProgram(src, s, l, percentI), end: l, closed: st === null }
      : parseList(src, s, l, st, depth + 1, problems, percentI);
  const lexer = new Lexer(src, start, limit, problems, nested);
  const range = (a: number, b: number): TextRange => mappedRange(src, a, b);
  const problem = (r: TextRange, message: string): void => {
    problems.push({ range: r, message });
  };

  const lists: ShellAndOr[] = [];
  const commands: ShellCommand[] = [];
  const comments: ShellComment[] = [];
  let pipelines: ShellPipeline[] = [];
  let ops: ('&&' | '||')[] = [];
  let pipeCmds: ShellCommand[] = [];
  let negated = false;
  let cmd: CommandBuilder = newCommand(start);
  let pendingBefore: ShellConnector | undefined;
  let parenDepth = 0;
  let end = limit;
  let closed = false;
  /** Operator that requires a following command (`&&`, `||`, `|`), with its range. */
  let dangling: { op: string; range: TextRange } | undefined;
  /**
   * Open compound commands (`if ... fi`, `while ... done`, `{ ... }`, `case ... esac`) and the
   * clause each is in; `body` is true once the clause holds a command (bash needs one).
   */
  const compound: { kind: 'if' | 'loop' | 'brace' | 'case'; state: string; body: boolean; word: ShellWord }[] = [];
  const inCase = (): boolean => compound.some((c) => c.kind === 'case');
  const unexpected = (w: ShellWord, why: string): void =>
    problem(w.range, `Syntax error near unexpected token \`${w.text}\`${why}; bash will fail to run this hook.`);

  /** Checks a reserved word against the open compound commands (bash's grammar). */
  function structure(w: ShellWord): void {
    const top = compound[compound.length - 1];
    const t = w.text;
    if (inCase() && t !== 'esac') return;
    switch (t) {
      case 'if':
        compound.push({ kind: 'if', state: 'cond', body: false, word: w });
        return;
      case 'while':
      case 'until':
      case 'for':
      case 'select':
        compound.push({ kind: 'loop', state: t === 'for' || t === 'select' ? 'list' : 'cond', body: false, word: w });
        return;
      case '{':
        compound.push({ kind: 'brace', state: 'body', body: false, word: w });
        return;
      case 'case':
        compound.push({ kind: 'case', state: 'body', body: true, word: w });
        return;
      case 'then':
        if (top?.kind !== 'if' || (top.state !== 'cond' && top.state !== 'elif')) return unexpected(w, ': `then` without `if`');
        if (!top.body) return unexpected(w, ': the `if` condition is empty');
        top.state = 'then';
        top.body = false;
        return;
      case 'elif':
      case 'else':
        if (top?.kind !== 'if' || top.state !== 'then') return unexpected(w, `: \`${t}\` outside an \`if ... then\``);
        if (!top.body) return unexpected(w, ': the `then` branch is empty');
        top.state = t;
        top.body = false;
        return;
      case 'fi':
        if (top?.kind !== 'if' || (top.state !== 'then' && top.state !== 'else')) return unexpected(w, ': `fi` without a matching `if ... then`');
        if (!top.body) return unexpected(w, ': the branch before it is empty');
        compound.pop();
        return;
      case 'do':
        if (top?.kind !== 'loop' || top.state === 'do') return unexpected(w, ': `do` without `while`, `until` or `for`');
        if (top.state === 'cond' && !top.body) return unexpected(w, ': the loop condition is empty');
        top.state = 'do';
        top.body = false;
        return;
      case 'done':
        if (top?.kind !== 'loop' || top.state !== 'do') return unexpected(w, ': `done` without a matching `do`');
        if (!top.body) return unexpected(w, ': the loop body is empty');
        compound.pop();
        return;
      case '}':
        if (top?.kind !== 'brace') return unexpected(w, ': `}` without a matching `{`');
        if (!top.body) return unexpected(w, ': the `{ ... }` group is empty');
        compound.pop();
        return;
      case 'esac':
        if (top?.kind !== 'case') return unexpected(w, ': `esac` without `case`');
        compound.pop();
        return;
    }
  }

  function newCommand(at: number): CommandBuilder {
    return { words: [], assignments: [], redirects: [], keywords: [], closers: [], start: at, end: at };
  }
  /** Only opening reserved words (`then`, `do`, `{` ...), which need a command after them; a lone `!` is fine. */
  const keywordsOnly = (c: CommandBuilder): boolean =>
    c.words.length + c.assignments.length + c.redirects.length + c.closers.length === 0 && c.keywords.some((k) => k.text !== '!');
  const isEmpty = (c: CommandBuilder): boolean =>
    c.words.length + c.assignments.length + c.redirects.length + c.keywords.length + c.closers.length === 0;

  function finishCommand(after: ShellConnector | undefined): ShellCommand | undefined {
    if (isEmpty(cmd)) return undefined;
    const top = compound[compound.length - 1];
    if (top && (cmd.words.length + cmd.assignments.length + cmd.redirects.length > 0 || cmd.closers.length > 0)) {
      // A `for x in a b` header is not a body; the words after `for` are its list.
      if (!(top.kind === 'loop' && top.state === 'list' && cmd.keywords.some((k) => k.text === 'for' || k.text === 'select'))) top.body = true;
    }
    // A finished inner compound (`fi`, `done`, `}`) counts as a command of the enclosing clause.
    if (cmd.closers.length > 0) {
      const outer = compound[compound.length - 1];
      if (outer) outer.body = true;
    }
    const r = range(cmd.start, cmd.end);
    const built: ShellCommand = {
      type: 'ShellCommand',
      range: r,
      words: cmd.words,
      assignments: cmd.assignments,
      redirects: cmd.redirects,
      keywords: cmd.keywords,
      closers: cmd.closers,
      ...(cmd.before !== undefined ? { before: cmd.before } : {}),
      ...(after !== undefined ? { after } : {}),
      depth,
      ...scriptOf(cmd.words),
    };
    commands.push(built);
    pipeCmds.push(built);
    return built;
  }

  /** `bash -c 'script'`: parse the script with the word's own offsets. */
  function scriptOf(words: readonly ShellWord[]): { script?: ShellProgram } {
    const name = words[0]?.text.replace(/^.*\//, '');
    if (!name || !SHELLS.has(name) || depth >= MAX_DEPTH) return {};
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!.text;
      if (!w.startsWith('-') || w === '--') return {};
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(w)) {
        const script = words[i + 1];
        if (!script) return {};
        const inner: MappedText = {
          text: script.text,
          starts: script.offsets,
          ends: script.offsetEnds,
          endOffset: script.range.end,
        };
        const r = parseList(inner, 0, inner.text.length, null, depth + 1, problems, percentI);
        return { script: r.program };
      }
      if (w === '-o' || w === '+o') i++;
    }
    return {};
  }

  function finishPipeline(): void {
    if (pipeCmds.length > 0) {
      const first = pipeCmds[0]!;
      const last = pipeCmds[pipeCmds.length - 1]!;
      pipelines.push({ type: 'ShellPipeline', range: { start: first.range.start, end: last.range.end }, negated, commands: pipeCmds });
    }
    pipeCmds = [];
    negated = false;
  }

  function finishList(background: boolean): void {
    finishPipeline();
    if (pipelines.length > 0) {
      const r = { start: pipelines[0]!.range.start, end: pipelines[pipelines.length - 1]!.range.end };
      lists.push({ type: 'ShellAndOr', range: r, pipelines, ops: ops.slice(0, pipelines.length - 1), background });
    }
    pipelines = [];
    ops = [];
  }

  for (;;) {
    const tok: Token | undefined = lexer.next();
    if (!tok) break;
    if (tok.kind === 'comment') {
      comments.push({ range: tok.range, text: tok.text });
      continue;
    }
    if (isEmpty(cmd)) {
      cmd.start = tok.start;
      if (pendingBefore !== undefined) cmd.before = pendingBefore;
    }
    if (tok.kind === 'word') {
      dangling = undefined;
      const w = tok.word;
      cmd.end = tok.end;
      const atStart = cmd.words.length === 0 && cmd.assignments.length === 0 && cmd.redirects.length === 0;
      if (atStart && tok.unquotedText && cmd.closers.length === 0 && (OPENERS.has(w.text) || (CLOSERS.has(w.text) && cmd.keywords.length === 0))) {
        if (CLOSERS.has(w.text)) cmd.closers.push(w);
        else {
          if (w.text === '!') {
            if (pipeCmds.length > 0 && !inCase()) unexpected(w, ': `!` can only start a pipeline');
            else if (cmd.keywords.length === 0 || cmd.keywords.every((k) => k.text === '!' || OPENERS.has(k.text))) negated = true;
          }
          cmd.keywords.push(w);
        }
        structure(w);
        continue;
      }
      // After `}`/`fi`/`done`, only redirections and operators may follow.
      if (cmd.closers.length > 0 && cmd.words.length === 0 && !inCase() && CLOSERS.has(cmd.closers[cmd.closers.length - 1]!.text)) {
        unexpected(w, ` after \`${cmd.closers[cmd.closers.length - 1]!.text}\``);
        cmd.words.push(w);
        continue;
      }
      if (cmd.words.length > 0 && tok.unquotedText && CLOSERS.has(w.text) && cmd.words[0]?.text === 'for') {
        cmd.closers.push(w);
        continue;
      }
      if (cmd.words.length === 0 && ASSIGNMENT.test(src.text.slice(tok.start, tok.end))) {
        cmd.assignments.push(w);
        continue;
      }
      cmd.words.push(w);
      continue;
    }
    if (tok.kind === 'redirect') {
      dangling = undefined;
      const next = peekWord(lexer);
      let redirect: ShellRedirect;
      if (next) {
        redirect = {
          type: 'ShellRedirect',
          range: { start: tok.range.start, end: next.word.range.end },
          op: tok.op,
          ...(tok.fd !== undefined ? { fd: tok.fd } : {}),
          target: next.word,
        };
        cmd.end = next.end;
      } else {
        const after = lexer.next();
        const what = after ? (after.kind === 'op' ? (after.op === '\n' ? 'newline' : after.op) : after.kind === 'redirect' ? after.op : 'newline') : 'newline';
        problem(tok.range, `Syntax error: \`${tok.op}\` needs a file name after it (bash: unexpected token \`${what}\`); bash will fail to run this hook.`);
        if (after) lexer.pos = after.start;
        redirect = { type: 'ShellRedirect', range: tok.range, op: tok.op, ...(tok.fd !== undefined ? { fd: tok.fd } : {}) };
        cmd.end = tok.end;
      }
      cmd.redirects.push(redirect);
      continue;
    }
    // Operators.
    const op = tok.op;
    if (op === '(') {
      if (cmd.words.length === 0 && cmd.assignments.length === 0 && cmd.redirects.length === 0) {
        parenDepth++;
        cmd.keywords.push(opWord(tok.range, '('));
        cmd.end = tok.end;
        continue;
      }
      problem(tok.range, 'Syntax error near unexpected token `(`; bash will fail to run this hook. Quote it if it is part of an argument.');
      continue;
    }
    if (op === ')') {
      if (parenDepth > 0) {
        if (keywordsOnly(cmd) && cmd.keywords[cmd.keywords.length - 1]!.text === '(') {
          problem(tok.range, 'Syntax error near unexpected token `)`: the `( ... )` subshell is empty; bash will fail to run this hook.');
        }
        parenDepth--;
        cmd.closers.push(opWord(tok.range, ')'));
        cmd.end = tok.end;
        continue;
      }
      if (stop === ')' && !inCase()) {
        end = tok.start;
        closed = true;
        break;
      }
      if (inCase()) continue; // `pattern)` of a case item
      problem(tok.range, 'Syntax error near unexpected token `)`; bash will fail to run this hook. Remove it or quote it.');
      continue;
    }
    if (op === ';;') {
      if (inCase()) {
        if (!isEmpty(cmd)) finishCommand(';');
        cmd = newCommand(tok.end);
        pendingBefore = ';';
        dangling = undefined;
        continue;
      }
      problem(tok.range, 'Syntax error near unexpected token `;;` (only valid inside `case`); bash will fail to run this hook.');
      continue;
    }
    const connector = op as ShellConnector;
    if (isEmpty(cmd)) {
      if (op === '\n') {
        if (dangling) continue; // `a &&` newline `b` continues the list.
        if (pipelines.length === 0 && pipeCmds.length === 0) {
          pendingBefore = '\n';
          continue;
        }
      }
      problem(tok.range, `Syntax error near unexpected token \`${op === '\n' ? 'newline' : op}\`: no command before it; bash will fail to run this hook.`);
      continue;
    }
    if (keywordsOnly(cmd) && op !== '\n' && !inCase()) {
      const last = cmd.keywords[cmd.keywords.length - 1]!;
      problem(tok.range, `Syntax error near unexpected token \`${op}\`: \`${last.text}\` needs a command after it; bash will fail to run this hook.`);
    }
    finishCommand(connector);
    cmd = newCommand(tok.end);
    pendingBefore = connector;
    if (op === '|' || op === '|&') {
      dangling = { op, range: tok.range };
    } else if (op === '&&' || op === '||') {
      finishPipeline();
      ops.push(op);
      dangling = { op, range: tok.range };
    } else {
      finishList(op === '&');
      dangling = undefined;
    }
  }

  if (!isEmpty(cmd)) {
    if (keywordsOnly(cmd) && compound.length === 0) {
      const last = cmd.keywords[cmd.keywords.length - 1]!;
      problem(last.range, `Syntax error: \`${last.text}\` at the end needs a command after it (bash: unexpected end of file); bash will fail to run this hook.`);
    }
    finishCommand(undefined);
  } else if (dangling) {
    problem(dangling.range, `Syntax error: \`${dangling.op}\` at the end needs a command after it (bash: unexpected end of file); bash will fail to run this hook.`);
  }
  finishList(false);
  const open = compound[compound.length - 1];
  if (open) {
    const closer = { if: 'fi', loop: 'done', brace: '}', case: 'esac' }[open.kind];
    problem(open.word.range, `Syntax error: \`${open.word.text}\` is never closed with \`${closer}\` (bash: unexpected end of file); bash will fail to run this hook.`);
  }
  if (parenDepth > 0) {
    problem(range(start, limit), 'Syntax error: a `(` subshell is never closed (bash: unexpected end of file); bash will fail to run this hook. Add the closing `)`.');
  }
  if (!closed) end = limit;
  const program: ShellProgram = {
    type: 'ShellProgram',
    range: range(start, end),
    lists,
    commands,
    comments,
    percentI: depth === 0 ? percentI : [],
    text: src.text.slice(start, end),
  };
  return { program, end, closed };
}

function peekWord(lexer: Lexer): (Token & { kind: 'word' }) | undefined {
  const save = lexer.pos;
  const t = lexer.next();
  if (t && t.kind === 'word') return t;
  lexer.pos = save;
  return undefined;
}

function opWord(range: TextRange, text: string): ShellWord {
  return { text, range, quoted: false, dynamic: false, parts: [], offsets: [range.start], offsetEnds: [range.end] };
}

function emptyProgram(src: MappedText, start: number, limit: number, percentI: readonly TextRange[]): ShellProgram {
  void percentI;
  return { type: 'ShellProgram', range: mappedRange(src, start, limit), lists: [], commands: [], comments: [], percentI: [], text: src.text.slice(start, limit) };
}
