import { stat, writeFile } from './fs-async.js';
import { relative, resolve } from 'node:path';
import type { Diagnostic, Fix, Language, SeverityOrOff, TextEdit } from '@wglint/core';
import { applyEdits } from '@wglint/core';
import { type ParsedFile, type TargetVersions, buildHostModel, parseSourceFile } from '@wglint/host';
import { type HostRule, allRules } from '@wglint/rules';
import { SYNTAX_ERROR } from './catalog.js';
import { detectLanguage } from './detect-language.js';
import { readHostConfigFiles } from './host-config-files.js';
import { type FoundFile, type HostFile, type HostGroup, groupHosts, toPosix } from './hosts.js';
import { type DecodedSource, type FileModes, decodeSource, describeFsError, encodeSource, readSource } from './read-source.js';
import { runRules } from './run-rules.js';
import { redact, redactDiagnostic, secretValues } from './secrets.js';
import { walkDirectory } from './walk.js';

/** The outcome for one linted file. */
export interface FileResult {
  /** The path as reached from the argument (relative stays relative); the stdin name for stdin. */
  readonly filePath: string;
  readonly language: Language;
  /** Sorted by position; `file` is `filePath`; ranges index `text`. */
  readonly diagnostics: readonly Diagnostic[];
  /** The file's text as linted last (after fixes), without a BOM. Never printed by formatters. */
  readonly text: string;
  /** True when `--fix` rewrote the file. */
  readonly fixed: boolean;
}

/** A path that could not be linted: unreadable, unknown language, internal failure. */
export interface LintError {
  readonly path: string;
  readonly message: string;
  /** The underlying exception, for `WGLINT_DEBUG=1`. */
  readonly cause?: unknown;
}

export interface LintOutcome {
  readonly results: FileResult[];
  readonly errors: LintError[];
}

export interface LintPathsOptions {
  /** Directory relative paths are resolved from (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Severity overrides by rule id: config `rules`, then `--rule`. */
  readonly severities?: Readonly<Record<string, SeverityOrOff>>;
  /** Config `"hosts"`: name → globs relative to `configDir`. */
  readonly hosts?: Readonly<Record<string, readonly string[]>>;
  readonly configDir?: string;
  readonly targets?: Partial<TargetVersions>;
  /** Force the language of stdin and of files named explicitly (not of files found by walking). */
  readonly lang?: Language;
  /** Apply safe fixes and write the files. */
  readonly fix?: boolean;
  /** Text for the `-` path, and the name it is reported under. */
  /** Bytes (so invalid UTF-8 is reported) or text. */
  readonly stdin?: StdinInput;
  /** Skip named files of no known language silently instead of reporting them (pre-commit). */
  readonly ignoreUnknown?: boolean;
  /** The rules to run (default: every registered rule). */
  readonly rules?: readonly HostRule[];
}

/** How many lint → fix rounds `--fix` runs at most (ruff and ESLint use 10). */
export const MAX_FIX_PASSES = 10;
/** Context walks of a host root stop after this many files (a real `/etc`). */
const MAX_CONTEXT_FILES = 2000;
export const STDIN_NAME = '<stdin>';

/** What `-` reads: the bytes (or text) of stdin and the name to report it under. */
export interface StdinInput {
  readonly text: string | Uint8Array;
  readonly filename?: string;
}

export function toBytes(text: string | Uint8Array): Uint8Array {
  return typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
}

/**
 * Lints files and directories as the CLI does: walks directories, groups files into hosts,
 * reads each host's context, runs every rule, optionally fixes. Never throws for bad input:
 * problems with paths come back in `errors`.
 */
export async function lintPaths(paths: readonly string[], options: LintPathsOptions = {}): Promise<LintOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const { found, errors } = await discoverFiles(paths, {
    cwd,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.ignoreUnknown ? { ignoreUnknown: true } : {}),
  });
  const groups = groupHosts(found, {
    cwd,
    ...(options.hosts ? { configHosts: options.hosts } : {}),
    ...(options.configDir ? { configDir: options.configDir } : {}),
  });
  const results: FileResult[] = [];
  for (const group of groups) {
    await addContext(group, cwd);
    try {
      const outcome = await lintHost(group, options);
      results.push(...outcome.results);
      errors.push(...outcome.errors);
    } catch (e) {
      errors.push({ path: group.root, message: `internal error while linting this host: ${e instanceof Error ? e.message : String(e)}`, cause: e });
    }
  }
  results.sort((a, b) => compare(a.filePath, b.filePath));
  return { results, errors };
}

/**
 * Turns CLI path arguments into files with their languages: `-` is stdin, directories are walked,
 * named files must be of a known language (or `lang` forces one).
 */
