import type { SyntaxProblem, TextRange } from '@wglint/core';
import type { ShellDynamicPart, ShellProgram, ShellWord } from './ast.js';
import { type MappedText, mappedRange } from './source.js';

/** A lexical token of the bash grammar subset wglint needs. */
export type Token =
  | { readonly kind: 'word'; readonly word: ShellWord; readonly start: number; readonly end: number; readonly unquotedText: boolean }
  | { readonly kind: 'op'; readonly op: string; readonly start: number; readonly end: number; readonly range: TextRange }
  | { readonly kind: 'redirect'; readonly op: string; readonly fd?: number; readonly start: number; readonly end: number; readonly range: TextRange }
  | { readonly kind: 'comment'; readonly text: string; readonly range: TextRange; readonly start: number; readonly end: number };

/** Parses a nested program (`$(...)`, backticks) from `start`; returns it and where it stopped. */
export type NestedParser = (start: number, limit: number, stop: ')' | null) => { program: ShellProgram; end: number; closed: boolean };

/** `name=` / `name+=` / `name[sub]=` before the `(` of an array assignment. */
const ARRAY_ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/;
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const SIMPLE_ESC: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** Hand-written bash lexer over a mapped text; never throws, reports unterminated constructs. */
export class Lexer {
  pos: number;
  /**
   * Set by the parser before `next()` when a word may be an assignment (command position, or an
   * argument of `declare`/`local`/...): then `name=(...)` / `name+=(...)` is one array-assignment word.
   */
  assignOk = false;
  /** Set by the parser for the operand after `=~` in `[[ ]]`: `(`, `)` pairs and `|` are word characters. */
  regex = false;
  private readonly text: string;

  constructor(
    private readonly src: MappedText,
    start: number,
    private readonly limit: number,
    private readonly problems: SyntaxProblem[],
    private readonly nested: NestedParser,
  ) {
    this.pos = start;
    this.text = src.text;
  }

  private range(a: number, b: number): TextRange {
    return mappedRange(this.src, a, b);
  }

  private problem(a: number, b: number, message: string): void {
    this.problems.push({ range: this.range(a, b), message });
  }

  /** Next token, or undefined at the limit or (when `stopParen`) at a `)` the caller handles. */
  next(): Token | undefined {
    const t = this.text;
    // Skip blanks and line continuations.
    for (;;) {
      if (this.pos >= this.limit) return undefined;
      const c = t[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && t[this.pos + 1] === '\n' && this.pos + 1 < this.limit) this.pos += 2;
      else break;
    }
    const start = this.pos;
    const c = t[start]!;
    const c2 = start + 1 < this.limit ? t[start + 1] : undefined;
    const c3 = start + 2 < this.limit ? t[start + 2] : undefined;
    if (c === '#') {
      let e = start;
      while (e < this.limit && t[e] !== '\n') e++;
      this.pos = e;
      return { kind: 'comment', text: t.slice(start, e), range: this.range(start, e), start, end: e };
    }
    const op = (s: string): Token => {
      this.pos = start + s.length;
      return { kind: 'op', op: s, start, end: this.pos, range: this.range(start, this.pos) };
    };
    const redir = (s: string, fd?: number, from = start): Token => {
      this.pos = start + s.length;
      return { kind: 'redirect', op: s, ...(fd !== undefined ? { fd } : {}), start: from, end: this.pos, range: this.range(from, this.pos) };
    };
    switch (c) {
      case '\n':
        return op('\n');
      case ';':
        if (c2 === ';') return op(c3 === '&' ? ';;&' : ';;');
        return op(c2 === '&' ? ';&' : ';');
      case '|':
        if (this.regex) return this.word(start);
        return op(c2 === '|' ? '||' : c2 === '&' ? '|&' : '|');
      case '&':
        if (c2 === '&') return op('&&');
        if (c2 === '>') return redir(c3 === '>' ? '&>>' : '&>');
        return op('&');
      case '(':
        if (this.regex) return this.word(start);
        return op(c);
      case ')':
        return op(c);
      case '<':
      case '>':
        // `<(cmd)` / `>(cmd)`: process substitution, a word (`wg syncconf wg0 <(wg-quick strip wg0)`).
        if (c2 === '(') return this.word(start);
        return this.redirectOp(start, undefined, start);
    }
    // fd number directly followed by < or >: `2>/dev/null`.
    let d = start;
    while (d < this.limit && t[d]! >= '0' && t[d]! <= '9') d++;
    if (d > start && d < this.limit && (t[d] === '<' || t[d] === '>')) {
      return this.redirectOp(d, Number(t.slice(start, d)), start);
    }
    return this.word(start);
  }

