import type { ParseResult, SyntaxProblem, TextRange, Word } from '@wglint/core';
import type { SysctlCommand, SysctlComment, SysctlEntry, SysctlFile, SysctlInvalidLine, SysctlLine } from './ast.js';
import { normalizeSysctlKey } from './normalize.js';

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';

/**
 * Parses a sysctl.conf / sysctl.d file (sysctl.d(5)): `key = value` lines, `#`/`;` comment lines,
 * a `-` prefix that makes write failures non-fatal. Never throws.
 */
export function parseSysctl(text: string): ParseResult<SysctlFile> {
  const problems: SyntaxProblem[] = [];
  const lines: SysctlLine[] = [];
  const entries: SysctlEntry[] = [];
  const comments: SysctlComment[] = [];
  let offset = 0;
  // A BOM is not part of the first key.
  if (text.charCodeAt(0) === 0xfeff) offset = 1;
  while (offset <= text.length) {
    let eol = text.indexOf('\n', offset);
    if (eol < 0) eol = text.length;
    let end = eol;
    if (end > offset && text[end - 1] === '\r') end--;
    const line = parseLine(text, offset, end, problems);
    if (line) {
      lines.push(line);
      if (line.type === 'SysctlEntry') entries.push(line);
      else if (line.type === 'SysctlComment') comments.push(line);
    }
    if (eol >= text.length) break;
    offset = eol + 1;
  }
  return { ast: { type: 'SysctlFile', range: { start: 0, end: text.length }, entries, comments, lines }, problems };
}

function parseLine(text: string, start: number, end: number, problems: SyntaxProblem[]): SysctlLine | undefined {
  let a = start;
  while (a < end && isBlank(text[a])) a++;
  let b = end;
  while (b > a && isBlank(text[b - 1])) b--;
  if (a >= b) return undefined;
  const range = { start: a, end: b };
  const first = text[a];
  if (first === '#' || first === ';') return { type: 'SysctlComment', range, text: text.slice(a, b) };
  const eq = text.indexOf('=', a);
  if (eq < 0 || eq >= b) {
    const invalid: SysctlInvalidLine = { type: 'SysctlInvalidLine', range, text: text.slice(a, b) };
    problems.push({
      range,
      message: `Line is not an assignment: expected \`key = value\`; systemd-sysctl ignores it and \`sysctl -p\` reports "invalid syntax".`,
    });
    return invalid;
  }
  return entryFrom(text, a, eq, b, problems);
}