export async function discoverFiles(
  paths: readonly string[],
  options: { cwd: string; lang?: Language; stdin?: StdinInput; ignoreUnknown?: boolean },
): Promise<{ found: FoundFile[]; errors: LintError[] }> {
  const cwd = options.cwd;
  const errors: LintError[] = [];
  const found: FoundFile[] = [];
  for (const arg of paths) {
    if (arg === '-') {
      const name = options.stdin?.filename ?? STDIN_NAME;
      const text = decodeSource(toBytes(options.stdin?.text ?? '')).text;
      const language = options.lang ?? detectLanguage(name, text);
      if (!language) {
        errors.push({ path: name, message: 'cannot tell the language of stdin; pass --lang wg|nft|iptables-save|sysctl or a recognisable --stdin-filename' });
        continue;
      }
      found.push({ path: name, language, text: options.stdin?.text ?? '' });
      continue;
    }
    let info;
    try {
      info = await stat(resolve(cwd, arg));
    } catch (e) {
      errors.push({ path: arg, message: describeFsError(e) });
      continue;
    }
    if (info.isDirectory()) {
      const walked = await walkDirectory(arg, { cwd });
      errors.push(...walked.errors);
      for (const f of walked.files) found.push({ path: f.path, language: f.language, dirArg: arg });
      continue;
    }
    if (!info.isFile()) {
      errors.push({ path: arg, message: 'not a regular file or directory' });
      continue;
    }
    const read = await readSource(resolve(cwd, arg));
    if (!read.ok) {
      errors.push({ path: arg, message: read.message });
      continue;
    }
    const language = options.lang ?? (read.source.parseable ? detectLanguage(arg, read.source.text) : detectLanguage(arg, ''));
    if (!language) {
      if (options.ignoreUnknown) continue;
      errors.push({
        path: arg,
        message: read.source.parseable
          ? 'not a file wglint reads (a WireGuard *.conf starting with [Interface], *.nft, nftables.conf, rules.v4/rules.v6/*.rules or an iptables-save dump, sysctl.conf or sysctl.d/*.conf); use --lang to force a language'
          : `${read.source.problem?.message ?? 'not a text file'}`,
      });
      continue;
    }
    found.push({ path: arg, language });
  }

  return { found, errors };
}

/** Reads the rest of a host root (or a config host's globs) for context: `lint: false`. */
async function addContext(group: HostGroup, cwd: string): Promise<void> {
  const have = new Set(group.files.map((f) => f.abs));
  const rels = new Set(group.files.map((f) => f.rel));
  for (const dir of group.contextDirs) {
    try {
      if (!(await stat(resolve(cwd, dir))).isDirectory()) continue;
    } catch {
      continue;
    }
    const walked = await walkDirectory(dir, { cwd, reportErrors: false, maxFiles: MAX_CONTEXT_FILES });
    for (const f of walked.files) {
      const abs = resolve(cwd, f.path);
      if (have.has(abs)) continue;
      let rel: string;
      if (group.contextGlobs) {
        const fromConfig = toPosix(relative(group.contextGlobs.dir, abs));
        if (!group.contextGlobs.patterns.some((p) => p.test(fromConfig))) continue;
        const etc = fromConfig.lastIndexOf('etc/');
        rel = etc === 0 || (etc > 0 && fromConfig[etc - 1] === '/') ? fromConfig.slice(etc) : fromConfig;
        if (rels.has(rel)) rel = fromConfig;
      } else {
        rel = toPosix(relative(group.rootAbs, abs));
      }
      if (rels.has(rel)) continue;
      have.add(abs);
      rels.add(rel);
      group.files.push({ path: toPosix(f.path), abs, rel, language: f.language, lint: false });
    }
  }
}

interface LoadedFile {
  readonly host: HostFile;
  /** Permission bits, for files read from disk. */
  readonly modes?: FileModes;
  source: DecodedSource;
  parsed?: ParsedFile;
}

