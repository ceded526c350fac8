import { describe, expect, it } from 'vitest';
import {
  IptRuleset,
  canonicalRuleKey,
  findRulesAfterCatchAllInSave,
  findShadowingRule,
  normalizeAddress,
  parseIptablesArgs,
  parseIptablesSave,
  splitRestoreLine,
} from '../src/index.js';

function cmd(line: string, family: 'ipv4' | 'ipv6' = 'ipv4') {
  const { words } = splitRestoreLine(line, 0);
  const r = parseIptablesArgs(words, { family });
  expect(r.problems, line).toEqual([]);
  return r.ast;
}
const at = (n: number) => ({ file: 'hook', range: { start: n, end: n + 1 } });

describe('canonical rule keys (what -D matches)', () => {
  const key = (line: string) => canonicalRuleKey(cmd(line).rule!, 'ipv4');
  it('equates implicit and explicit protocol matches, addresses, ports and services', () => {
    expect(key('-A INPUT -p tcp --dport 22 -j ACCEPT')).toBe(key('-A INPUT -p tcp -m tcp --dport ssh -j ACCEPT'));
    expect(key('-A INPUT -s 10.0.0.1 -j ACCEPT')).toBe(key('-A INPUT -s 10.0.0.1/32 -j ACCEPT'));
    expect(key('-A INPUT -s 10.0.0.7/24 -j ACCEPT')).toBe(key('-A INPUT -s 10.0.0.0/255.255.255.0 -j ACCEPT'));
    expect(key('-A INPUT -p 6 -j ACCEPT')).toBe(key('-A INPUT -p tcp -j ACCEPT'));
    expect(key('-A INPUT -j REJECT')).toBe(key('-A INPUT -j REJECT --reject-with icmp-port-unreachable'));
    expect(key('-A OUTPUT -j MARK --set-mark 1')).toBe(key('-A OUTPUT -j MARK --set-xmark 0x1/0xffffffff'));
    expect(key('-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED')).toBe(key('-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED'));
  });
  it('keeps match order and options significant', () => {
    expect(key('-A INPUT -p tcp --dport 22 -m comment --comment x -j ACCEPT')).not.toBe(key('-A INPUT -m comment --comment x -p tcp --dport 22 -j ACCEPT'));
    expect(key('-A INPUT -p tcp --dport 22 -m comment --comment x -j ACCEPT')).not.toBe(key('-A INPUT -p tcp --dport 22 -j ACCEPT'));
    expect(key('-A INPUT -p udp --dport 51820 -j ACCEPT')).not.toBe(key('-A INPUT -p udp --dport 51821 -j ACCEPT'));
  });
  it('normalises IPv6 addresses', () => {
    expect(normalizeAddress('fd00:0:0::1/64', 'ipv6')).toBe('fd00::/64');
    expect(normalizeAddress('2001:db8::1', 'ipv6')).toBe('2001:db8::1/128');
  });
});