/** Builds an entry from `text[a, b)` with `=` at `eq` (offsets in the same string as the ranges). */
function entryFrom(text: string, a: number, eq: number, b: number, problems: SyntaxProblem[], rangeOf = (s: number, e: number): TextRange => ({ start: s, end: e })): SysctlEntry {
  let ks = a;
  let ignoreFailure = false;
  if (text[ks] === '-') {
    ignoreFailure = true;
    ks++;
  }
  while (ks < eq && isBlank(text[ks])) ks++;
  let ke = eq;
  while (ke > ks && isBlank(text[ke - 1])) ke--;
  let vs = eq + 1;
  while (vs < b && isBlank(text[vs])) vs++;
  let ve = b;
  while (ve > vs && isBlank(text[ve - 1])) ve--;
  const rawKey = text.slice(ks, ke);
  const keyRange = rangeOf(ks, ke);
  if (rawKey === '') {
    problems.push({ range: rangeOf(a, eq + 1), message: 'Missing sysctl key before `=`; the assignment cannot be applied.' });
  } else if (/\s/.test(rawKey)) {
    problems.push({ range: keyRange, message: `Sysctl key \`${rawKey}\` contains whitespace; no such key exists. Remove the space.` });
  }
  return {
    type: 'SysctlEntry',
    range: rangeOf(a, b),
    key: normalizeSysctlKey(rawKey),
    rawKey,
    keyRange,
    value: text.slice(vs, ve),
    valueRange: vs < ve ? rangeOf(vs, ve) : rangeOf(eq + 1, eq + 1),
    equalsRange: rangeOf(eq, eq + 1),
    ignoreFailure,
    glob: /[*?[]/.test(rawKey),
  };
}

const OPTIONS_NO_ARG = new Map<string, string>([
  ['-a', 'all'], ['-A', 'all'], ['-X', 'all'], ['--all', 'all'], ['-b', 'binary'], ['--binary', 'binary'], ['-e', 'ignore'], ['--ignore', 'ignore'],
  ['-N', 'names'], ['--names', 'names'], ['-n', 'values'], ['--values', 'values'], ['-q', 'quiet'], ['--quiet', 'quiet'], ['-w', 'write'],
  ['--write', 'write'], ['--system', 'system'], ['-o', 'ignored'], ['-x', 'ignored'], ['-d', 'help'], ['-h', 'help'], ['--help', 'help'],
  ['-V', 'version'], ['--version', 'version'], ['--dry-run', 'dry-run'],
]);

/**
 * Parses `sysctl [options] [key[=value] ...]` (words including the program). Sub-ranges of a
 * word are exact when the word is unquoted (its text spans its range); otherwise the whole word.
 */
export function parseSysctlCommand(words: readonly Word[]): ParseResult<SysctlCommand> {
  const problems: SyntaxProblem[] = [];
  const first = words[0];
  const last = words[words.length - 1];
  const range = first && last ? { start: first.range.start, end: last.range.end } : { start: 0, end: 0 };
  const options: string[] = [];
  const assignments: SysctlEntry[] = [];
  const reads: { key: string; range: TextRange }[] = [];
  let load: { path: string; range: TextRange }[] | undefined;
  let write = false;
  let quiet = false;
  let ignoreUnknown = false;
  let system = false;
  // -a/-A/-X (all), -h/-V: no key needed.
  let standalone = false;
  let expectLoadFile = false;
  let endOfOptions = false;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    const t = w.text;
    if (expectLoadFile && !t.startsWith('-')) {
      load!.push({ path: t, range: w.range });
      expectLoadFile = false;
      continue;
    }
    expectLoadFile = false;
    if (t === '--' && !endOfOptions) {
      // getopt: the end of the options; what follows are keys, even with a leading `-`.
      options.push(t);
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && t.startsWith('-') && t.length > 1) {
      if (t === '-p' || t === '-f' || t === '--load') {
        options.push(t);
        load ??= [];
        expectLoadFile = true;
        continue;
      }
      if (/^-[pf]./.test(t) || t.startsWith('--load=')) {
        options.push(t);
        load ??= [];
        load.push({ path: t.startsWith('--') ? t.slice(7) : t.slice(2), range: w.range });
        continue;
      }
      if (t === '-r' || t === '--pattern') {
        options.push(t);
        i++;
        continue;
      }
      // Bundled short options: -qw, -wq.
      const flags = t.startsWith('--') ? [t] : [...t.slice(1)].map((c) => `-${c}`);
      let ok = true;
      for (const f of flags) {
        const o = OPTIONS_NO_ARG.get(f);
        if (!o) ok = false;
        else if (o === 'write') write = true;
        else if (o === 'quiet') quiet = true;
        else if (o === 'ignore') ignoreUnknown = true;
        else if (o === 'system') system = true;
        else if (o === 'all' || o === 'help' || o === 'version') standalone = true;
      }
      options.push(t);
      if (!ok) problems.push({ range: w.range, message: `Unknown sysctl option \`${t}\`.` });
      continue;
    }
    const eq = t.indexOf('=');
    if (eq < 0) {
      if (write) {
        problems.push({ range: w.range, message: `\`${t}\` must be of the form \`key=value\` with \`sysctl -w\` (sysctl: invalid syntax).` });
      }
      reads.push({ key: normalizeSysctlKey(t), range: w.range });
      continue;
    }
    const exact = w.range.end - w.range.start === t.length;
    const rangeOf = exact ? (s: number, e: number): TextRange => ({ start: w.range.start + s, end: w.range.start + e }) : (): TextRange => w.range;
    assignments.push(entryFrom(t, 0, eq, t.length, problems, rangeOf));
  }
  if (first && problems.length === 0 && assignments.length === 0 && reads.length === 0 && !load && !system && !standalone) {
    problems.push({
      range,
      message: '`sysctl` needs a key to read or a `key=value` to write (sysctl: no variables specified); nothing is set and the command fails.',
    });
  }
  const ast: SysctlCommand = {
    type: 'SysctlCommand',
    range,
    options,
    write,
    quiet,
    ignoreUnknown,
    ...(load ? { load: { files: load } } : {}),
    system,
    assignments,
    reads,
  };
  return { ast, problems };
}
