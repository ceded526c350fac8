// The facts of a dump rule come from its line's summary where they can (the AST is rebuilt only
// when a question needs it): they must equal the facts read from the rule's AST.
import { parseIptablesSave } from '@wglint/iptables';
import { describe, expect, it } from 'vitest';
import { DumpRuleFact, iptFactsOf } from '../src/ipt-facts.js';

const BODIES = [
  '-j ACCEPT',
  '-p all -j DROP',
  '! -p tcp -j DROP',
  '-p 0 -j REJECT',
  '-m comment --comment "just a note" -j REJECT',
  '-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
  '-m conntrack ! --ctstate INVALID -j ACCEPT',
  '-m state --state NEW,ESTABLISHED -m conntrack --ctstate INVALID -j DROP',
  '-p tcp -m tcp --dport 22 -j ACCEPT',
  '-p udp -m multiport --dports 53,123 -j ACCEPT',
  '-p tcp -m multiport --ports 80 -j ACCEPT',
  '-p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu',
  '-f -j DROP',
  '-m mark --mark 0x1 -j ACCEPT',
  '-m connmark --mark 0x2/0xff -j ACCEPT',
  '-m limit --limit 5/min -j LOG',
  '-p tcp -m tcp -j ACCEPT',
  '-i wg+ -o eth0 -s 10.0.0.0/8 -d 192.168.1.1 -j ACCEPT',
  '-s 10.0.0.1,10.0.0.2 -j ACCEPT',
];

describe('DumpRuleFact', () => {
  it('reads the same facts as the rule AST, with bodies repeated across chains', () => {
    const lines = ['*filter', ':INPUT ACCEPT [0:0]', ':a - [0:0]', ':b - [0:0]'];
    for (const b of BODIES) for (const c of ['a', 'b', 'INPUT']) lines.push(`-A ${c} ${b}`);
    lines.push('COMMIT', '');
    const { ast, problems } = parseIptablesSave(lines.join('\n'));
    expect(problems).toEqual([]);
    const questions = ['target', 'matchesAll', 'hasOtherMatches', 'states', 'modules', 'protocol', 'inIface', 'dports', 'specKey'] as const;
    for (const r of ast.tables[0]!.rules) {
      const fromSummary = new DumpRuleFact('ipv4', r.summary.chain!, r, 'rules.v4');
      const fromAst = iptFactsOf(r.command)!;
      for (const q of questions) expect(fromSummary.facts[q], `${q} of ${r.summary.chain} ${r.command.rule?.range.start}`).toEqual(fromAst[q]);
      expect(fromSummary.command).toBe(r.command);
      expect(fromSummary.origin).toEqual({ kind: 'file', file: 'rules.v4', range: r.range });
    }
  });
});