  private redirectOp(at: number, fd: number | undefined, from: number): Token {
    const t = this.text;
    const rest = t.slice(at, Math.min(this.limit, at + 3));
    const ops = ['<<<', '<<-', '<<', '<>', '<&', '<', '>>', '>|', '>&', '>'];
    const s = ops.find((o) => rest.startsWith(o))!;
    this.pos = at + s.length;
    return { kind: 'redirect', op: s, ...(fd !== undefined ? { fd } : {}), start: from, end: this.pos, range: this.range(from, this.pos) };
  }

  /** Lexes one word starting at `start` (not a metacharacter). */
  private word(start: number): Token {
    const t = this.text;
    let text = '';
    const offsets: number[] = [];
    const offsetEnds: number[] = [];
    const parts: ShellDynamicPart[] = [];
    let quoted = false;
    let unquotedText = true;
    let braceOpen = false;
    let braceComma = false;
    let elements: ShellWord[] | undefined;
    const regex = this.regex;
    const assignOk = this.assignOk;
    this.regex = false;
    this.assignOk = false;
    const put = (s: string, a: number, b: number): void => {
      const r = this.range(a, b);
      for (const ch of s) {
        text += ch;
        offsets.push(r.start);
        offsetEnds.push(r.end);
      }
    };
    const putChar = (i: number): void => {
      text += t[i];
      offsets.push(this.src.starts[i]!);
      offsetEnds.push(this.src.ends[i]!);
    };
    let i = start;
    while (i < this.limit) {
      const c = t[i]!;
      if ((c === '<' || c === '>') && i === start && t[i + 1] === '(' && i + 1 < this.limit) {
        const inner = this.nested(i + 2, this.limit, ')');
        const e = inner.closed ? inner.end + 1 : this.limit;
        if (!inner.closed) {
          this.problem(i, this.limit, `Unterminated \`${c}(\` process substitution; bash will fail to run this hook. Add the closing \`)\`.`);
        }
        parts.push({ kind: 'process', range: this.range(i, e), text: t.slice(i, e), program: inner.program });
        for (let k = i; k < e; k++) putChar(k);
        unquotedText = false;
        i = e;
        continue;
      }
      if (regex && c === '|') {
        putChar(i);
        i++;
        continue;
      }
      if (regex && c === '(') {
        // bash reads a `( ... )` group of a `=~` regex as part of the word, blanks and `|` included.
        const e = this.matchedParen(i);
        if (e < 0) {
          this.problem(i, this.limit, 'Unterminated `(` in the `=~` regular expression; bash will fail to run this hook. Add the closing `)`.');
          for (let k = i; k < this.limit; k++) putChar(k);
          i = this.limit;
          break;
        }
        for (let k = i; k < e; k++) putChar(k);
        i = e;
        continue;
      }
      if (c === '(' && assignOk && !elements && ARRAY_ASSIGN.test(t.slice(start, i))) {
        // `name=(a "b c" [2]=d)`: an array assignment; the elements are words of their own.
        elements = [];
        let k = i + 1;
        let closed = false;
        while (k < this.limit) {
          const q = t[k]!;
          if (q === ' ' || q === '\t' || q === '\n' || q === '\r') k++;
          else if (q === '\\' && t[k + 1] === '\n' && k + 1 < this.limit) k += 2;
          else if (q === ')') {
            closed = true;
            k++;
            break;
          } else if (q === '#') {
            while (k < this.limit && t[k] !== '\n') k++;
          } else if (META.has(q) && !((q === '<' || q === '>') && t[k + 1] === '(')) {
            this.problem(k, k + 1, `Syntax error near unexpected token \`${q}\` in the array assignment; bash will fail to run this hook. Quote it if it is part of an element.`);
            k++;
          } else {
            const el = this.word(k);
            if (el.kind !== 'word' || el.end <= k) {
              k++;
              continue;
            }
            elements.push(el.word);
            for (const part of el.word.parts) parts.push(part);
            if (el.word.quoted) quoted = true;
            k = el.end;
          }
        }
        if (!closed) this.problem(i, this.limit, 'Unterminated `(` array assignment; bash will fail to run this hook. Add the closing `)`.');
        for (let m = i; m < k; m++) putChar(m);
        unquotedText = false;
        i = k;
        continue;
      }
      if (META.has(c)) break;
      if (c === '\\') {
        if (i + 1 >= this.limit) {
          putChar(i);
          i++;
          continue;
        }
        if (t[i + 1] === '\n') {
          i += 2;
          continue;
        }
        quoted = true;
        unquotedText = false;
        put(t[i + 1]!, i, i + 2);
        i += 2;
        continue;
      }
      if (c === "'") {
        quoted = true;
        unquotedText = false;
        const close = t.indexOf("'", i + 1);
        if (close < 0 || close >= this.limit) {
          this.problem(i, this.limit, 'Unterminated single quote; bash will fail to run this hook. Add the closing `\'`.');
          for (let k = i + 1; k < this.limit; k++) putChar(k);
          i = this.limit;
          break;
        }
        for (let k = i + 1; k < close; k++) putChar(k);
        i = close + 1;
        continue;
      }
      if (c === '$' && t[i + 1] === "'" && i + 1 < this.limit) {
        quoted = true;
        unquotedText = false;
        i = this.ansiC(i, put);
        continue;
      }
      if (c === '"' || (c === '$' && t[i + 1] === '"' && i + 1 < this.limit)) {
        quoted = true;
        unquotedText = false;
        const open = c === '"' ? i : i + 1;
        let k = open + 1;
        let closed = false;
        while (k < this.limit) {
          const q = t[k]!;
          if (q === '"') {
            closed = true;
            k++;
            break;
          }
          if (q === '\\' && k + 1 < this.limit) {
            const n = t[k + 1]!;
            if (n === '\n') k += 2;
            else if (n === '$' || n === '`' || n === '"' || n === '\\') {
              put(n, k, k + 2);
              k += 2;
            } else {
              putChar(k);
              k++;
            }
            continue;
          }
          if (q === '$' || q === '`') {
            const e = this.expansion(k, parts, put, true);
            if (e > k) {
              k = e;
              continue;
            }
          }
          putChar(k);
          k++;
        }
        if (!closed) {
          this.problem(i, this.limit, 'Unterminated double quote; bash will fail to run this hook. Add the closing `"`.');
        }
        i = k;
        continue;
      }
      if (c === '$' || c === '`') {
        const e = this.expansion(i, parts, put, false);
        if (e > i) {
          unquotedText = false;
          i = e;
          continue;
        }
      }
      if (c === '~' && i === start) {
        parts.push({ kind: 'tilde', range: this.range(i, i + 1), text: '~' });
      } else if (c === '*' || c === '?' || c === '[') {
        if (!parts.some((p) => p.kind === 'glob')) parts.push({ kind: 'glob', range: this.range(i, i + 1), text: c });
      } else if (c === '{') braceOpen = true;
      else if (c === ',' && braceOpen) braceComma = true;
      else if (c === '.' && t[i + 1] === '.' && braceOpen) braceComma = true;
      else if (c === '}' && braceOpen && braceComma) {
        parts.push({ kind: 'brace', range: this.range(start, i + 1), text: t.slice(start, i + 1) });
        braceOpen = false;
      }
      putChar(i);
      i++;
    }
    this.pos = i;
    const dynamic = parts.some((p) => p.kind !== 'glob' && p.kind !== 'brace');
    const word: ShellWord = { text, range: this.range(start, i), quoted, dynamic, parts, offsets, offsetEnds, ...(elements ? { elements } : {}) };
    return { kind: 'word', word, start, end: i, unquotedText };
  }

