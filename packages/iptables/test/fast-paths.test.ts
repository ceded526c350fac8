// The shortcuts taken for large dumps give the same answers as the plain definitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IptRuleset,
  canonicalRuleKey,
  conditionTokens,
  findShadowedRules,
  findShadowingRule,
  isCatchAll,
  normalizeAddress,
  parseIptablesArgs,
  parseIptablesSave,
  ruleCovers,
  splitRestoreLine,
} from '../src/index.js';
import { TokenIds, conditionTokenIds } from '../src/canonical.js';

function spec(line: string) {
  return parseIptablesArgs(splitRestoreLine(line, 0).words, { family: 'ipv4' }).ast.rule!;
}
const at = (n: number) => ({ file: 'hook', range: { start: n, end: n + 1 } });

const CONDITIONS = [
  '-i wg0', '-i wg+', '-i w+', '-i +', '-o +', '! -i wg0', '-o eth0', '-o eth+', '-p tcp', '-p udp', '-p 6', '-p all', '-s 10.0.0.1',
  '-s 10.0.0.0/8', '-s 10.0.0.1/255.255.255.0', '-d 10.0.0.1/32', '-m mark --mark 0x1', '-m mark --mark 1', '-m conntrack --ctstate NEW',
  '-m conntrack --ctstate ESTABLISHED,RELATED', '-m conntrack --ctstate RELATED,ESTABLISHED', '-m comment --comment x',
  '-p tcp -m tcp --dport 22', '-p tcp -m tcp --dport ssh', '-p tcp -m tcp --syn', '-p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN',
  '-p udp -m multiport --dports 1,2', '-m limit --limit 5/min --limit-burst 3', '-m limit --limit-burst 3 --limit 5/min', '-f',
];
const TARGETS = ['ACCEPT', 'DROP', 'RETURN', 'REJECT', 'LOG'];

/** Random rule lines: a few conditions each, now and then very many (the bounded-scan path). */
const chainArb = fc.array(
  fc.record({
    conds: fc.oneof(
      { weight: 9, arbitrary: fc.array(fc.constantFrom(...CONDITIONS), { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 9 }).map((n) => `-m mark --mark ${n}`), { minLength: 12, maxLength: 14 }) },
    ),
    target: fc.constantFrom(...TARGETS),
  }),
  { maxLength: 60 },
);

describe('findShadowedRules', () => {
  it('finds, for every rule, the first earlier covering rule (as findShadowingRule does one at a time)', () => {
    fc.assert(
      fc.property(chainArb, (chain) => {
        const rules = chain.map((r) => ({ spec: spec(`-A INPUT ${r.conds.join(' ')} -j ${r.target}`) }));
        const fast = findShadowedRules(rules, 'ipv4').map((f) => [f.index, rules.indexOf(f.by)]);
        const slow = rules.flatMap((_, i) => {
          const by = findShadowingRule(rules, i, 'ipv4');
          return by ? [[i, rules.indexOf(by)]] : [];
        });
        expect(fast).toEqual(slow);
      }),
      { numRuns: 300 },
    );
  });
});

describe('condition ids', () => {
  it('number equal condition strings alike and keep the order of conditionTokens', () => {
    const lines = CONDITIONS.flatMap((a) => CONDITIONS.map((b) => `-A INPUT ${a} ${b} -j ACCEPT`));
    const ids = new TokenIds('ipv4');
    for (const line of lines) {
      const s = spec(line);
      expect(conditionTokenIds(s, ids).map((id) => ids.strings[id]), line).toEqual(conditionTokens(s, 'ipv4'));
      expect(isCatchAll({ spec: s }, 'ipv4')).toBe(conditionTokens(s, 'ipv4').length === 0);
    }
  });
});

