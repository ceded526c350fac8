import { describe, expect, it } from 'vitest';
import { formatNft, parseNft, printNftCanonical, printPriority, priorityNameAllowed, visitNft, walkNft, toCidr, toInterfaceName, toPortRange, isTerminalStatement, membersOf } from '../src/index.js';
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

  it('prints a priority name only where nft 1.0.6 and 1.1.x both accept it', () => {
    const p = (value: number) => ({ type: 'NftPriority' as const, text: String(value), keyword: null, value, range: { start: 0, end: 0 } });
    // nft 1.0.6: `dstnat` on prerouting only, `srcnat` on postrouting only (≥ 1.0.9 also output / input).
    expect(printPriority(p(-100), 'ip', 'output')).toBe('-100');
    expect(printPriority(p(-95), 'inet', 'output')).toBe('-95');
    expect(printPriority(p(100), 'ip6', 'input')).toBe('100');
    expect(printPriority(p(100), 'inet', 'postrouting')).toBe('srcnat');
    expect(printPriority(p(-100), 'inet', 'prerouting')).toBe('dstnat');
    expect(printPriority(p(-300), 'inet', 'ingress')).toBe('raw');
    // arp and netdev: `filter` only
    expect(printPriority(p(-300), 'arp', 'input')).toBe('-300');
    expect(printPriority(p(0), 'arp', 'output')).toBe('filter');
    expect(printPriority(p(-150), 'netdev', 'ingress')).toBe('-150');
    expect(printPriority(p(5), 'netdev', 'egress')).toBe('filter + 5');
    // bridge names by hook
    expect(printPriority(p(-300), 'bridge', 'prerouting')).toBe('dstnat');
    expect(printPriority(p(-300), 'bridge', 'input')).toBe('-300');
    expect(printPriority(p(100), 'bridge', 'output')).toBe('out');
    expect(printPriority(p(300), 'bridge', 'postrouting')).toBe('srcnat');
    expect(printPriority(p(300), 'bridge', 'forward')).toBe('300');
    expect(priorityNameAllowed('dstnat', 'ip', 'output')).toBe(false);
    expect(priorityNameAllowed('filter', 'bridge', 'input')).toBe(true);
    expect(priorityNameAllowed('bogus', 'ip', 'input')).toBe(false);
  });

  it('prints a nat output chain at -100 as a number, which parses back to the same value', () => {
    const src = 'table ip nat {\n\tchain out {\n\t\ttype nat hook output priority -100; policy accept;\n\t}\n}\n';
    const out = printNftCanonical(parseNft(src).ast);
    expect(out).toBe(src);
    const written = 'table ip nat {\n\tchain out {\n\t\ttype nat hook output priority dstnat + 0; policy accept;\n\t}\n}\n';
    expect(printNftCanonical(parseNft(written).ast)).toContain('priority -100;');
    // the layout formatter never rewrites a priority
    expect(formatNft('table ip nat {\n  chain out {\n    type nat hook output priority -100; policy accept;\n  }\n}\n')).toBe(src);
  });

  it('inlines $vars in rules, named-set elements and flowtable devices with the value in scope there', () => {
    const src = 'define d = "lo"\ndefine p = 22\ntable inet t {\n\tredefine p = 23\n\tset s {\n\t\ttype inet_service\n\t\telements = { $p }\n\t}\n\tflowtable f {\n\t\thook ingress priority 0; devices = { $d };\n\t}\n\tchain c {\n\t\tdefine q = 80\n\t\ttcp dport $q tcp sport $p accept\n\t}\n}\nadd rule inet t c tcp dport $p accept\n';
    const out = printNftCanonical(parseNft(src).ast);
    expect(out).toContain('elements = { 23 }');
    expect(out).toContain('devices = { "lo" }');
    expect(out).toContain('tcp dport 80 tcp sport 23 accept');
    expect(out).toContain('tcp dport 22 accept');
  });

  it('prints flowtable priorities as netdev does in every family (`filter` only, 0 also in bridge)', () => {
    const ft = (fam: string, prio: string) => printNftCanonical(parseNft(`table ${fam} t {\n\tflowtable f {\n\t\thook ingress priority ${prio}; devices = { lo };\n\t}\n}\n`).ast);
    expect(ft('inet', '0')).toContain('hook ingress priority filter\n');
    expect(ft('inet', '-300')).toContain('hook ingress priority -300\n');
    expect(ft('bridge', 'filter')).toContain('hook ingress priority filter\n');
    expect(ft('bridge', '-200')).toContain('hook ingress priority -200\n');
  });
});

describe('formatNft', () => {
  it('re-indents with tabs, keeps comments and bad lines byte for byte, is idempotent', () => {
    const src = 'table inet t {   # main table\n    chain c {\n  # keep   this\n        tcp   dport 22    accept\n        this is   not nft\n    }\n}\n';
    const out = formatNft(src);
    expect(out).toBe('table inet t {   # main table\n\tchain c {\n  # keep   this\n\t\ttcp dport 22 accept\n        this is   not nft\n\t}\n}\n');
    expect(formatNft(out)).toBe(out);
  });

  it('keeps every line inside a string that spans lines byte for byte, its last line included', () => {
    // nft strings may hold newlines; a mutated file's stray `"` can swallow a comment line
    const src = 'table inet t {\n    chain c {\n        meta comment "a\n   \n        #x 1 " rest of it\n        accept\n    }\n}\n';
    const out = formatNft(src);
    expect(out).toContain('"a\n   \n        #x 1 " rest of it\n');
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