  /** Index after the `)` matching the `(` at `i` (quotes and escapes skipped), or -1. */
  private matchedParen(i: number): number {
    const t = this.text;
    let depth = 0;
    for (let k = i; k < this.limit; k++) {
      const c = t[k];
      if (c === '\\') k++;
      else if (c === "'") {
        const close = t.indexOf("'", k + 1);
        if (close < 0 || close >= this.limit) return -1;
        k = close;
      } else if (c === '"') {
        k++;
        while (k < this.limit && t[k] !== '"') k += t[k] === '\\' ? 2 : 1;
        if (k >= this.limit) return -1;
      } else if (c === '(') depth++;
      else if (c === ')') {
        depth--;
        if (depth === 0) return k + 1;
      }
    }
    return -1;
  }

  /** `$'...'` (ANSI-C quoting); returns the index after the closing quote. */
  private ansiC(i: number, put: (s: string, a: number, b: number) => void): number {
    const t = this.text;
    let k = i + 2;
    while (k < this.limit) {
      const c = t[k]!;
      if (c === "'") return k + 1;
      if (c === '\\' && k + 1 < this.limit) {
        const n = t[k + 1]!;
        const simple = SIMPLE_ESC[n];
        if (simple !== undefined) {
          put(simple, k, k + 2);
          k += 2;
          continue;
        }
        let m: RegExpExecArray | null;
        const rest = t.slice(k + 1, this.limit);
        if ((m = /^x([0-9a-fA-F]{1,2})/.exec(rest)) || (m = /^u([0-9a-fA-F]{1,4})/.exec(rest)) || (m = /^U([0-9a-fA-F]{1,8})/.exec(rest))) {
          const cp = parseInt(m[1]!, 16);
          put(cp <= 0x10ffff ? String.fromCodePoint(cp) : '', k, k + 1 + m[0].length);
          k += 1 + m[0].length;
          continue;
        }
        if ((m = /^[0-7]{1,3}/.exec(rest))) {
          put(String.fromCharCode(parseInt(m[0], 8) & 0xff), k, k + 1 + m[0].length);
          k += 1 + m[0].length;
          continue;
        }
        if ((m = /^c(.)/.exec(rest))) {
          put(String.fromCharCode(m[1]!.charCodeAt(0) & 0x1f), k, k + 3);
          k += 3;
          continue;
        }
        put('\\' + n, k, k + 2);
        k += 2;
        continue;
      }
      put(c, k, k + 1);
      k++;
    }
    this.problem(i, this.limit, "Unterminated $'...' quote; bash will fail to run this hook. Add the closing `'`.");
    return this.limit;
  }