describe('IptRuleset', () => {
  const DUMP = '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n-A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT\n-A FORWARD -j REJECT --reject-with icmp-host-prohibited\nCOMMIT\n';

  it('applies a dump then hook commands with provenance', () => {
    const rs = IptRuleset.fromSave(parseIptablesSave(DUMP).ast, 'etc/iptables/rules.v4');
    expect(rs.chain('filter', 'FORWARD')?.policy).toBe('DROP');
    expect(rs.rules('filter', 'FORWARD')).toHaveLength(2);
    const r = rs.apply(cmd('-A FORWARD -i wg0 -j ACCEPT'), at(5));
    expect(r.ok).toBe(true);
    expect(r.index).toBe(2);
    expect(rs.rules('filter', 'FORWARD')[2]?.provenance.file).toBe('hook');
    expect(rs.rules('filter', 'FORWARD')[0]?.provenance.file).toBe('etc/iptables/rules.v4');
  });

  it('-I N inserts before N; N = len+1 appends (reported); N > len+1 fails', () => {
    const rs = IptRuleset.fromSave(parseIptablesSave(DUMP).ast, 'd');
    expect(rs.apply(cmd('-I FORWARD 2 -i wg0 -j ACCEPT'), at(1)).index).toBe(1);
    const end = rs.apply(cmd('-I FORWARD 4 -i wg1 -j ACCEPT'), at(2));
    expect([end.ok, end.index, end.events[0]?.kind]).toEqual([true, 3, 'insert-at-end']);
    const tooBig = rs.apply(cmd('-I FORWARD 9 -i wg2 -j ACCEPT'), at(3));
    expect([tooBig.ok, tooBig.events[0]?.kind]).toEqual([false, 'insert-index-too-big']);
    expect(rs.apply(cmd('-I FORWARD -i wg3 -j ACCEPT'), at(4)).index).toBe(0);
  });

  it('-D by spec deletes the first equal rule, by number the Nth, and reports when nothing matches', () => {
    const rs = new IptRuleset('ipv4');
    rs.apply(cmd('-A INPUT -p udp --dport 51820 -j ACCEPT'), at(1));
    rs.apply(cmd('-A INPUT -p udp --dport 51820 -j ACCEPT'), at(2));
    const d = rs.apply(cmd('-D INPUT -p udp -m udp --dport 51820 -j ACCEPT'), at(3));
    expect([d.ok, d.removed[0]?.provenance.range.start]).toEqual([true, 1]);
    const miss = rs.apply(cmd('-D INPUT -p udp --dport 51821 -j ACCEPT'), at(4));
    expect([miss.ok, miss.events[0]?.kind]).toEqual([false, 'delete-no-match']);
    expect(rs.apply(cmd('-D INPUT 1'), at(5)).ok).toBe(true);
    expect(rs.apply(cmd('-D INPUT 1'), at(6)).events[0]?.kind).toBe('delete-index-too-big');
  });

  it('expands address lists into one rule per address, and -D with the list removes them all', () => {
    const rs = new IptRuleset('ipv4');
    expect(rs.apply(cmd('-A INPUT -s 10.0.0.1,10.0.0.2 -j ACCEPT'), at(1)).added).toHaveLength(2);
    expect(rs.apply(cmd('-D INPUT -s 10.0.0.1,10.0.0.2 -j ACCEPT'), at(2)).removed).toHaveLength(2);
    expect(rs.rules('filter', 'INPUT')).toHaveLength(0);
  });

  it('handles chains: -N, -X, -F, -P, -E and unknown chains', () => {
    const rs = new IptRuleset('ipv4');
    expect(rs.apply(cmd('-A WG -j ACCEPT'), at(1)).events[0]?.kind).toBe('no-such-chain');
    rs.apply(cmd('-N WG'), at(2));
    expect(rs.apply(cmd('-N WG'), at(3)).events[0]?.kind).toBe('chain-exists');
    rs.apply(cmd('-A WG -j ACCEPT'), at(4));
    rs.apply(cmd('-A INPUT -j WG'), at(5));
    expect(rs.apply(cmd('-X WG'), at(6)).events[0]?.kind).toBe('chain-not-empty');
    rs.apply(cmd('-F WG'), at(7));
    expect(rs.apply(cmd('-X WG'), at(8)).events[0]?.kind).toBe('chain-referenced');
    expect(rs.apply(cmd('-P WG DROP'), at(9)).events[0]?.kind).toBe('policy-on-user-chain');
    rs.apply(cmd('-P INPUT DROP'), at(10));
    expect(rs.chain('filter', 'INPUT')?.policy).toBe('DROP');
    rs.apply(cmd('-E WG WG2'), at(11));
    expect(rs.chain('filter', 'WG2')).toBeDefined();
  });

  it('restore flushes each table in the dump unless noflush', () => {
    const rs = new IptRuleset('ipv4');
    rs.apply(cmd('-A INPUT -j ACCEPT'), at(1));
    rs.apply(cmd('-t nat -A POSTROUTING -j MASQUERADE'), at(2));
    rs.applySave(parseIptablesSave('*filter\n-A INPUT -j DROP\nCOMMIT\n').ast, 'd');
    expect(rs.rules('filter', 'INPUT').map((r) => r.spec.target?.name)).toEqual(['DROP']);
    expect(rs.rules('nat', 'POSTROUTING')).toHaveLength(1);
    rs.applySave(parseIptablesSave('*filter\n-A INPUT -j REJECT\nCOMMIT\n').ast, 'd', { noflush: true });
    expect(rs.rules('filter', 'INPUT')).toHaveLength(2);
  });
});

