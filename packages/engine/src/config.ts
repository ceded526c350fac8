import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SeverityOrOff } from '@wglint/core';
import type { TargetVersions } from '@wglint/host';
import { describeFsError } from './read-source.js';

/** The contents of `wglint.config.json`, validated. */
export interface WglintConfig {
  /** Severity overrides by rule id. */
  readonly rules: Readonly<Record<string, SeverityOrOff>>;
  /** Explicit hosts: name → globs relative to the config file's directory. */
  readonly hosts: Readonly<Record<string, readonly string[]>>;
  readonly targets: Partial<TargetVersions>;
}

export interface LoadedConfig {
  readonly config: WglintConfig;
  /** Absolute path of the file read, or undefined when none was found. */
  readonly path?: string;
  /** Directory host globs are relative to (the config's directory, or the cwd without a config). */
  readonly dir: string;
}

export const CONFIG_FILE_NAME = 'wglint.config.json';

export const EMPTY_CONFIG: WglintConfig = { rules: {}, hosts: {}, targets: {} };

/** A problem with the config file or an option; the CLI prints it and exits 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

/** The nearest `wglint.config.json` at or above `cwd`, or undefined. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    try {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    } catch {
      // unreadable directory on the way up: keep looking
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Loads the config named by `--config`, or the nearest one upward from `cwd`. Throws
 * `ConfigError` with a precise message (file, JSON path, what was expected).
 */
export function loadConfig(options: { cwd: string; configPath?: string; knownRuleIds?: readonly string[] }): LoadedConfig {
  const path = options.configPath ? resolve(options.cwd, options.configPath) : findConfigFile(options.cwd);
  if (!path) return { config: EMPTY_CONFIG, dir: resolve(options.cwd) };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`Cannot read config file ${options.configPath ?? path}: ${describeFsError(e)}.`);
  }
  const shown = options.configPath ?? path;
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(`${shown}: invalid JSON: ${e instanceof Error ? e.message : String(e)}.`);
  }
  return { config: validateConfig(json, shown, options.knownRuleIds), path, dir: dirname(path) };
}

/** Checks a parsed config object; throws `ConfigError` naming the file and the offending key. */
export function validateConfig(json: unknown, file: string, knownRuleIds?: readonly string[]): WglintConfig {
  const fail = (where: string, what: string): never => {
    throw new ConfigError(`${file}: ${where}: ${what}.`);
  };
  if (!isObject(json)) return fail('top level', `expected an object, got ${describe(json)}`);
  for (const key of Object.keys(json)) {
    if (!['$schema', 'rules', 'hosts', 'targets'].includes(key)) {
      fail(`"${key}"`, 'unknown key (expected "rules", "hosts" or "targets")');
    }
  }
  const rules: Record<string, SeverityOrOff> = {};
  if (json.rules !== undefined) {
    if (!isObject(json.rules)) fail('"rules"', `expected an object of rule id → severity, got ${describe(json.rules)}`);
    for (const [id, sev] of Object.entries(json.rules as Record<string, unknown>)) {
      if (knownRuleIds && !knownRuleIds.includes(id)) fail(`rules."${id}"`, `unknown rule id${suggest(id, knownRuleIds)}`);
      if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) {
        fail(`rules."${id}"`, `expected "off", "info", "warning" or "error", got ${describe(sev)}`);
      }
      rules[id] = sev as SeverityOrOff;
    }
  }
  const hosts: Record<string, string[]> = {};
  if (json.hosts !== undefined) {
    if (!isObject(json.hosts)) fail('"hosts"', `expected an object of host name → array of globs, got ${describe(json.hosts)}`);
    for (const [name, globs] of Object.entries(json.hosts as Record<string, unknown>)) {
      const list = typeof globs === 'string' ? [globs] : globs;
      if (!Array.isArray(list) || list.length === 0 || !list.every((g) => typeof g === 'string' && g.trim() !== '')) {
        fail(`hosts."${name}"`, `expected a non-empty array of glob strings, got ${describe(globs)}`);
      }
      hosts[name] = (list as string[]).map((g) => g.replace(/\\/g, '/').replace(/^\.\//, ''));
    }
  }
  const targets: { -readonly [K in keyof TargetVersions]?: string } = {};
  if (json.targets !== undefined) {
    if (!isObject(json.targets)) fail('"targets"', `expected an object, got ${describe(json.targets)}`);
    for (const [key, value] of Object.entries(json.targets as Record<string, unknown>)) {
      if (key !== 'wireguardTools' && key !== 'nftables') fail(`targets."${key}"`, 'unknown key (expected "wireguardTools" or "nftables")');
      if (typeof value !== 'string' || !/^\d+(\.\d+)*$/.test(value)) {
        fail(`targets."${key}"`, `expected a version string such as "1.0.6", got ${describe(value)}`);
      }
      targets[key as keyof TargetVersions] = value as string;
    }
  }
  return { rules, hosts, targets };
}

/** Parses one `--rule ID:severity` option; throws `ConfigError` on a bad value. */
export function parseRuleOption(option: string, knownRuleIds?: readonly string[]): [string, SeverityOrOff] {
  const i = option.lastIndexOf(':');
  const id = i < 0 ? option : option.slice(0, i).trim();
  const sev = i < 0 ? '' : option.slice(i + 1).trim();
  if (i < 0 || !id) throw new ConfigError(`--rule ${option}: expected ID:off|info|warning|error (e.g. --rule hook-missing-teardown:off).`);
  if (!SEVERITIES.includes(sev)) throw new ConfigError(`--rule ${option}: unknown severity "${sev}" (expected off, info, warning or error).`);
  if (knownRuleIds && !knownRuleIds.includes(id)) throw new ConfigError(`--rule ${option}: unknown rule id "${id}"${suggest(id, knownRuleIds)}.`);
  return [id, sev as SeverityOrOff];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function suggest(id: string, known: readonly string[]): string {
  const close = known.filter((k) => k.includes(id) || id.includes(k) || distance(k, id) <= 3);
  return close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : ` (run \`wglint rules\` for the list)`;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}
