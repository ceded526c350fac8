import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Language, SeverityOrOff } from '@wglint/core';
import type { LintError } from '@wglint/engine';
import { OUTPUT_FORMATS, type OutputFormat, loadFormatter } from './formatters/index.js';
import { type CliIo, VERSION } from './io.js';

const LANGS: readonly Language[] = ['wg', 'nft', 'iptables-save', 'sysctl'];

/** Exit statuses (CONTRACT.md). */
export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_USAGE = 2;

interface LintFlags {
  format: OutputFormat;
  lang?: Language;
  stdinFilename?: string;
  config?: string;
  fix?: boolean;
  rule?: string[];
  maxWarnings?: number;
  quiet?: boolean;
  ignoreUnknown?: boolean;
}

/** A failure the user caused (bad option, bad config): one line on stderr, exit 2. */
class UsageError extends Error {}

/** Runs the CLI with `argv` (without node and script) and returns the exit status. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = io.env.WGLINT_DEBUG === '1';
  let status = EXIT_OK;
  const program = new Command('wglint');
  program
    .usage('[options] [paths...]')
    .description(
      'Lint WireGuard hosts: wg-quick configs (and their PreUp/PostUp/PreDown/PostDown commands), nftables rulesets, iptables-save dumps and sysctl files, analysed together per host.',
    )
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.writeOut(s), writeErr: (s) => io.writeErr(s) })
    .argument('[paths...]', 'files and directories to lint; - reads stdin (default: .)')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('stylish'))
    .addOption(new Option('--lang <lang>', 'force the language of stdin and of files named explicitly').choices(LANGS))
    .option('--stdin-filename <name>', 'the name stdin is linted and reported under')
    .option('--config <file>', 'config file (default: the nearest wglint.config.json upward from the current directory)')
    .option('--fix', 'apply safe fixes in place and report what remains')
    .option('--rule <id:severity>', "override a rule's severity: off, info, warning or error (repeatable)", collect)
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    .option('--quiet', 'report errors only')
    .option('--ignore-unknown', 'skip named files wglint does not read instead of failing (for pre-commit)')
    .action(async (paths: string[], flags: LintFlags) => {
      status = await lint(paths, flags, io);
    });

  program
    .command('format')
    .description('rewrite files in canonical layout, comments kept (stdin: print the result)')
    .usage('[--check] [paths...]')
    .argument('[paths...]', 'files and directories; - reads stdin')
    .option('--check', 'change nothing; list the files that are not formatted and exit 1 if any')
    .addOption(new Option('--lang <lang>', 'force the language of stdin and of files named explicitly').choices(LANGS))
    .option('--stdin-filename <name>', 'the name stdin is formatted as')
    .option('--ignore-unknown', 'skip named files wglint does not read instead of failing')
    .action(async (paths: string[], flags: FormatFlags) => {
      status = await format(paths, flags, io);
    });

  program
    .command('rules')
    .description('list every rule: id, default severity, fixable, summary')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { format: 'text' | 'json' }) => {
      status = await listRules(flags.format, io);
    });

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('<rule-id>', 'the rule id, e.g. hook-missing-teardown')
    .action(async (id: string) => {
      status = await explain(id, io);
    });

  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.writeOut(s), writeErr: (s) => io.writeErr(s) });
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE; // commander already printed "error: …"
    }
    if (e instanceof UsageError || (e instanceof Error && e.name === 'ConfigError')) {
      io.writeErr(`wglint: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.writeErr(`wglint: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (debug && e instanceof Error && e.stack) io.writeErr(`${e.stack}\n`);
    else io.writeErr('(set WGLINT_DEBUG=1 for details)\n');
    return EXIT_USAGE;
  }
}

async function lint(paths: string[], flags: LintFlags, io: CliIo): Promise<number> {
  const engine = await import('@wglint/engine');
  const known = engine.knownRuleIds();
  const loaded = engine.loadConfig({ cwd: io.cwd, ...(flags.config ? { configPath: flags.config } : {}), knownRuleIds: known });
  const severities: Record<string, SeverityOrOff> = { ...loaded.config.rules };
  for (const r of flags.rule ?? []) {
    const [id, sev] = engine.parseRuleOption(r, known);
    severities[id] = sev;
  }
  const targets = paths.length ? paths : flags.stdinFilename !== undefined ? ['-'] : ['.'];
  const usesStdin = targets.includes('-');
  if (usesStdin && flags.fix) throw new UsageError('--fix cannot rewrite stdin; lint the file itself, or drop --fix.');
  if (flags.stdinFilename !== undefined && !usesStdin) throw new UsageError('--stdin-filename needs - among the paths (stdin).');
  const stdin = usesStdin ? { text: await io.readStdin(), ...(flags.stdinFilename ? { filename: flags.stdinFilename } : {}) } : undefined;

  const outcome = await engine.lintPaths(targets, {
    cwd: io.cwd,
    severities,
    hosts: loaded.config.hosts,
    configDir: loaded.dir,
    targets: loaded.config.targets,
    ...(flags.lang ? { lang: flags.lang } : {}),
    ...(flags.fix ? { fix: true } : {}),
    ...(flags.ignoreUnknown ? { ignoreUnknown: true } : {}),
    ...(stdin ? { stdin } : {}),
  });

  const warnings = outcome.results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const errors = outcome.results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const shown = flags.quiet ? outcome.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : outcome.results;

  const formatter = await loadFormatter(flags.format);
  const color = io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== '0' : io.stdoutIsTTY && !io.env.NO_COLOR;
  io.writeOut(
    formatter(shown, { rules: engine.ruleCatalog(), docsUrl: engine.docsUrl, version: VERSION, homepage: engine.HOMEPAGE_URL, color }),
  );
  reportErrors(outcome.errors, io);

  if (outcome.errors.length) return EXIT_USAGE;
  if (errors > 0) return EXIT_LINT_ERRORS;
  if (flags.maxWarnings !== undefined && flags.maxWarnings >= 0 && warnings > flags.maxWarnings) {
    io.writeErr(`wglint: too many warnings (${warnings}); the maximum is ${flags.maxWarnings}.\n`);
    return EXIT_LINT_ERRORS;
  }
  return EXIT_OK;
}

interface FormatFlags {
  check?: boolean;
  lang?: Language;
  stdinFilename?: string;
  ignoreUnknown?: boolean;
}

async function format(paths: string[], flags: FormatFlags, io: CliIo): Promise<number> {
  const engine = await import('@wglint/engine');
  const targets = paths.length ? paths : flags.stdinFilename !== undefined ? ['-'] : ['.'];
  const usesStdin = targets.includes('-');
  const stdinBytes = usesStdin ? await io.readStdin() : undefined;
  const outcome = await engine.formatPaths(targets, {
    cwd: io.cwd,
    ...(flags.check ? { check: true } : {}),
    ...(flags.lang ? { lang: flags.lang } : {}),
    ...(flags.ignoreUnknown ? { ignoreUnknown: true } : {}),
    ...(stdinBytes !== undefined ? { stdin: { text: stdinBytes, ...(flags.stdinFilename ? { filename: flags.stdinFilename } : {}) } } : {}),
  });
  let unformatted = 0;
  for (const r of outcome.results) {
    const fromStdin = usesStdin && r.filePath === (flags.stdinFilename ?? engine.STDIN_NAME);
    if (r.status === 'skipped') {
      io.writeErr(`wglint: ${r.filePath}: left untouched: ${r.reason}\n`);
      if (fromStdin && !flags.check) io.writeOut(stdinBytes ?? '');
      continue;
    }
    if (fromStdin && !flags.check) {
      io.writeOut(r.output ?? stdinBytes ?? '');
      continue;
    }
    if (r.status === 'needs-formatting') {
      unformatted++;
      io.writeOut(`${r.filePath}\n`);
    } else if (r.status === 'formatted') io.writeOut(`formatted ${r.filePath}\n`);
  }
  reportErrors(outcome.errors, io);
  if (outcome.errors.length) return EXIT_USAGE;
  if (flags.check && unformatted) {
    io.writeErr(`wglint: ${unformatted} file${unformatted === 1 ? ' is' : 's are'} not formatted; run wglint format to fix.\n`);
    return EXIT_LINT_ERRORS;
  }
  return EXIT_OK;
}

async function listRules(fmt: 'text' | 'json', io: CliIo): Promise<number> {
  const engine = await import('@wglint/engine');
  const rules = engine.ruleCatalog();
  if (fmt === 'json') {
    const out = rules.map((r) => ({ id: r.id, severity: r.severity, fixable: r.fixable, summary: r.summary, docs: engine.docsUrl(r.id) }));
    io.writeOut(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT_OK;
  }
  const rows = [['ID', 'SEVERITY', 'FIXABLE', 'SUMMARY'], ...rules.map((r) => [r.id, r.severity, r.fixable ? 'yes' : 'no', r.summary])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) io.writeOut(`${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')}\n`);
  return EXIT_OK;
}

async function explain(id: string, io: CliIo): Promise<number> {
  const [{ loadRuleDocs }, engine] = await Promise.all([import('./docs.js'), import('@wglint/engine')]);
  const docs = await loadRuleDocs();
  const meta = engine.ruleCatalog().find((r) => r.id === id);
  const page = docs[id];
  if (page) {
    io.writeOut(page.endsWith('\n') ? page : `${page}\n`);
    return EXIT_OK;
  }
  if (meta) {
    io.writeOut(`${meta.id} (${meta.severity}${meta.fixable ? ', fixable' : ''})\n\n${meta.summary}.\n\nNo documentation page is bundled for this rule; see ${engine.docsUrl(id)}\n`);
    return EXIT_OK;
  }
  const close = engine.knownRuleIds().filter((k) => k.includes(id) || id.includes(k));
  throw new UsageError(`unknown rule "${id}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}; run \`wglint rules\` for the list.`);
}

function reportErrors(errors: readonly LintError[], io: CliIo): void {
  const debug = io.env.WGLINT_DEBUG === '1';
  for (const e of errors) {
    io.writeErr(`wglint: ${e.path}: ${e.message}\n`);
    if (debug && e.cause instanceof Error && e.cause.stack) io.writeErr(`${e.cause.stack}\n`);
  }
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parseCount(value: string): number {
  if (!/^(\d+|-1)$/.test(value)) throw new InvalidArgumentError('expected a whole number of warnings (0 or more; -1 for no limit).');
  return Number(value);
}
