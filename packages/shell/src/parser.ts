import type { SyntaxProblem, TextRange } from '@wglint/core';
import type {
  ShellAndOr,
  ShellComment,
  ShellCommand,
  ShellConnector,
  ShellFunction,
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
/** Builtins whose `name=(...)` arguments are array assignments. */
const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);
/** Reserved words that may open a function body (bash `shell_command`); `(` too. */
const BODY_OPENERS = new Set(['{', 'if', 'while', 'until', 'for', 'select', 'case', '[[']);
/** Clause keywords after which `name()` may start a function definition. */
const BEFORE_FUNCTION = new Set(['!', 'time', 'if', 'then', 'elif', 'else', 'while', 'until', 'do', '{', '(']);

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
  const compound: { kind: 'if' | 'loop' | 'brace' | 'case'; state: string; body: boolean; word: ShellWord; item?: boolean; pattern?: boolean }[] = [];
  /** A function header was read; the next token opens its body. */
  let fnPending: { name: ShellWord; keyword?: ShellWord } | undefined;
  /** Function bodies being read: each ends when its compound (or `(` subshell) closes. */
  const openFns: { name: ShellWord; keyword?: ShellWord; body: TextRange; firstCmd: number; compoundLen: number; parenLevel: number; paren: boolean }[] = [];
  const functions: { fn: Omit<ShellFunction, 'commands'>; firstCmd: number; endCmd: number }[] = [];
  const unexpected = (w: ShellWord, why: string): void =>
    problem(w.range, `Syntax error near unexpected token \`${w.text}\`${why}; bash will fail to run this hook.`);

  /** Checks a reserved word against the open compound commands (bash's grammar). */
  function structure(w: ShellWord): void {
    const top = compound[compound.length - 1];
    const t = w.text;
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
        compound.push({ kind: 'case', state: 'head', body: true, word: w });
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
        if (top?.kind !== 'case' || top.state === 'head') return unexpected(w, ': `esac` without `case ... in`');
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

  const tokRange = (t: Token): TextRange => (t.kind === 'word' ? t.word.range : t.range);
  const tokText = (t: Token): string => (t.kind === 'word' ? t.word.text : t.kind === 'comment' ? '#' : t.kind === 'op' && t.op === '\n' ? 'newline' : t.op);

  /** After a function header: the next token (newlines and comments skipped) must open a compound command. */
  function expectFunctionBody(name: ShellWord, keyword: ShellWord | undefined): void {
    for (;;) {
      const save = lexer.pos;
      const before = problems.length;
      const nx = lexer.next();
      if (nx?.kind === 'op' && nx.op === '\n') continue;
      if (nx?.kind === 'comment') {
        comments.push({ range: nx.range, text: nx.text });
        continue;
      }
      lexer.pos = save;
      problems.length = before;
      if (nx && ((nx.kind === 'word' && nx.unquotedText && BODY_OPENERS.has(nx.word.text)) || (nx.kind === 'op' && nx.op === '('))) {
        fnPending = { name, ...(keyword ? { keyword } : {}) };
      } else {
        const what = nx ? `near unexpected token \`${tokText(nx)}\`` : '(bash: unexpected end of file)';
        problem(nx ? tokRange(nx) : name.range, `Syntax error ${what}: the body of function \`${name.text}\` must be a compound command such as \`{ ...; }\`; bash will fail to run this hook.`);
      }
      return;
    }
  }

  /** The token that opens a pending function's body is being read. */
  function openFunctionBody(opener: TextRange, paren: boolean): void {
    if (!fnPending) return;
    openFns.push({ ...fnPending, body: opener, firstCmd: commands.length, compoundLen: compound.length, parenLevel: parenDepth, paren });
    fnPending = undefined;
  }

  /** Ends the innermost function whose body just closed with `closer`. */
  function closeFunctions(closer: TextRange): void {
    for (;;) {
      const f = openFns[openFns.length - 1];
      if (!f) return;
      const done = f.paren ? parenDepth <= f.parenLevel : compound.length <= f.compoundLen;
      if (!done) return;
      openFns.pop();
      const start = (f.keyword ?? f.name).range.start;
      functions.push({
        fn: {
          type: 'ShellFunction',
          range: { start, end: closer.end },
          name: f.name,
          ...(f.keyword ? { keyword: f.keyword } : {}),
          bodyRange: { start: f.body.start, end: closer.end },
        },
        firstCmd: f.firstCmd,
        // The command holding the closer is pushed next.
        endCmd: commands.length + 1,
      });
    }
  }

  /** `[[ ... ]]`: everything up to `]]` is one command; `&&`, `(`, `<` ... are its operators, not the shell's. */
  function condCommand(open: ShellWord): void {
    let regex = false;
    for (;;) {
      lexer.regex = regex;
      const tk = lexer.next();
      lexer.regex = false;
      if (!tk) {
        problem(open.range, 'Syntax error: `[[` is never closed with `]]` (bash: unexpected end of file); bash will fail to run this hook.');
        return;
      }
      if (tk.kind === 'comment') {
        comments.push({ range: tk.range, text: tk.text });
        continue;
      }
      cmd.end = tk.end;
      regex = false;
      if (tk.kind === 'word') {
        if (tk.unquotedText && tk.word.text === ']]') {
          cmd.closers.push(tk.word);
          return;
        }
        cmd.words.push(tk.word);
        regex = tk.unquotedText && tk.word.text === '=~';
        continue;
      }
      if (tk.kind === 'op' && tk.op === '\n') continue;
      cmd.words.push(opWord(tk.range, tk.op));
    }
  }

  for (;;) {
    const cs = compound[compound.length - 1];
    const caseTop = cs?.kind === 'case' ? cs : undefined;
    lexer.assignOk = caseTop?.state !== 'pattern' && (cmd.words.length === 0 || DECLARATIONS.has(cmd.words[0]!.text));
    const tok: Token | undefined = lexer.next();
    lexer.assignOk = false;
    if (!tok) break;
    if (tok.kind === 'comment') {
      comments.push({ range: tok.range, text: tok.text });
      continue;
    }
    if (caseTop?.state === 'head' && tok.kind === 'op' && tok.op === '\n') continue;
    // `case WORD in` [`(`] pattern [`|` pattern]... `)` body `;;` ...
    if (caseTop?.state === 'pattern' && !(tok.kind === 'word' && tok.unquotedText && tok.word.text === 'esac' && !caseTop.item)) {
      if (tok.kind === 'op' && tok.op === '\n' && !caseTop.item) continue;
      if (tok.kind === 'word' && !caseTop.pattern) {
        caseTop.item = true;
        caseTop.pattern = true;
        continue;
      }
      if (tok.kind === 'op' && tok.op === '(' && !caseTop.item) {
        caseTop.item = true;
        continue;
      }
      if (tok.kind === 'op' && tok.op === '|' && caseTop.pattern) {
        caseTop.pattern = false;
        continue;
      }
      if (tok.kind === 'op' && tok.op === ')' && caseTop.pattern) {
        caseTop.state = 'body';
        caseTop.item = false;
        caseTop.pattern = false;
        continue;
      }
      problem(tokRange(tok), `Syntax error near unexpected token \`${tokText(tok)}\` in a \`case\` pattern (write \`pattern)\` or \`(pattern)\`, alternatives joined by \`|\`); bash will fail to run this hook.`);
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
      if (caseTop?.state === 'head' && tok.unquotedText && w.text === 'in' && cmd.words.length >= 1) {
        cmd.words.push(w);
        finishCommand(undefined);
        finishList(false);
        cmd = newCommand(tok.end);
        pendingBefore = undefined;
        caseTop.state = 'pattern';
        continue;
      }
      const atStart = cmd.words.length === 0 && cmd.assignments.length === 0 && cmd.redirects.length === 0;
      if (atStart && tok.unquotedText && cmd.closers.length === 0 && (OPENERS.has(w.text) || (CLOSERS.has(w.text) && cmd.keywords.length === 0))) {
        if (w.text === 'function' && !fnPending) {
          // `function NAME [()] BODY`
          const before = problems.length;
          const save = lexer.pos;
          const name = lexer.next();
          if (name?.kind !== 'word') {
            lexer.pos = save;
            problems.length = before;
            problem(name ? tokRange(name) : w.range, `Syntax error near unexpected token \`${name ? tokText(name) : 'newline'}\`: \`function\` needs a name; bash will fail to run this hook.`);
            continue;
          }
          const afterName = lexer.pos;
          const open = lexer.next();
          if (open?.kind === 'op' && open.op === '(') {
            const seen = problems.length;
            const close = lexer.next();
            // `function f ( cmd )`: the `(` opens a subshell body.
            if (close?.kind !== 'op' || close.op !== ')') {
              lexer.pos = afterName;
              problems.length = seen;
            }
          } else lexer.pos = afterName;
          if (isEmpty(cmd)) cmd.start = lexer.pos;
          expectFunctionBody(name.word, w);
          continue;
        }
        if (CLOSERS.has(w.text)) cmd.closers.push(w);
        else {
          if (BODY_OPENERS.has(w.text)) openFunctionBody(w.range, false);
          if (w.text === '!') {
            if (pipeCmds.length > 0) unexpected(w, ': `!` can only start a pipeline');
            else if (cmd.keywords.length === 0 || cmd.keywords.every((k) => k.text === '!' || OPENERS.has(k.text))) negated = true;
          }
          cmd.keywords.push(w);
        }
        const fnsOpen = openFns.length;
        structure(w);
        if (w.text === '[[') {
          condCommand(w);
          const closer = cmd.closers[cmd.closers.length - 1];
          if (closer) closeFunctions(closer.range);
        } else if (CLOSERS.has(w.text) && fnsOpen > 0) closeFunctions(w.range);
        continue;
      }
      // After `}`/`fi`/`done`, only redirections and operators may follow.
      const lastCloser = cmd.closers[cmd.closers.length - 1];
      if (
        lastCloser &&
        (CLOSERS.has(lastCloser.text) || lastCloser.text === ')') &&
        (cmd.words.length === 0 || ((lastCloser.text === ']]' || lastCloser.text === ')') && cmd.words[cmd.words.length - 1]!.range.start < lastCloser.range.start))
      ) {
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
      const lastKw = cmd.keywords[cmd.keywords.length - 1];
      if (
        cmd.words.length === 1 &&
        cmd.assignments.length === 0 &&
        cmd.redirects.length === 0 &&
        cmd.closers.length === 0 &&
        !fnPending &&
        (!lastKw || BEFORE_FUNCTION.has(lastKw.text))
      ) {
        // `NAME() BODY`
        const save = lexer.pos;
        const seen = problems.length;
        const close = lexer.next();
        if (close?.kind === 'op' && close.op === ')') {
          const name = cmd.words.pop()!;
          if (isEmpty(cmd)) cmd.start = close.end;
          expectFunctionBody(name, undefined);
          continue;
        }
        lexer.pos = save;
        problems.length = seen;
      }
      if (cmd.words.length === 0 && cmd.assignments.length === 0 && cmd.redirects.length === 0) {
        openFunctionBody(tok.range, true);
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
        closeFunctions(tok.range);
        continue;
      }
      if (stop === ')') {
        end = tok.start;
        closed = true;
        break;
      }
      problem(tok.range, 'Syntax error near unexpected token `)`; bash will fail to run this hook. Remove it or quote it.');
      continue;
    }
    if (op === ';;' || op === ';&' || op === ';;&') {
      if (caseTop?.state === 'body' && !dangling) {
        if (!isEmpty(cmd)) finishCommand(';');
        finishList(false);
        cmd = newCommand(tok.end);
        pendingBefore = ';';
        caseTop.state = 'pattern';
        continue;
      }
      problem(tok.range, `Syntax error near unexpected token \`${op}\` (only valid at the end of a \`case\` item); bash will fail to run this hook.`);
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
    if (keywordsOnly(cmd) && op !== '\n') {
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
    functions: functions.map((f) => ({ ...f.fn, commands: commands.slice(f.firstCmd, f.endCmd) })),
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
  return { type: 'ShellProgram', range: mappedRange(src, start, limit), lists: [], commands: [], functions: [], comments: [], percentI: [], text: src.text.slice(start, limit) };
}