  /**
   * `$name`, `${...}`, `$(...)`, `$((...))`, `` `...` `` at `i`: records a dynamic part, appends its
   * source text to the word and returns the index after it (or `i` when `$` is a literal dollar).
   */
  private expansion(i: number, parts: ShellDynamicPart[], put: (s: string, a: number, b: number) => void, inDq: boolean): number {
    const t = this.text;
    const lim = this.limit;
    const add = (kind: ShellDynamicPart['kind'], e: number, program?: ShellProgram): number => {
      const slice = t.slice(i, e);
      parts.push({ kind, range: this.range(i, e), text: slice, ...(program ? { program } : {}) });
      for (let k = i; k < e; k++) put(t[k]!, k, k + 1);
      return e;
    };
    if (t[i] === '`') {
      let k = i + 1;
      while (k < lim && t[k] !== '`') k += t[k] === '\\' ? 2 : 1;
      if (k >= lim) {
        this.problem(i, lim, 'Unterminated backtick command substitution; bash will fail to run this hook. Add the closing `` ` ``.');
        return add('backtick', lim);
      }
      // bash parses a backtick substitution only when it runs it: a syntax error inside fails that
      // substitution, not the whole hook, so its problems are not reported.
      const before = this.problems.length;
      const inner = this.nested(i + 1, k, null);
      this.problems.length = before;
      return add('backtick', k + 1, inner.program);
    }
    const n = i + 1 < lim ? t[i + 1] : undefined;
    if (n === '(') {
      if (t[i + 2] === '(' && i + 2 < lim) {
        // $(( arithmetic )): find the matching `))`.
        let depth = 0;
        let k = i + 1;
        for (; k < lim; k++) {
          if (t[k] === '(') depth++;
          else if (t[k] === ')') {
            depth--;
            if (depth === 0) break;
          }
        }
        if (k >= lim) {
          this.problem(i, lim, 'Unterminated `$((` arithmetic expansion; bash will fail to run this hook. Add the closing `))`.');
          return add('arithmetic', lim);
        }
        return add('arithmetic', k + 1);
      }
      const inner = this.nested(i + 2, lim, ')');
      if (!inner.closed) {
        this.problem(i, lim, 'Unterminated `$(` command substitution; bash will fail to run this hook. Add the closing `)`.');
        return add('command', lim, inner.program);
      }
      return add('command', inner.end + 1, inner.program);
    }
    if (n === '{') {
      let depth = 0;
      let k = i + 1;
      for (; k < lim; k++) {
        const c = t[k];
        if (c === '\\') k++;
        else if (c === '{') depth++;
        else if (c === '}') {
          depth--;
          if (depth === 0) break;
        } else if (c === "'" && !inDq) {
          const close = t.indexOf("'", k + 1);
          k = close < 0 ? lim : close;
        }
      }
      if (k >= lim) {
        this.problem(i, lim, 'Unterminated `${` parameter expansion; bash will fail to run this hook. Add the closing `}`.');
        return add('parameter', lim);
      }
      return add('parameter', k + 1);
    }
    if (n !== undefined && /[A-Za-z_]/.test(n)) {
      let k = i + 1;
      while (k < lim && /[A-Za-z0-9_]/.test(t[k]!)) k++;
      return add('variable', k);
    }
    if (n !== undefined && /[0-9@*#?$!\-]/.test(n)) return add('variable', i + 2);
    return i;
  }
}
