import type { Word } from '@wglint/core';
import { argv, failureTolerated, fatalAndListHeads, parseShell, type ShellCommand, type ShellProgram } from '@wglint/shell';
import { ipProblems, iptParseTimeIssues, parseIptWords, parseNftWords, parseSysctlWords } from './adapters.js';
import { braceExpansionProblem } from './brace-expansion.js';
import { firewallCmdFactOf } from './firewall-cmd-facts.js';
import { iptFactsOf } from './ipt-facts.js';
import { ipRuleFactOf, routeFactOf, splitIpInvocation } from './ip-facts.js';
import type { HookCommand, HookCommandBase, HookLine, ModelProblem, NftCommandFact, Origin } from './model.js';
import { nftFactsOf } from './nft-facts.js';
import { echoedText, procSysWrites, sysctlCommandFacts } from './sysctl-facts.js';

const IPT4 = new Set(['iptables', 'iptables-nft', 'iptables-legacy']);
const IPT6 = new Set(['ip6tables', 'ip6tables-nft', 'ip6tables-legacy']);
const RESTORE = new Set(['iptables-restore', 'ip6tables-restore', 'iptables-nft-restore', 'ip6tables-nft-restore', 'iptables-legacy-restore', 'ip6tables-legacy-restore']);

/** Splits one hook line into typed commands; syntax problems go to `problems`. */
export function typeHookLine(
  line: HookLine,
  iface: string,
  file: string,
  fileText: string,
  problems: ModelProblem[],
): HookCommand[] {
  const parsed = parseShell(line.value, { baseOffset: line.valueRange.start, interfaceName: iface });
  for (const p of parsed.problems) problems.push({ file, range: p.range, message: p.message });
  // bash parses the whole value before running any of it: a syntax error means nothing runs.
  const shellRefused = parsed.problems.length > 0;
  const out: HookCommand[] = [];
  let prev: ShellCommand | undefined;
  const fatal = fatalAndListHeads(parsed.ast);
  for (const cmd of commandsOf(parsed.ast)) {
    const typed = typeCommand(cmd, line, iface, file, fileText, problems, shellRefused, cmd.before === '|' ? prev : undefined, fatal.has(cmd));
    if (typed) out.push(typed);
    prev = cmd;
  }
  return out;
}

/** Top-level commands, plus those of `bash -c '...'` scripts (not `$(...)`, whose output is a value). */
function commandsOf(p: ShellProgram): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (const c of p.commands) {
    if (c.script) out.push(...commandsOf(c.script));
    else out.push(c);
  }
  return out;
}