describe('normalizeAddress', () => {
  it('handles the IPv4 shortcut cases like the general ones', () => {
    const cases: Array<[string, string]> = [
      ['10.0.0.1', '10.0.0.1/32'],
      ['10.0.0.7/24', '10.0.0.0/24'],
      ['10.0.0.7/024', '10.0.0.0/24'],
      ['10.0.0.7/0', '0.0.0.0/0'],
      ['255.255.255.255/1', '128.0.0.0/1'],
      ['010.0.0.1/8', '10.0.0.0/8'],
      ['10.0.0.7/255.255.255.0', '10.0.0.0/24'],
      ['10.0.0.7/255.0.255.0', '10.0.0.7/255.0.255.0'],
      ['10.0.0.1/', '10.0.0.1/32'],
      ['10.0.0', '10.0.0'],
      ['256.0.0.1/8', '256.0.0.1/8'],
      ['host.example', 'host.example'],
    ];
    for (const [v, want] of cases) expect(normalizeAddress(v, 'ipv4'), v).toBe(want);
  });
});

describe('splitRestoreLine', () => {
  it('gives every word its own text, whatever words came before', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[-a-zA-Z0-9.,:/!+_]{1,30}$/), { minLength: 1, maxLength: 40 }), (ws) => {
        const line = ws.join(' ');
        const { words } = splitRestoreLine(line, 5);
        expect(words.map((w) => w.text)).toEqual(ws);
        expect(words.map((w) => line.slice(w.range.start - 5, w.range.end - 5))).toEqual(ws);
      }),
      { numRuns: 300 },
    );
  });
});

describe('IptRuleset keys', () => {
  it('are the canonical keys, also for expanded addresses and after a chain rename', () => {
    const rs = IptRuleset.fromSave(
      parseIptablesSave('*filter\n:X - [0:0]\n-A X -s 10.0.0.1,10.0.0.2/24 -p tcp --dport 22 -j ACCEPT\n-A X -j LOG --log-level warning\nCOMMIT\n').ast,
      'f',
    );
    const rules = rs.rules('filter', 'X');
    expect(rules.map((r) => r.key)).toEqual([
      canonicalRuleKey(rules[0]!.spec, 'ipv4', '10.0.0.1'),
      canonicalRuleKey(rules[0]!.spec, 'ipv4', '10.0.0.2/24'),
      canonicalRuleKey(rules[2]!.spec, 'ipv4'),
    ]);
    const cmd = (line: string) => parseIptablesArgs(splitRestoreLine(line, 0).words, { family: 'ipv4' }).ast;
    expect(rs.apply(cmd('-E X Y'), at(1)).ok).toBe(true);
    expect(rs.rules('filter', 'Y').map((r) => [r.chain, r.key])).toEqual(rules.map((r) => ['Y', r.key]));
    expect(rs.apply(cmd('-C Y -j LOG --log-level 4'), at(2)).ok).toBe(true);
    expect(rs.apply(cmd('-D Y -s 10.0.0.2/24 -p tcp -m tcp --dport ssh -j ACCEPT'), at(3)).ok).toBe(true);
    expect(rs.rules('filter', 'Y')).toHaveLength(2);
  });
});

describe('ruleCovers', () => {
  it('reads `-i +` and `-o +` as any interface, as findShadowedRules does', () => {
    expect(ruleCovers({ spec: spec('-A FORWARD -i + -j ACCEPT') }, { spec: spec('-A FORWARD -i wg0 -p udp -j ACCEPT') }, 'ipv4')).toBe(true);
    expect(ruleCovers({ spec: spec('-A FORWARD -o + -j ACCEPT') }, { spec: spec('-A FORWARD -o eth0 -j ACCEPT') }, 'ipv4')).toBe(true);
    // near misses: another flag, a negated interface, no interface at all
    expect(ruleCovers({ spec: spec('-A FORWARD -i + -j ACCEPT') }, { spec: spec('-A FORWARD -o eth0 -j ACCEPT') }, 'ipv4')).toBe(false);
    expect(ruleCovers({ spec: spec('-A FORWARD -i + -j ACCEPT') }, { spec: spec('-A FORWARD ! -i wg0 -j ACCEPT') }, 'ipv4')).toBe(false);
    expect(ruleCovers({ spec: spec('-A FORWARD -i + -j ACCEPT') }, { spec: spec('-A FORWARD -p tcp -j ACCEPT') }, 'ipv4')).toBe(false);
  });
});
