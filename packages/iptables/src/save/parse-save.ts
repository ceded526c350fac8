import type { ParseResult, SyntaxProblem, TextRange } from '@wglint/core';
import type { IptFamily, IptSaveChain, IptSaveLine, IptSaveRule, IptSaveTable, IptablesSave } from '../ast.js';
import { type ParseIptablesOptions, TABLES } from '../parse-args.js';
import { SaveRuleLine, parseRuleLine } from './save-rule.js';
import { AppendBodies } from './append-bodies.js';
import { RuleSummarizer } from './summary.js';

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
 * is left to `checkIptCommand` and the rules. Each rule keeps its `summary` and rebuilds its AST
 * when `command` is first read (see `IptSaveRule`).
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
  let argOptions: ParseIptablesOptions | undefined;
  const summarizer = new RuleSummarizer(family);
  const bodies = new AppendBodies();
  while (pos < len) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    const lineStart = pos;
    let lineEnd = nl;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const range: TextRange = { start: lineStart, end: lineEnd };
    pos = nl + 1;
    lineNo++;

    // `line.trim()` bounds, without building the strings.
    let contentStart = lineStart;
    while (contentStart < lineEnd && isJsSpace(text.charCodeAt(contentStart))) contentStart++;
    if (contentStart === lineEnd) {
      lines.push({ kind: 'blank', range });
      continue;
    }
    const c0 = text.charCodeAt(lineStart);
    if (c0 === 35 /* # */) {
      lines.push({ kind: 'comment', range });
      continue;
    }
    const first = text.charCodeAt(contentStart);
    let contentEnd = lineEnd;
    while (isJsSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
    const lead = contentStart - lineStart;

    if (first === 42 /* * */) {
      const line = text.slice(lineStart, lineEnd);
      const trimmed = line.trim();
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
      argOptions = undefined;
      tableLineIndex.set(current, lines.length);
      lines.push({ kind: 'unknown', range });
      continue;
    }
    if (contentEnd - contentStart === 6 && text.startsWith('COMMIT', contentStart)) {
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

    if (first === 58 /* : */) {
      const chain = parseChainLine(text.slice(lineStart + lead, lineEnd), contentStart, problems);
      if (chain) {
        current.chains.push(chain);
        lines.push({ kind: 'chain', range, chain });
      } else lines.push({ kind: 'unknown', range });
      continue;
    }

    // A rule line, optionally prefixed by `[packets:bytes]`.
    let bodyStart = lineStart;
    let counters: string | undefined;
    if (first === 91 /* [ */) {
      const m = /^\s*\[([0-9]+:[0-9]+)\]\s*/.exec(text.slice(lineStart, lineEnd));
      if (m) {
        counters = m[1];
        bodyStart = lineStart + m[0].length;
      } else {
        problems.push({ range, message: 'bad counters: expected `[PACKETS:BYTES]` at the start of the line' });
        lines.push({ kind: 'unknown', range });
        continue;
      }
    }
    if (!argOptions) {
      argOptions = { family, restore: true, table: current.name };
      bodies.startTable(current.name);
    }
    let summary = bodies.lookup(text, bodyStart, lineEnd);
    if (!summary) {
      // The AST dies here, young: the rule keeps its summary and rebuilds the AST when asked.
      const before = problems.length;
      summary = summarizer.summarize(parseRuleLine(text, bodyStart, range, argOptions, problems));
      if (problems.length === before) bodies.remember(text, bodyStart, lineEnd, summary);
    }
    const rule = new SaveRuleLine(text, argOptions, bodyStart, range, summary, counters);
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

/** Whether `String.prototype.trim` removes the UTF-16 unit `c` (WhiteSpace and LineTerminator). */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