function typeCommand(
  cmd: ShellCommand,
  line: HookLine,
  iface: string,
  file: string,
  fileText: string,
  problems: ModelProblem[],
  shellRefused: boolean,
  pipedFrom: ShellCommand | undefined,
  failsTheHook: boolean,
): HookCommand | undefined {
  const words = argv(cmd);
  if (words.length === 0) return undefined;
  const program = words[0]!.text.replace(/^.*\//, '');
  const range = { start: words[0]!.range.start, end: words[words.length - 1]!.range.end };
  const base: { -readonly [K in keyof BaseFields]: BaseFields[K] } = {
    iface,
    file,
    hook: line.kind,
    line,
    words,
    program,
    range,
    sourceText: fileText.slice(range.start, range.end),
    dynamic: words.some((w) => w.dynamic),
    conditional: cmd.before === '||',
    tolerated: failureTolerated(cmd) && !failsTheHook,
    refused: shellRefused,
  };
  const origin = (w?: Word): Origin => ({ kind: 'hook', file, range: w ? w.range : range, iface, hook: line.kind });
  const args = words.slice(1);
  // A value bash computes at run time (`$(wg show %i fwmark)`, `$VAR`) is unknown here: the
  // argument parsers cannot judge it, so their complaints about such words are dropped. So are
  // their complaints about a brace expansion (`{80,443}`), which they see unexpanded.
  const dynamicRanges = words.filter((w) => w.dynamic || w.parts.some((p) => p.kind === 'brace')).map((w) => w.range);
  const report = (ps: readonly { range: { start: number; end: number }; message: string }[]): void => {
    const kept = ps.filter((p) => !dynamicRanges.some((r) => p.range.start < r.end && r.start < p.range.end));
    for (const p of kept) problems.push({ file, range: p.range, message: p.message });
    if (kept.length > 0) base.refused = true;
  };

  const braces = IPT4.has(program) || IPT6.has(program) ? braceExpansionProblem(program, 'iptables', args) : program === 'nft' ? braceExpansionProblem(program, 'nft', args) : undefined;
  if (braces) {
    problems.push({ file, ...braces });
    base.refused = true;
  }

  if (IPT4.has(program) || IPT6.has(program)) {
    const family = IPT6.has(program) ? 'ipv6' : 'ipv4';
    const r = parseIptWords(args, family);
    report(r.problems);
    if (r.command) report(iptParseTimeIssues(r.command));
    if (!r.command) return { ...base, type: 'opaque' };
    const facts = iptFactsOf(r.command);
    return { ...base, type: 'iptables', family, ipt: r.command, ...(facts ? { facts } : {}) };
  }
  if (RESTORE.has(program)) return { ...base, type: 'iptables-restore' };
  if (program === 'ip') {
    report(ipProblems(words));
    const inv = splitIpInvocation(args);
    if (inv.object === 'rule') return { ...base, type: 'ip-rule', rule: ipRuleFactOf(inv.rest, inv.family, origin()) };
    if (inv.object === 'route') return { ...base, type: 'ip-route', route: routeFactOf(inv.rest, inv.family, origin()) };
    if (inv.object === 'link') return { ...base, type: 'ip-link' };
    if (inv.object === 'addr') return { ...base, type: 'ip-addr' };
    return { ...base, type: 'ip-other' };
  }
  // `echo 1 > /proc/sys/...` and `echo 1 | tee /proc/sys/...` set a sysctl as `sysctl -w` does
  if (program === 'echo' || program === 'tee') {
    const writes =
      program === 'tee'
        ? procSysWrites(pipedFrom && echoedOf(pipedFrom), args.filter((w) => !w.text.startsWith('-')), origin)
        : procSysWrites(echoedText(program, args), cmd.redirects.filter((r) => (r.op === '>' || r.op === '>>' || r.op === '>|') && (r.fd ?? 1) === 1).flatMap((r) => (r.target ? [r.target] : [])), origin);
    if (writes.length > 0) return { ...base, type: 'sysctl', assignments: writes, reads: [], ignoreUnknown: false };
  }
  if (program === 'sysctl') {
    const parsed = parseSysctlWords(words);
    report(parsed.problems);
    return { ...base, type: 'sysctl', ...sysctlCommandFacts(parsed.ast, (r) => ({ ...origin(), range: r })) };
  }
  if (program === 'nft') {
    const nft = nftCommandOf(args, file, report);
    return { ...base, type: 'nft', nft };
  }
  if (program === 'firewall-cmd') {
    const firewalld = firewallCmdFactOf(args);
    if (firewalld) return { ...base, type: 'firewall-cmd', firewalld };
  }
  if (program === 'resolvconf') return { ...base, type: 'resolvconf' };
  if (program === 'wg') return { ...base, type: 'wg' };
  if (program === 'tc') return { ...base, type: 'tc' };
  return { ...base, type: 'opaque' };
}

type BaseFields = HookCommandBase;

/** What a command prints when it is an `echo`. */
function echoedOf(cmd: ShellCommand): string | undefined {
  const words = argv(cmd);
  return words.length > 0 ? echoedText(words[0]!.text.replace(/^.*\//, ''), words.slice(1)) : undefined;
}

const NFT_FLAGS_WITH_ARG = new Set(['-I', '--includepath', '-D', '--define', '-o', '--optimize']);

/** What `nft ...` does. `-f FILE` is a file load; a one-liner is parsed by @wglint/nft. */
function nftCommandOf(args: readonly Word[], file: string, report: (ps: readonly { range: { start: number; end: number }; message: string }[]) => void): NftCommandFact {
  let i = 0;
  while (i < args.length && args[i]!.text.startsWith('-')) {
    const t = args[i]!.text;
    if (t === '-f' || t === '--file') return { verb: 'file', object: 'file', rules: [] };
    i += NFT_FLAGS_WITH_ARG.has(t) ? 2 : 1;
  }
  const rest = args.slice(i);
  const r = parseNftWords(rest);
  report(r.problems);
  // `nft "add table inet t; add chain inet t c"`: the fact describes the first command
  const joined = rest.map((w) => w.text).join(' ');
  const tokens = (joined.split(';')[0] ?? '').trim().split(/\s+/);
  const verb = tokens[0] ?? '';
  const object = tokens[1] ?? '';
  const FAMILIES = ['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev'];
  let k = 2;
  let family: string | undefined;
  if (object !== 'ruleset' && FAMILIES.includes(tokens[k] ?? '')) family = tokens[k++];
  const table = object === 'ruleset' ? undefined : tokens[k++];
  const chain = object === 'rule' || object === 'chain' ? tokens[k] : undefined;
  const facts = r.ruleset ? nftFactsOf(r.ruleset, file) : { rules: [] };
  return {
    verb,
    object,
    ...(family || object === 'table' || object === 'chain' || object === 'rule' || object === 'set' ? { family: family ?? 'ip' } : {}),
    ...(table !== undefined ? { table } : {}),
    ...(chain !== undefined ? { chain } : {}),
    rules: facts.rules,
  };
}
