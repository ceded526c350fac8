import { describe, expect, it } from 'vitest';
import { formatNft, parseNft, printNftCanonical, printPriority, visitNft, walkNft, toCidr, toInterfaceName, toPortRange, isTerminalStatement, membersOf } from '../src/index.js';
import type { NftMatch, NftTable } from '../src/index.js';

describe('printNftCanonical', () => {
  it('prints the nft list layout: tabs, ordering, policy, set spacing', () => {
    const src = `table inet t {
  chain c {
    ip saddr {10.0.0.1,10.0.0.2} accept
    type filter hook input priority 0
    ct state established,related accept
  }
  set s { type ipv4_addr; flags interval; elements = { 10.0.0.0/8 } }
}
`;
    // separators are missing above on purpose? no: every item ends at a newline except inside the set block
    const r = parseNft(src.replace('elements = { 10.0.0.0/8 } }', 'elements = { 10.0.0.0/8 }; }'));
    expect(r.problems).toEqual([]);
    expect(printNftCanonical(r.ast)).toBe(`table inet t {
\tset s {
\t\ttype ipv4_addr
\t\tflags interval
\t\telements = { 10.0.0.0/8 }
\t}

\tchain c {
\t\ttype filter hook input priority filter; policy accept;
\t\tip saddr { 10.0.0.1, 10.0.0.2 } accept
\t\tct state established,related accept
\t}
}
`);
  });

  it('round-trips a listing', () => {
    const listing = `table ip nat {
\tchain postrouting {
\t\ttype nat hook postrouting priority srcnat; policy accept;
\t\toifname "eth0" ip saddr 10.8.0.0/24 masquerade
\t\ttcp dport 80 dnat to 10.0.0.2:8080
\t}
}
table inet filter {
\tchain forward {
\t\ttype filter hook forward priority filter - 10; policy drop;
\t\tiifname "wg*" counter packets 0 bytes 0 accept comment "wg"
\t\tjump {
\t\t\ttcp dport 22 accept
\t\t}
\t}
}
`;
    expect(printNftCanonical(parseNft(listing).ast)).toBe(listing);
  });

  it('names priorities like prio2str', () => {
    const p = (value: number) => ({ type: 'NftPriority' as const, text: String(value), keyword: null, value, range: { start: 0, end: 0 } });
    expect(printPriority(p(0), 'inet', 'input')).toBe('filter');
    expect(printPriority(p(-5), 'ip', 'input')).toBe('filter - 5');
    expect(printPriority(p(-100), 'ip', 'prerouting')).toBe('dstnat');
    expect(printPriority(p(-100), 'ip', 'input')).toBe('-100');
    expect(printPriority(p(-200), 'bridge', 'forward')).toBe('filter');
    expect(printPriority(p(42), 'inet', 'input')).toBe('security - 8');
    expect(printPriority(p(200), 'inet', 'input')).toBe('200');
  });
});

describe('formatNft', () => {
  it('re-indents with tabs, keeps comments and bad lines byte for byte, is idempotent', () => {
    const src = 'table inet t {   # main table\n    chain c {\n  # keep   this\n        tcp   dport 22    accept\n        this is   not nft\n    }\n}\n';
    const out = formatNft(src);
    expect(out).toBe('table inet t {   # main table\n\tchain c {\n  # keep   this\n\t\ttcp dport 22 accept\n        this is   not nft\n\t}\n}\n');
    expect(formatNft(out)).toBe(out);
  });

  it('keeps multi-line set continuation lines and CRLF', () => {
    const src = 'table inet t {\r\n\tset s {\r\n\t\ttype ipv4_addr\r\n\t\telements = { 10.0.0.1,\r\n\t\t\t     10.0.0.2 }\r\n\t}\r\n}\r\n';
    expect(formatNft(src)).toBe(src);
  });
});

describe('walker and operand helpers', () => {
  const r = parseNft('table inet t {\n\tchain c {\n\t\tip saddr 10.1.2.3/8 tcp dport 1024-65535 iifname "wg*" accept\n\t\tudp dport { 53, 123 } drop\n\t}\n}\n');
  it('visits typed nodes', () => {
    const seen: string[] = [];
    visitNft(r.ast, { NftRule: (n) => seen.push(`rule:${n.statements.length}`), NftVerdict: (n) => seen.push(n.verdict) });
    expect(seen).toEqual(['rule:4', 'accept', 'rule:2', 'drop']);
    let leaves = 0;
    walkNft(r.ast, { enter: (n) => (n.type === 'NftChain' ? undefined : undefined), leave: () => void leaves++ });
    expect(leaves).toBeGreaterThan(10);
  });
  it('converts operands', () => {
    const rule = (r.ast.commands[0] as NftTable).chains[0]!.rules[0]!;
    const [saddr, dport, ifn, v] = rule.statements as [NftMatch, NftMatch, NftMatch, never];
    expect(toCidr(saddr.right)?.toCidrString()).toBe('10.0.0.0/8');
    expect(toPortRange(dport.right)).toEqual({ low: 1024, high: 65535 });
    expect(toInterfaceName(ifn.right)).toEqual({ name: 'wg', wildcard: true });
    expect(isTerminalStatement(v)).toBe(true);
    expect(isTerminalStatement(saddr)).toBe(false);
    const rule2 = (r.ast.commands[0] as NftTable).chains[0]!.rules[1]!;
    expect(membersOf((rule2.statements[0] as NftMatch).right)).toHaveLength(2);
  });
});

describe('deep inputs', () => {
  it('prints very long operator chains and reports too-deep nesting without throwing', () => {
    const deep = 'table inet t {\n\tchain c {\n\t\tmeta mark set ' + Array(20000).fill('1').join(' | ') + '\n\t}\n}\n';
    const r = parseNft(deep);
    expect(r.problems).toEqual([]);
    expect(printNftCanonical(r.ast)).toContain('meta mark set 1 | 1 | 1');
    const nest = '('.repeat(50000) + '1' + ')'.repeat(50000);
    const p = parseNft(`add rule ip t c meta mark ${nest}`).problems;
    expect(p.length).toBeGreaterThan(0);
  });
});
