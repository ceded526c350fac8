/**
 * @wglint/engine: everything between the rules and a front end.
 * - `lintPaths(paths, options)`: walk, group into hosts, read context, run rules, `--fix`; never
 *   throws for bad input (problems come back in `errors`).
 * - `lintTexts` / `fixTexts`: the same on an in-memory host (tests, editors).
 * - `formatPaths`, `formatterFor`: `wglint format`.
 * - `loadConfig`, `parseRuleOption`: `wglint.config.json` and `--rule`, with precise `ConfigError`s.
 * - `ruleCatalog`, `docsUrl`: every rule id including the engine's own (`syntax-error`,
 *   `unused-suppression`).
 */
export { detectLanguage } from './detect-language.js';
export { runRules, UNUSED_SUPPRESSION, type RunOptions } from './run-rules.js';
export { lintTexts, fixTexts } from './lint-texts.js';
export { isHostConfigPath } from './host-config-files.js';
export {
  lintPaths,
  applyFixes,
  MAX_FIX_PASSES,
  STDIN_NAME,
  type StdinInput,
  type FileResult,
  type LintError,
  type LintOutcome,
  type LintPathsOptions,
} from './lint-paths.js';
export {
  loadConfig,
  findConfigFile,
  validateConfig,
  parseRuleOption,
  ConfigError,
  CONFIG_FILE_NAME,
  EMPTY_CONFIG,
  type WglintConfig,
  type LoadedConfig,
} from './config.js';
export { ruleCatalog, knownRuleIds, docsUrl, BUILTIN_RULES, DOCS_BASE_URL, HOMEPAGE_URL, SYNTAX_ERROR } from './catalog.js';
export { groupHosts, hostContextDirs, hostRootOf, type HostGroup, type HostFile, type FoundFile } from './hosts.js';
export { walkDirectory, sniffLanguage, SKIPPED_DIRS, type WalkedFile } from './walk.js';
export { decodeSource, encodeSource, readSource, describeFsError, MAX_FILE_BYTES, type DecodedSource } from './read-source.js';
export { globToRegExp, globBase } from './glob.js';
export { formatterFor, type TextFormatter } from './format.js';
export { formatPaths, type FormatOutcome, type FormatFileResult } from './format-paths.js';
export { secretValues, redact, redactDiagnostic, REDACTED } from './secrets.js';
