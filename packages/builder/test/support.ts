// Shared helpers: wglint's own parsers, and the real tools (nft, iptables-restore, wg) run in a
// throw-away network namespace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseNft, printNftCanonical } from '@wglint/nft';
import { checkIptCommand, parseIptablesArgs, parseIptablesSave, splitRestoreLine } from '@wglint/iptables';
import { parseWgConfig, printWgConfig } from '@wglint/wg';
import { parseSysctl } from '@wglint/sysctl';

/** Asserts the text parses with wglint's nft parser with zero problems; returns it re-printed canonically. */
export function expectNftClean(text: string): string {
  const r = parseNft(text);
  expect(r.problems, text).toEqual([]);
  return printNftCanonical(r.ast);
}

/** Asserts a wg-quick config parses clean and is already in `printWgConfig` layout. */
export function expectWgClean(text: string): void {
  const r = parseWgConfig(text);
  expect(r.problems, text).toEqual([]);
  expect(printWgConfig(r.ast)).toBe(text);
}

/** Asserts an iptables-restore file parses clean and every rule passes `checkIptCommand`. */
export function expectSaveClean(text: string, family: 'ipv4' | 'ipv6'): void {
  const r = parseIptablesSave(text, { family });
  expect(r.problems, text).toEqual([]);
  for (const t of r.ast.tables) {
    const userChains = new Set(t.chains.filter((c) => c.policy === '-').map((c) => c.name));
    for (const rule of t.rules) expect(checkIptCommand(rule.command, { userChains }), text).toEqual([]);
  }
}

/** Asserts an `iptables …` shell command (single-quoted words only) parses clean with no issues. */
export function expectCommandClean(command: string): void {
  const [prog, ...rest] = command.split(' ');
  const family = prog === 'ip6tables' ? 'ipv6' : 'ipv4';
  // our commands single-quote words; iptables-restore's splitter knows double quotes
  const { words, problems } = splitRestoreLine(rest.join(' ').replace(/'([^']*)'/g, '"$1"'), 0);
  expect(problems).toEqual([]);
  const r = parseIptablesArgs(words, { family });
  expect(r.problems, command).toEqual([]);
  expect(checkIptCommand(r.ast), command).toEqual([]);
}

export function expectSysctlClean(text: string): void {
  expect(parseSysctl(text).problems, text).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// real tools

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Why a real tool cannot run here, or null when it can. */
export function realToolMissing(tool: 'nft' | 'iptables-restore' | 'ip6tables-restore' | 'wg'): string | null {
  if (process.env['WGLINT_NO_REAL_TOOLS']) return 'disabled by WGLINT_NO_REAL_TOOLS';
  if (!isRoot) return 'not running as root';
  if (!has('unshare')) return 'unshare is missing';
  if (!has(tool)) return `${tool} is missing`;
  return null;
}

/** Prints a loud banner when real-tool tests are skipped. */
export function announceSkip(what: string, why: string | null): void {
  if (why === null) return;
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!!! REAL-TOOL TESTS DID NOT RUN: ${what}\n!!! reason: ${why}\n!!! (CI runs them as root with nft, iptables and wg installed)\n${bar}\n`);
}

/** Writes `text` to a fresh temporary file, runs `fn` on its path, and removes it again. */
function withTmpFile<T>(name: string, text: string, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'wglint-builder-'));
  try {
    const p = join(dir, name);
    writeFileSync(p, text, { mode: 0o600 });
    return fn(p);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ToolRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): ToolRun {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** `unshare -n nft -c -f FILE` */
export function nftCheck(text: string): ToolRun {
  return withTmpFile('r.nft', text, (f) => run('unshare', ['-n', 'nft', '-c', '-f', f]));
}

/** `unshare -n iptables-restore --test FILE` (ip6tables-restore for ipv6). */
export function iptRestoreTest(text: string, family: 'ipv4' | 'ipv6'): ToolRun {
  return withTmpFile('rules', text, (f) => run('unshare', ['-n', family === 'ipv4' ? 'iptables-restore' : 'ip6tables-restore', '--test', f]));
}

/** Loads the file for real in a fresh namespace and returns `iptables-save` without comment lines. */
export function iptRestoreAndSave(text: string, family: 'ipv4' | 'ipv6'): ToolRun {
  const p = family === 'ipv4' ? 'iptables' : 'ip6tables';
  const r = withTmpFile('rules', text, (f) => run('unshare', ['-n', 'sh', '-c', `${p}-restore "$1" && ${p}-save`, 'sh', f]));
  return { ...r, stdout: r.stdout.split('\n').filter((l) => !l.startsWith('#')).join('\n') };
}

/** Runs shell commands (iptables …) in a fresh namespace, then `iptables-save`/`ip6tables-save`. */
export function runCommandsAndSave(commands: readonly string[], family: 'ipv4' | 'ipv6'): ToolRun {
  const save = family === 'ipv4' ? 'iptables-save' : 'ip6tables-save';
  const r = run('unshare', ['-n', 'bash', '-ec', `${commands.join('\n')}\n${save}`]);
  return { ...r, stdout: r.stdout.split('\n').filter((l) => !l.startsWith('#')).join('\n') };
}

const WG_QUICK_KEYS = /^(Address|DNS|MTU|Table|PreUp|PostUp|PreDown|PostDown|SaveConfig)\s*=/i;

/**
 * What `wg setconf` says about the config after wg-quick's keys are stripped (as `wg-quick strip`
 * does). A parse-clean file gets as far as the kernel: "Unable to modify interface".
 */
export function wgSetconf(text: string): ToolRun {
  const stripped = text.split('\n').filter((l) => !WG_QUICK_KEYS.test(l)).join('\n');
  // no DNS in tests: host names must resolve locally (/etc/hosts) and are not retried
  return withTmpFile('wg.conf', stripped, (f) => run('unshare', ['-n', 'wg', 'setconf', 'nonexist0', f], { WG_ENDPOINT_RESOLUTION_RETRIES: '0' }));
}

/** Asserts `wgSetconf` got past parsing. */
export function expectWgAccepted(text: string): void {
  const r = wgSetconf(text);
  expect(r.stderr).not.toMatch(/Line unrecognized|Configuration parsing error|not the correct|Unable to parse|neither/);
  expect(r.stderr).toMatch(/Unable to modify interface/);
}

/** Deterministic 44-character keys (base64 of 32 bytes). */
export function testKey(seed: number): string {
  const bytes = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) bytes[i] = (seed * 31 + i * 17) & 0xff;
  return bytes.toString('base64');
}