/** Lints one host: read, parse, run rules, fix, write. */
async function lintHost(group: HostGroup, options: LintPathsOptions): Promise<LintOutcome> {
  const errors: LintError[] = [];
  const loaded: LoadedFile[] = [];
  for (const host of group.files) {
    if (host.text !== undefined) {
      loaded.push({ host, source: decodeSource(toBytes(host.text)) });
      continue;
    }
    const read = await readSource(host.abs);
    if (!read.ok) {
      if (host.lint) errors.push({ path: host.path, message: read.message });
      continue;
    }
    if (!host.lint && read.source.problem) continue; // garbage context is not worth a word
    loaded.push({ host, source: read.source, modes: read.modes });
  }

  // Only a host root is laid out as the machine (`<root>/etc/iproute2/rt_tables`).
  const configFiles = group.key.startsWith('root:') ? await readHostConfigFiles(group.rootAbs) : [];
  const rules = options.rules ?? allRules;
  const severities = options.severities ?? {};
  const parse = (f: LoadedFile): void => {
    if (!f.source.parseable) return;
    try {
      f.parsed = parseSourceFile({ path: f.host.rel, text: f.source.text, language: f.host.language, ...f.modes, ...(f.source.bom ? { bom: true } : {}) }, f.host.lint);
    } catch (e) {
      f.parsed = undefined;
      errors.push({ path: f.host.path, message: `internal error: the ${f.host.language} parser failed: ${e instanceof Error ? e.message : String(e)}`, cause: e });
    }
  };
  const run = (): Diagnostic[] => {
    const parsed = loaded.flatMap((f) => (f.parsed ? [f.parsed] : []));
    const model = buildHostModel(group.root, parsed, options.targets, configFiles);
    return runRules(model, rules, {
      severities,
      onRuleError: (ruleId, e) => {
        if (!errors.some((x) => x.path === group.root && x.message.includes(`rule ${ruleId} `))) {
          errors.push({ path: group.root, message: `internal error: rule ${ruleId} failed: ${e instanceof Error ? e.message : String(e)}`, cause: e });
        }
      },
    });
  };

  loaded.forEach(parse);
  let diagnostics = run();

  const writes = new Set<LoadedFile>();
  if (options.fix) {
    const fixable = new Set(loaded.filter((f) => f.host.lint && f.source.writable && f.host.text === undefined && f.parsed));
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      let changed = false;
      for (const f of fixable) {
        const fixes = diagnostics.filter((d) => d.file === f.host.rel && d.fix).map((d) => d.fix!);
        if (fixes.length === 0) continue;
        const next = applyFixes(f.source.text, fixes);
        if (next === f.source.text) continue;
        const before = f.parsed!.problems.length;
        const previous = { source: f.source, parsed: f.parsed };
        f.source = { ...f.source, text: next };
        parse(f);
        if (!f.parsed || f.parsed.problems.length > before) {
          // A fix that breaks the syntax is not safe: undo it and stop fixing this file.
          f.source = previous.source;
          f.parsed = previous.parsed;
          fixable.delete(f);
          continue;
        }
        writes.add(f);
        changed = true;
      }
      if (!changed) break;
      diagnostics = run();
    }
  }

  for (const f of writes) {
    try {
      await writeFile(f.host.abs, encodeSource(f.source.text, f.source.bom));
    } catch (e) {
      writes.delete(f);
      errors.push({ path: f.host.path, message: `cannot write the fixed file: ${describeFsError(e)}` });
    }
  }

  // every language: a WireGuard file forced to another language (--lang) still holds its keys
  const secrets = [...new Set(loaded.flatMap((f) => secretValues(f.source.text)))];
  const syntaxSeverity = severities[SYNTAX_ERROR] ?? 'error';
  const results: FileResult[] = [];
  for (const f of loaded) {
    if (!f.host.lint) continue;
    const own: Diagnostic[] = [];
    if (f.source.problem && syntaxSeverity !== 'off') {
      const at = Math.min(f.source.problem.offset, f.source.text.length);
      own.push({ ruleId: SYNTAX_ERROR, severity: syntaxSeverity, message: f.source.problem.message, file: f.host.path, range: { start: at, end: at } });
    }
    for (const d of diagnostics) if (d.file === f.host.rel) own.push({ ...d, file: f.host.path });
    own.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || compare(a.ruleId, b.ruleId));
    results.push({
      filePath: f.host.path,
      language: f.host.language,
      diagnostics: own.map((d) => redactDiagnostic(d, secrets)),
      text: f.source.text,
      fixed: writes.has(f),
    });
  }
  return { results, errors: errors.map((e) => redactError(e, secrets)) };
}

/** An error with key values masked in its message and in its cause's message and stack. */
function redactError(e: LintError, secrets: readonly string[]): LintError {
  if (secrets.length === 0) return e;
  let cause = e.cause;
  if (cause instanceof Error) {
    const masked = new Error(redact(cause.message, secrets));
    masked.stack = redact(cause.stack ?? '', secrets);
    cause = masked;
  }
  return { ...e, message: redact(e.message, secrets), ...(cause === undefined ? {} : { cause }) };
}

/**
 * Applies as many of `fixes` as fit without overlapping (each fix all or nothing, earlier ranges
 * first) and returns the new text. Text outside the applied edits is kept byte for byte.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const accepted: TextEdit[] = [];
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  for (const fix of ordered) {
    const edits = [...fix.edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
    if (edits.length === 0) continue;
    const valid = edits.every(
      (e, i) =>
        e.range.start >= 0 &&
        e.range.start <= e.range.end &&
        e.range.end <= text.length &&
        (i === 0 || edits[i - 1]!.range.end <= e.range.start),
    );
    if (!valid) continue;
    if (edits.some((e) => accepted.some((a) => overlaps(a, e)))) continue;
    accepted.push(...edits);
  }
  if (accepted.length === 0) return text;
  const { text: out, skipped } = applyEdits(text, accepted);
  return skipped.length ? text : out;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === b.range.start) return true; // two edits at one point: order would be a guess
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

function firstStart(f: Fix): number {
  return f.edits.reduce((m, e) => Math.min(m, e.range.start), Number.POSITIVE_INFINITY);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
