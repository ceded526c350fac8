// A dump rule keeps a summary and rebuilds its AST on demand; repeated `-A CHAIN BODY` bodies are
// summarised without parsing. Both must agree with parsing every line on its own.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SyntaxProblem } from '@wglint/core';
import { describe, expect, it } from 'vitest';
import { type IptFamily, type IptablesSave, parseIptablesArgs, parseIptablesSave, splitRestoreLine } from '../src/index.js';
import { RuleSummarizer } from '../src/save/summary.js';
import { corpusDir, sharedCorpusMissing } from '../../nft/test/support/corpus.js';

/** Every rule's summary, against one computed afresh from the rule's (rebuilt) AST. */
function expectSummariesAgree(save: IptablesSave): void {
  const fresh = new RuleSummarizer(save.family);
  for (const t of save.tables) {
    for (const r of t.rules) expect(r.summary, `line at ${r.range.start}`).toEqual(fresh.summarize(r.command));
  }
}

/** The problems of each rule line parsed on its own, as `parseIptablesSave` should report them. */
function lineByLineProblems(text: string, family: IptFamily): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  let table = 'filter';
  let pos = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('*')) table = line.slice(1).trim();
    else if (line.startsWith('-')) {
      const { words, problems } = splitRestoreLine(line, pos);
      out.push(...problems, ...parseIptablesArgs(words, { family, restore: true, table }).problems);
    }
    pos += line.length + 1;
  }
  return out;
}

const key = (p: SyntaxProblem): string => `${p.range.start}-${p.range.end} ${p.message}`;

/** A dump appending each body to two user chains and to each built-in chain of `table`. */
function dumpOf(table: string, builtins: readonly string[], bodies: readonly string[]): string {
  const lines = [`*${table}`, ...builtins.map((c) => `:${c} ACCEPT [0:0]`), ':one - [0:0]', ':two - [0:0]'];
  for (const b of bodies) for (const c of ['one', 'two', ...builtins]) lines.push(`-A ${c} ${b}`);
  lines.push('COMMIT', '');
  return lines.join('\n');
}

const BODIES = [
  '-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
  '-m conntrack --ctstate INVALID -j DROP',
  '-i wg0 -o eth0 -j ACCEPT',
  '-o wg0 -j ACCEPT',
  '-p tcp -m tcp --dport 22 -j ACCEPT',
  '-p tcp --dport 22 -j ACCEPT',
  '-s 10.0.0.1,10.0.0.2 -j ACCEPT',
  '-p udp -m udp --dport 70000 -j ACCEPT',
  '-p tcp -m tcp --dport 900:100 -j ACCEPT',
  '-m limit --limit 5/min -j LOG --log-prefix "drop: "',
  '-p tcp -j REJECT --reject-with tcp-reset',
  '-j REJECT --reject-with tcp-reset',
  '-j MASQUERADE',
  '-m comment --comment "a b" -j RETURN',
  '-p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu',
  '-m state --state NEW -j ACCEPT',
  '-i wg* -j ACCEPT',
  '-j one',
  '-g two',
  '--dport 22 -j ACCEPT',
  '-p tcp -m tcp --dport -j ACCEPT',
  '-j',
  '! -j ACCEPT',
];

describe('rule summaries', () => {
  it('agree with the AST of every line, repeated bodies included, in every table', () => {
    const tables: Array<[string, string[]]> = [
      ['filter', ['INPUT', 'FORWARD', 'OUTPUT']],
      ['nat', ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']],
      ['mangle', ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']],
    ];
    for (const [table, builtins] of tables) {
      const text = dumpOf(table, builtins, BODIES);
      const { ast, problems } = parseIptablesSave(text);
      expectSummariesAgree(ast);
      // A repeated body with a problem is parsed every time: each line reports its problems.
      expect(problems.map(key).sort()).toEqual(lineByLineProblems(text, 'ipv4').map(key).sort());
    }
  });

  it('give repeated bodies their own chain and `-A CHAIN` range', () => {
    const text = '*filter\n:a - [0:0]\n:b - [0:0]\n-A a -p udp -j ACCEPT\n[3:4] -A b -p udp -j ACCEPT\n-A  a -p udp -j ACCEPT\nCOMMIT\n';
    const [first, second, third] = parseIptablesSave(text).ast.tables[0]!.rules;
    expect(second!.summary.chain).toBe('b');
    expect(text.slice(second!.summary.headStart, second!.summary.headEnd)).toBe('-A b');
    expect(second!.summary.conditions).toBe(first!.summary.conditions);
    expect(text.slice(third!.summary.headStart, third!.summary.headEnd)).toBe('-A  a');
  });

  it('keep the AST of a rule once built, equal to parsing the line on its own', () => {
    const text = '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -m comment --comment "ssh in" -j ACCEPT\nCOMMIT\n';
    const rule = parseIptablesSave(text).ast.tables[0]!.rules[0]!;
    expect(rule.command).toBe(rule.command);
    const start = rule.range.start;
    const { words } = splitRestoreLine(text.slice(start, rule.range.end), start);
    expect(rule.command).toEqual(parseIptablesArgs(words, { family: 'ipv4', restore: true, table: 'filter' }).ast);
  });
});

const missing = sharedCorpusMissing('iptables SUMMARY CORPUS TEST');

describe.skipIf(missing !== null)('rule summaries on the upstream iptables corpus', () => {
  it('agree with the AST for every extension test rule, appended to user and built-in chains', () => {
    const entries = readFileSync(path.join(corpusDir, 'iptables-rules.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { tools: string[]; table: string; chains: string[]; rule: string });
    let rules = 0;
    for (const family of ['ipv4', 'ipv6'] as const) {
      const tool = family === 'ipv4' ? 'iptables' : 'ip6tables';
      const byTable = new Map<string, { builtins: Set<string>; bodies: string[] }>();
      for (const e of entries) {
        if (!e.tools.includes(tool)) continue;
        let t = byTable.get(e.table);
        if (!t) byTable.set(e.table, (t = { builtins: new Set(), bodies: [] }));
        for (const c of e.chains) t.builtins.add(c);
        t.bodies.push(e.rule);
      }
      for (const [table, t] of byTable) {
        const builtins = [...t.builtins].filter((c) => /^[A-Z]+$/.test(c));
        const text = dumpOf(table, builtins, t.bodies);
        const { ast, problems } = parseIptablesSave(text, { family });
        expectSummariesAgree(ast);
        expect(problems.map(key).sort()).toEqual(lineByLineProblems(text, family).map(key).sort());
        rules += ast.tables.reduce((n, x) => n + x.rules.length, 0);
      }
    }
    expect(rules).toBeGreaterThan(1000);
  });

  it('agree with the AST for the upstream iptables-save dumps', () => {
    const dir = path.join(corpusDir, 'iptables-dumps');
    const files = ['ipt-save-filter.txt', 'fedora27-iptables', 'fedora27-ip6tables', 'wireless.txt', 'policy-drop.txt'];
    for (const f of files) {
      const p = path.join(dir, `iptables__iptables__tests__shell__testcases__ipt-save__dumps__${f}`);
      expect(existsSync(p), p).toBe(true);
      expectSummariesAgree(parseIptablesSave(readFileSync(p, 'utf8')).ast);
    }
  });
});