describe('shadowing', () => {
  it('finds rules behind a catch-all DROP/REJECT in a dump, marking ESTABLISHED rules', () => {
    const text = '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -i lo -j ACCEPT\n-A INPUT -j REJECT\n-A INPUT -p udp --dport 51820 -j ACCEPT\n-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT\n-A INPUT -m comment --comment x -j DROP\nCOMMIT\n';
    const found = findRulesAfterCatchAllInSave(parseIptablesSave(text).ast, 'rules.v4');
    expect(found.map((f) => [text.slice(f.rule.provenance.range.start, f.rule.provenance.range.end), f.established])).toEqual([
      ['-A INPUT -p udp --dport 51820 -j ACCEPT', false],
      ['-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT', true],
      ['-A INPUT -m comment --comment x -j DROP', false],
    ]);
    expect(found[0]?.shadowedBy.spec.target?.name).toBe('REJECT');
  });

  it('does not treat conditional DROP/REJECT as catch-all', () => {
    const text = '*filter\n-A INPUT -i eth0 -j DROP\n-A INPUT -p udp --dport 51820 -j ACCEPT\nCOMMIT\n';
    expect(findRulesAfterCatchAllInSave(parseIptablesSave(text).ast, 'f')).toEqual([]);
  });

  it('finds covering earlier rules by conditions (wildcard interfaces included)', () => {
    const rules = ['-A INPUT -i wg+ -j DROP', '-A INPUT -i eth0 -j DROP', '-A INPUT -i wg0 -p udp --dport 53 -j ACCEPT', '-A INPUT -p udp -j ACCEPT'].map((l) => ({ spec: cmd(l).rule! }));
    expect(findShadowingRule(rules, 2, 'ipv4')).toBe(rules[0]);
    expect(findShadowingRule(rules, 3, 'ipv4')).toBeUndefined();
  });
});

describe('findShadowedRules', () => {
  it('agrees with findShadowingRule and stays fast on a long chain', async () => {
    const { findShadowedRules } = await import('../src/index.js');
    const lines = ['-A INPUT -i wg+ -j ACCEPT', '-A INPUT -i eth0 -p tcp --dport 22 -j ACCEPT', '-A INPUT -i eth0 -p tcp --dport 22 -m comment --comment dup -j ACCEPT', '-A INPUT -i wg0 -p udp -j DROP', '-A INPUT -p udp -j ACCEPT'];
    const rules = lines.map((l) => ({ spec: cmd(l).rule! }));
    const fast = findShadowedRules(rules, 'ipv4', new Set(['ACCEPT']));
    const slow = rules.map((_, i) => findShadowingRule(rules, i, 'ipv4', new Set(['ACCEPT']))).map((r, i) => (r ? [i, rules.indexOf(r)] : undefined)).filter(Boolean);
    expect(fast.map((f) => [f.index, rules.indexOf(f.by)])).toEqual(slow);
    expect(fast.map((f) => f.index)).toEqual([2, 3]);
    const many = Array.from({ length: 5_000 }, (_, i) => ({ spec: cmd(`-A INPUT -s 10.0.${(i >> 8) & 255}.${i & 255} -p udp --dport ${(i % 60000) + 1} -j ACCEPT`).rule! }));
    const t0 = performance.now();
    expect(findShadowedRules(many, 'ipv4')).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, 60_000);
});
