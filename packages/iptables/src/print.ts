import type { Word } from '@wglint/core';
import type { IptCommand, IptOption, IptParam, IptRuleSpec, IptablesSave } from './ast.js';
import { findMatch, findTarget } from './extensions/index.js';
import { COMMAND_LETTER } from './parse-args.js';

/** Quotes a word for iptables-restore input / a shell when needed (`"..."` with `\"` and `\\`). */
export function quoteWord(text: string): string {
  if (text !== '' && /^[^\s"'\\;&|<>()$`#*?[\]{}!]+$/.test(text)) return text;
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Options for printing. */
export interface PrintOptions {
  /** The source text the AST came from: values that were quoted there stay quoted. */
  readonly source?: string;
}

function printWord(w: Word, opts: PrintOptions): string {
  if (opts.source && opts.source.charCodeAt(w.range.start) === 34 /* " */) return `"${w.text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return quoteWord(w.text);
}

function printParam(p: IptParam | undefined, opts: PrintOptions): string[] {
  if (!p) return [];
  const out: string[] = [];
  if (p.negated) out.push('!');
  out.push(`-${p.flag}`);
  if (p.value) out.push(printWord(p.value, opts));
  return out;
}

/** The full long name of an option as written (expanding abbreviations like `--dp`). */
function optionName(o: IptOption, ext: string, kind: 'match' | 'target', family: 'ipv4' | 'ipv6'): string {
  const written = o.nameWord.text.replace(/^--/, '').split('=')[0]!;
  const def = kind === 'match' ? findMatch(ext, family) : findTarget(ext, family);
  if (def?.options.some((d) => d.name === written)) return written;
  return o.name;
}

function printOptions(options: readonly IptOption[], ext: string, kind: 'match' | 'target', family: 'ipv4' | 'ipv6', opts: PrintOptions): string[] {
  const out: string[] = [];
  for (const o of options) {
    if (o.negated) out.push('!');
    out.push(`--${optionName(o, ext, kind, family)}`);
    for (const a of o.args) out.push(printWord(a, opts));
  }
  return out;
}

/** Prints a rule spec in iptables-save order: `-s -d -i -o -p -f`, matches, target. */
export function printRuleSpec(rule: IptRuleSpec, family: 'ipv4' | 'ipv6', opts: PrintOptions = {}): string {
  const out: string[] = [
    ...printParam(rule.source, opts),
    ...printParam(rule.destination, opts),
    ...printParam(rule.inInterface, opts),
    ...printParam(rule.outInterface, opts),
    ...printParam(rule.protocol, opts),
    ...printParam(rule.fragment, opts),
  ];
  for (const m of rule.matches) {
    out.push('-m', m.name, ...printOptions(m.options, m.name, 'match', family, opts));
  }
  if (rule.target) {
    out.push(rule.target.goto ? '-g' : '-j', rule.target.name, ...printOptions(rule.target.options, rule.target.name, 'target', family, opts));
  }
  return out.join(' ');
}

/**
 * Prints a command. `form: 'save'` is the iptables-restore line form (no `-t`, no program);
 * `form: 'command'` is a shell command (`iptables -t nat -A POSTROUTING ...`).
 */
export function printIptCommand(cmd: IptCommand, form: 'save' | 'command' = 'command', opts: PrintOptions = {}): string {
  const out: string[] = [];
  if (form === 'command') {
    out.push(cmd.family === 'ipv4' ? 'iptables' : 'ip6tables');
    if (cmd.table !== 'filter' || cmd.tableWord) out.push('-t', cmd.table);
  }
  if (cmd.kind) out.push(COMMAND_LETTER[cmd.kind]);
  if (cmd.chain) out.push(printWord(cmd.chain, opts));
  if (cmd.ruleNumber) out.push(String(cmd.ruleNumber.value));
  if (cmd.policy) out.push(printWord(cmd.policy, opts));
  if (cmd.newName) out.push(printWord(cmd.newName, opts));
  if (cmd.rule) {
    const spec = printRuleSpec(cmd.rule, cmd.family, opts);
    if (spec) out.push(spec);
    if (cmd.rule.counters) out.push('-c', cmd.rule.counters.packets, cmd.rule.counters.bytes);
  }
  return out.join(' ');
}

/** Prints a parsed dump back in iptables-save form (comments dropped; see `formatIptablesSave` to keep them). */
export function printIptablesSave(save: IptablesSave, opts: PrintOptions = {}): string {
  const out: string[] = [];
  for (const t of save.tables) {
    out.push(`*${t.name}`);
    for (const c of t.chains) out.push(`:${c.name} ${c.policy} ${c.counters ?? '[0:0]'}`);
    for (const r of t.rules) out.push((r.counters ? `[${r.counters}] ` : '') + printIptCommand(r.command, 'save', opts));
    out.push('COMMIT');
  }
  return out.length ? out.join('\n') + '\n' : '';
}
