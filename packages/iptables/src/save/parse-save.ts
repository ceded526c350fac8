import type { ParseResult, SyntaxProblem, TextRange } from '@wglint/core';
import type { IptFamily, IptSaveChain, IptSaveLine, IptSaveRule, IptSaveTable, IptablesSave } from '../ast.js';
import { TABLES, parseIptablesArgs } from '../parse-args.js';
import { splitRestoreLine } from './split-line.js';

/** Options of `parseIptablesSave`. */
export interface ParseSaveOptions {
  /** `ipv6` for ip6tables-save dumps (`rules.v6`); guessed from the content when absent. */
  readonly family?: IptFamily;
}

/** Guesses the family of a dump: an ip6tables-save header or IPv6-only syntax means ipv6. */
export function guessFamily(text: string): IptFamily {
  const head = text.slice(0, 2000);
  if (/^#.*ip6tables/m.test(head)) return 'ipv6';
  if (/^#.*\biptables-save/m.test(head)) return 'ipv4';
  if (/\s-[sd] !?\s*[0-9a-fA-F]*::?[0-9a-fA-F:]*(\/[0-9]+)?[\s,]/.test(text)) return 'ipv6';
  if (/\s(--icmpv6-type|-p (ipv6-icmp|icmpv6)|--reject-with icmp6-)/.test(text)) return 'ipv6';
  return 'ipv4';
}

interface TableBuilder {
  name: string;
  nameRange: TextRange;
  chains: IptSaveChain[];
  rules: IptSaveRule[];
  start: number;
  end: number;
  commitRange?: TextRange;
}

/**
 * Parses an `iptables-save` / `iptables-restore` file: `*table`, `:CHAIN POLICY [p:b]`, rule lines
 * (argv split with iptables-restore's quoting, parsed by `parseIptablesArgs`), `COMMIT`, `#`
 * comments. Linear in the input; never throws. Table/chain validity (policies, -i in OUTPUT, ...)
 * is left to `checkIptCommand` and the rules.
 */
export function parseIptablesSave(text: string, options: ParseSaveOptions = {}): ParseResult<IptablesSave> {
  const family = options.family ?? guessFamily(text);
  const problems: SyntaxProblem[] = [];
  const lines: IptSaveLine[] = [];
  const tables: IptSaveTable[] = [];
  let current: TableBuilder | undefined;
  let lineNo = 0;

  const closeTable = (t: TableBuilder): IptSaveTable => {
    const table: IptSaveTable = {
      type: 'IptSaveTable',
      name: t.name,
      nameRange: t.nameRange,
      chains: t.chains,
      rules: t.rules,
      commitRange: t.commitRange,
      range: { start: t.start, end: t.end },
    };
    tables.push(table);
    return table;
  };
  const tableLineIndex = new Map<TableBuilder, number>();
  const finish = (t: TableBuilder): void => {
    const table = closeTable(t);
    const idx = tableLineIndex.get(t);
    if (idx !== undefined) lines[idx] = { kind: 'table', range: lines[idx]!.range, table };
  };

  let pos = 0;
  const len = text.length;
  while (pos < len) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    const lineStart = pos;
    let lineEnd = nl;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const line = text.slice(lineStart, lineEnd);
    const range: TextRange = { start: lineStart, end: lineEnd };
    pos = nl + 1;
    lineNo++;

    const trimmed = line.trim();
    if (trimmed === '') {
      lines.push({ kind: 'blank', range });
      continue;
    }
    if (line.startsWith('#')) {
      lines.push({ kind: 'comment', range });
      continue;
    }
    const lead = line.length - line.trimStart().length;
    const contentStart = lineStart + lead;
    const first = trimmed[0];

    if (first === '*') {
      const name = trimmed.slice(1).trim();
      const nameRange = { start: contentStart + 1, end: contentStart + 1 + trimmed.slice(1).trimEnd().length };
      if (current) {
        problems.push({ range: current.nameRange, message: `table \`${current.name}' has no COMMIT before the next \`*table' line; add COMMIT` });
        finish(current);
      }
      if (!(TABLES as readonly string[]).includes(name)) {
        problems.push({ range: nameRange, message: `table name \`${name}' invalid (use filter, nat, mangle, raw or security)` });
      }
      current = { name, nameRange, chains: [], rules: [], start: lineStart, end: lineEnd };
      tableLineIndex.set(current, lines.length);
      lines.push({ kind: 'unknown', range });
      continue;
    }
    if (trimmed === 'COMMIT') {
      if (!current) {
        problems.push({ range, message: 'COMMIT outside a table: add a `*table` line before the rules' });
        lines.push({ kind: 'commit', range });
        continue;
      }
      current.commitRange = { start: contentStart, end: contentStart + 6 };
      current.end = lineEnd;
      lines.push({ kind: 'commit', range });
      finish(current);
      current = undefined;
      continue;
    }
    if (!current) {
      problems.push({ range, message: 'line outside a table: put it after a `*filter` (or `*nat`, ...) line' });
      lines.push({ kind: 'unknown', range });
      continue;
    }
    current.end = lineEnd;

    if (first === ':') {
      const chain = parseChainLine(line.slice(lead), contentStart, problems);
      if (chain) {
        current.chains.push(chain);
        lines.push({ kind: 'chain', range, chain });
      } else lines.push({ kind: 'unknown', range });
      continue;
    }

    // A rule line, optionally prefixed by `[packets:bytes]`.
    let body = line;
    let bodyOffset = lineStart;
    let counters: string | undefined;
    if (first === '[') {
      const m = /^\s*\[([0-9]+:[0-9]+)\]\s*/.exec(line);
      if (m) {
        counters = m[1];
        body = line.slice(m[0].length);
        bodyOffset = lineStart + m[0].length;
      } else {
        problems.push({ range, message: 'bad counters: expected `[PACKETS:BYTES]` at the start of the line' });
        lines.push({ kind: 'unknown', range });
        continue;
      }
    }
    const split = splitRestoreLine(body, bodyOffset);
    problems.push(...split.problems);
    const parsed = parseIptablesArgs(split.words, { family, restore: true, table: current.name });
    problems.push(...parsed.problems);
    const rule: IptSaveRule = {
      type: 'IptSaveRule',
      table: current.name,
      command: parsed.ast,
      counters: counters,
      range,
    };
    current.rules.push(rule);
    lines.push({ kind: 'rule', range, rule });
  }
  if (current) {
    problems.push({ range: current.nameRange, message: `COMMIT expected: table \`${current.name}' is never committed, so iptables-restore applies nothing; add COMMIT at its end` });
    finish(current);
  }
  return {
    ast: { type: 'IptablesSave', tables, lines, family, range: { start: 0, end: len } },
    problems,
  };
}

function parseChainLine(line: string, offset: number, problems: SyntaxProblem[]): IptSaveChain | undefined {
  const m = /^:(\S*)(?:[ \t]+(\S+))?(?:[ \t]+(\[[^\]]*\]))?[ \t\r]*(.*)$/.exec(line);
  if (!m) return undefined;
  const name = m[1] ?? '';
  const nameRange = { start: offset + 1, end: offset + 1 + name.length };
  const whole = { start: offset, end: offset + line.trimEnd().length };
  if (name === '') {
    problems.push({ range: whole, message: 'chain line without a name: expected `:CHAIN POLICY [0:0]`' });
    return undefined;
  }
  if (name.length >= 29) problems.push({ range: nameRange, message: `chain name \`${name}' too long (must be under 29 chars)` });
  const policy = m[2];
  const policyStart = policy ? offset + line.indexOf(policy, 1 + name.length) : whole.end;
  const policyRange = { start: policyStart, end: policyStart + (policy?.length ?? 0) };
  if (!policy) {
    problems.push({ range: whole, message: `chain \`${name}' has no policy: write \`:${name} ACCEPT [0:0]' for a built-in chain or \`:${name} - [0:0]' for a user chain` });
  }
  const counters = m[3];
  if (counters && !/^\[[0-9]+:[0-9]+\]$/.test(counters)) {
    problems.push({ range: whole, message: `bad chain counters \`${counters}': expected \`[PACKETS:BYTES]'` });
  }
  if (m[4]) {
    const extraStart = offset + line.lastIndexOf(m[4]);
    problems.push({ range: { start: extraStart, end: extraStart + m[4].length }, message: `unexpected \`${m[4]}' after the chain counters` });
  }
  return {
    type: 'IptSaveChain',
    name,
    nameRange,
    policy: policy ?? '',
    policyRange,
    counters: counters,
    range: whole,
  };
}
