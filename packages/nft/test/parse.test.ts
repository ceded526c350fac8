import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseNft, parseNftCommandLine, walkNft, type NftChain, type NftMatch, type NftNat, type NftNode, type NftRule,
  type NftSet, type NftTable, type NftVerdict, type NftOptionStatement,
} from '../src/index.js';

const table = (text: string): NftTable => {
  const r = parseNft(text);
  expect(r.problems).toEqual([]);
  return r.ast.commands[0] as NftTable;
};
const firstRule = (rule: string, family = 'inet'): NftRule => {
  const r = parseNftCommandLine(`add rule ${family} t c ${rule}`);
  expect(r.problems).toEqual([]);
  return r.ast.commands[0] as NftRule;
};
const messages = (text: string): string[] => parseNft(text).problems.map((p) => p.message);

describe('tables and chains', () => {
  it('builds a table with a base chain, priority resolved per family', () => {
    const t = table(`table inet fw {
\tchain input {
\t\ttype filter hook input priority filter - 10; policy drop;
\t\tct state established,related accept
\t}
\tchain jumped {
\t}
}
`);
    expect(t.type).toBe('NftTable');
    expect(t.family).toBe('inet');
    expect(t.name?.text).toBe('fw');
    const c = t.chains[0]!;
    expect(c.hook?.chainType.text).toBe('filter');
    expect(c.hook?.hook.text).toBe('input');
    expect(c.hook?.priority?.value).toBe(-10);
    expect(c.hook?.priority?.keyword).toBe('filter');
    expect(c.policy?.text).toBe('drop');
    expect(c.rules).toHaveLength(1);
    expect(t.chains[1]!.hook).toBeNull();
  });

  it('resolves bridge and nat priority names', () => {
    const b = table('table bridge b {\n\tchain c {\n\t\ttype filter hook forward priority filter; policy accept;\n\t}\n}\n');
    expect(b.chains[0]!.hook?.priority?.value).toBe(-200);
    const n = table('table ip n {\n\tchain c {\n\t\ttype nat hook prerouting priority dstnat + 5; policy accept;\n\t}\n}\n');
    expect(n.chains[0]!.hook?.priority?.value).toBe(-95);
    const m = table('table ip n {\n\tchain c {\n\t\ttype filter hook prerouting priority -300;\n\t}\n}\n');
    expect(m.chains[0]!.hook?.priority?.value).toBe(-300);
  });

  it('defaults the family to ip and keeps netdev devices', () => {
    const t = table('table x {\n}\n');
    expect(t.family).toBe('ip');
    expect(t.familyExplicit).toBe(false);
    const n = table('table netdev x {\n\tchain c {\n\t\ttype filter hook ingress device "eth0" priority 0;\n\t}\n}\n');
    expect(n.chains[0]!.hook?.device?.text).toBe('eth0');
  });

  it('parses command forms', () => {
    const r = parseNft(`add table inet wg
add chain inet wg wgfwd { type filter hook forward priority 0; policy accept; }
insert rule inet wg wgfwd position 3 iifname "wg0" accept
delete rule inet wg wgfwd handle 7
delete table inet wg
flush ruleset
list ruleset inet
rename chain inet wg wgfwd fwd2
`);
    expect(r.problems).toEqual([]);
    const [t, c, ins, del, delT, flush, list, ren] = r.ast.commands;
    expect(t).toMatchObject({ type: 'NftTable', verb: 'add', hasBlock: false });
    expect((c as NftChain).hook?.hook.text).toBe('forward');
    expect(ins).toMatchObject({ type: 'NftRule', verb: 'insert', position: { kind: 'position', value: 3 } });
    expect(del).toMatchObject({ type: 'NftRule', verb: 'delete', position: { kind: 'handle', value: 7 } });
    expect(delT).toMatchObject({ type: 'NftTable', verb: 'delete' });
    expect(flush).toMatchObject({ type: 'NftGenericCommand', verb: 'flush', object: 'ruleset' });
    expect(list).toMatchObject({ type: 'NftGenericCommand', verb: 'list', family: 'inet' });
    expect(ren).toMatchObject({ type: 'NftChain', verb: 'rename', newName: { text: 'fwd2' } });
  });

  it('accepts a rule without the `rule` keyword', () => {
    const r = parseNftCommandLine('add ip filter output ip daddr 1.2.3.4 drop');
    expect(r.problems).toEqual([]);
    expect(r.ast.commands[0]).toMatchObject({ type: 'NftRule', family: 'ip', table: { text: 'filter' }, chain: { text: 'output' } });
  });
});

describe('statements and expressions', () => {
  it('types matches, verdicts and counters', () => {
    const r = firstRule('ip saddr 10.0.0.0/8 tcp dport { 22, 80-90 } counter jump other');
    const [m1, m2, cnt, v] = r.statements as [NftMatch, NftMatch, NftOptionStatement, NftVerdict];
    expect(m1.left).toMatchObject({ type: 'NftPayload', protocol: 'ip', field: 'saddr' });
    expect(m1.right).toMatchObject({ type: 'NftPrefix', length: 8, address: { type: 'NftAddress', family: 'ip', text: '10.0.0.0' } });
    expect(m2.right.type).toBe('NftSetExpr');
    expect(cnt).toMatchObject({ type: 'NftStatement', keyword: 'counter' });
    expect(v).toMatchObject({ type: 'NftVerdict', verdict: 'jump', target: { text: 'other' } });
  });

  it('handles meta, ct, operators, wildcards and lists', () => {
    const r = firstRule('meta l4proto udp iifname "wg*" ct state != { invalid } meta mark & 0xff == 0x1 accept');
    const [a, b, c, d] = r.statements as NftMatch[];
    expect(a!.left).toMatchObject({ type: 'NftMeta', key: 'l4proto', qualified: true });
    expect(b!.right).toMatchObject({ type: 'NftWildcard', prefix: 'wg' });
    expect(c!.op).toBe('!=');
    expect(d!.left).toMatchObject({ type: 'NftBinary', op: '&' });
    expect(d!.op).toBe('==');
  });

  it('parses NAT statements with ports, maps and flags', () => {
    const dnat = firstRule('tcp dport 80 dnat ip to 10.0.0.2:8080', 'ip').statements[1] as NftNat;
    expect(dnat).toMatchObject({ type: 'NftNat', kind: 'dnat', family: 'ip', address: { text: '10.0.0.2' }, port: { text: '8080' } });
    const masq = firstRule('oifname "eth0" masquerade to :1024-2048 random,persistent').statements[1] as NftNat;
    expect(masq).toMatchObject({ kind: 'masquerade', address: null, port: { type: 'NftRange' }, flags: ['random', 'persistent'] });
    const snat = firstRule('snat to ip saddr map { 10.0.0.1 : 192.168.1.1 }', 'ip').statements[0] as NftNat;
    expect(snat.address?.type).toBe('NftMapLookup');
  });

  it('parses mangling, vmaps, limits, logs, rejects and set statements', () => {
    const r = firstRule('meta mark set ct mark | 0x10 ip saddr vmap { 10.0.0.1 : accept } limit rate over 10/second burst 5 packets log prefix "x " level info reject with icmpx admin-prohibited');
    expect(r.statements.map((s) => (s.type === 'NftStatement' ? s.keyword : s.type))).toEqual(['NftMangle', 'NftVmap', 'limit', 'log', 'reject']);
    const s = firstRule('add @seen { ip saddr timeout 1m } update @m { ip saddr : 1 }');
    expect(s.statements.map((x) => (x as NftOptionStatement).ref?.text)).toEqual(['seen', 'm']);
  });

  it('parses raw payloads, exthdrs, tcp options, fib, numgen, jhash, osf, socket', () => {
    for (const rule of [
      '@nh,8,8 0xff', 'tcp option maxseg size 1-500', 'exthdr hbh exists', 'frag more-fragments 1', 'fib saddr . iif oif missing drop',
      'ct mark set numgen inc mod 2', 'meta mark set jhash ip saddr . tcp dport mod 4 seed 0x1', 'osf ttl skip name "Linux"',
      'socket transparent 1', 'ct original ip saddr 1.2.3.4', 'rt mtu 1400', 'ipsec in reqid 1', 'srh sid[1] dead::beef',
      'udp dport 4789 vxlan ip saddr 10.0.0.1', 'sctp chunk data flags 2', 'ether type 8021q', 'queue flags bypass,fanout to 1-3',
      'ip6 daddr [::1]', 'meta hour "17:00"-"19:00"', 'ct expiration 1m30s', 'tcp flags syn / syn,ack', 'meta priority 1:1234',
    ]) {
      expect(parseNftCommandLine(`add rule inet t c ${rule}`).problems, rule).toEqual([]);
    }
  });

  it('parses sets and maps with key types and elements', () => {
    const t = table(`table inet t {
\tset allowed {
\t\ttype ipv4_addr . inet_service
\t\tflags interval,timeout
\t\ttimeout 1h
\t\telements = { 10.0.0.0/8 . 22, 192.168.0.1 . 80 timeout 5m }
\t}

\tmap ports {
\t\ttype inet_service : verdict
\t\telements = { 22 : accept, 80 : jump web }
\t}

\tset tq {
\t\ttypeof ip saddr
\t}
}
`);
    const [s, m, tq] = t.sets as [NftSet, NftSet, NftSet];
    expect(s.keyType.map((k) => k.text)).toEqual(['ipv4_addr', 'inet_service']);
    expect(s.flags).toEqual(['interval', 'timeout']);
    expect(s.elements).toHaveLength(2);
    expect(m.kind).toBe('map');
    expect(m.dataType.map((d) => d.text)).toEqual(['verdict']);
    expect(m.elements?.[1]?.value).toMatchObject({ type: 'NftVerdictExpr', verdict: 'jump', target: 'web' });
    expect(tq.typeofKey[0]).toMatchObject({ type: 'NftPayload', protocol: 'ip', field: 'saddr' });
  });

  it('keeps defines, variables and comments', () => {
    const r = parseNft('define wan = eth0 # uplink\ntable inet t {\n\tchain c {\n\t\tiifname $wan accept comment "x"\n\t}\n}\n');
    expect(r.problems).toEqual([]);
    expect(r.ast.commands[0]).toMatchObject({ type: 'NftDefine', kind: 'define', name: { text: 'wan' } });
    const rule = (r.ast.commands[1] as NftTable).chains[0]!.rules[0]!;
    expect((rule.statements[0] as NftMatch).right).toMatchObject({ type: 'NftVariable', name: 'wan' });
    expect(rule.comment).toBe('x');
    expect(r.ast.comments.map((c) => c.text)).toEqual(['# uplink']);
  });

  it('keeps chain-block defines in order and resolves $var priorities by block scope', () => {
    const prio = (text: string): (number | null)[] =>
      parseNft(text).ast.commands.flatMap((c) => (c.type === 'NftTable' ? c.chains.map((ch) => ch.hook?.priority?.value ?? null) : []));
    const hook = 'type filter hook input priority $p; policy accept;';
    // a table-block define reaches its chains only, not another table's
    expect(prio(`table inet a {\n\tdefine p = -10\n\tchain c {\n\t\t${hook}\n\t}\n}\ntable inet b {\n\tchain c {\n\t\t${hook}\n\t}\n}\n`)).toEqual([-10, null]);
    // redefine in a chain shadows the file-level value there only
    expect(prio(`define p = 5\ntable inet a {\n\tchain c {\n\t\tredefine p = 7\n\t\t${hook}\n\t}\n\tchain d {\n\t\t${hook}\n\t}\n}\n`)).toEqual([7, 5]);
    // undefine unbinds in its own block only
    expect(prio(`define p = 5\ntable inet a {\n\tchain c {\n\t\tundefine p\n\t\t${hook}\n\t}\n}\n`)).toEqual([5]);
    expect(prio(`define p = 5\nundefine p\ntable inet a {\n\tchain c {\n\t\t${hook}\n\t}\n}\n`)).toEqual([null]);
    const t = table('table inet a {\n\tchain c {\n\t\tdefine q = 1\n\t\ttcp dport $q accept\n\t\tundefine q\n\t}\n\tchain d {\n\t}\n}\n');
    expect(t.chains[0]!.defines!.map((d) => [d.kind, d.name.text])).toEqual([['define', 'q'], ['undefine', 'q']]);
    expect(t.chains[1]!.defines).toBeUndefined();
  });

  it('keeps the defines of set, flowtable and object blocks, which bind in the table (priorities see them)', () => {
    const t = table(
      'table inet a {\n\tset s {\n\t\tdefine x = 22\n\t\ttype inet_service\n\t\telements = { $x }\n\t}\n' +
        '\tflowtable f {\n\t\tredefine p = 5\n\t\thook ingress priority 0\n\t\tdevices = { lo }\n\t}\n' +
        '\tcounter k {\n\t\tundefine y\n\t\tpackets 0 bytes 0\n\t}\n' +
        '\tchain c {\n\t\ttype filter hook input priority $p; policy accept;\n\t}\n}\n',
    );
    expect(t.sets[0]!.defines!.map((d) => [d.kind, d.name.text])).toEqual([['define', 'x']]);
    expect(t.flowtables[0]!.defines!.map((d) => [d.kind, d.name.text])).toEqual([['redefine', 'p']]);
    expect(t.objects[0]!.defines!.map((d) => [d.kind, d.name.text])).toEqual([['undefine', 'y']]);
    expect(t.objects[0]!.lines).toEqual(['packets 0 bytes 0']);
    expect(t.chains[0]!.hook?.priority?.value).toBe(5);
  });
});

describe('syntax errors', () => {
  const cases: [string, RegExp][] = [
    ['table inet t { chain c { type filter hook input priority 0; } }\n', /newline or `;` before `}`/],
    ['table inet t {\n\tchain {\n\t}\n}\n', /expected a chain name after `chain`/],
    ['table inet t {\n\tchain c {\n\t\ttype filter hook input;\n\t}\n}\n', /expected `priority`/],
    ['table inet t {\n\tchain c {\n\t\ttype filter hook inptu priority 0;\n\t}\n}\n', /unknown chain hook `inptu`/],
    ['table inet t {\n\tchain c {\n\t\ttype filtre hook input priority 0;\n\t}\n}\n', /unknown chain type `filtre`/],
    ['table inet t {\n\tchain c {\n\t\tpolicy reject;\n\t}\n}\n', /invalid chain policy/],
    ['table foo t {\n}\n', /unknown family `foo`/],
    ['table inet t {\n\tchain fwd {\n\t}\n}\n', /reserved word/],
    ['table inet t {\n\tchain "c" {\n\t}\n}\n', /cannot be quoted/],
    ['table inet t {\n\tchain c {\n\t\ttcp dport\n\t}\n}\n', /expected a value to compare with after `tcp dport`/],
    ['table inet t {\n\tchain c {\n\t\tfoo bar\n\t}\n}\n', /unknown statement `foo`/],
    ['table inet t {\n\tchain c {\n\t}\n', /not closed/],
    ['table inet t {\n}\n}\n', /no matching `\{`/],
    ['add rule inet t c tcp dport 22 accept counter\ndelete rule inet wg wgfwd iifname wg0 accept\n', /`delete rule` selects rules by handle only/],
    ['table inet t {\n\tchain c {\n\t\tmeta mark set { 1, 2 }\n\t}\n}\n', /a set is not allowed here/],
    ['table inet t {\n\tchain c {\n\t\tiifname "wg0 accept\n\t}\n}\n', /unterminated string/],
    ['table inet t {\n\tchain c {\n\t\tjump\n\t}\n}\n', /expected a chain name after `jump`/],
  ];
  for (const [text, re] of cases) {
    it(`reports ${re.source}`, () => {
      const ms = messages(text);
      expect(ms.some((m) => re.test(m)), `${JSON.stringify(ms)} for ${JSON.stringify(text)}`).toBe(true);
    });
  }

  it('recovers: later lines still parse and each bad line is reported once', () => {
    const r = parseNft('table inet t {\n\tchain c {\n\t\tfoo\n\t\ttcp dport 22 accept\n\t\tbar baz\n\t}\n}\ntable inet u {\n}\n');
    expect(r.problems).toHaveLength(2);
    const t = r.ast.commands[0] as NftTable;
    expect(t.chains[0]!.rules).toHaveLength(1);
    expect(r.ast.commands).toHaveLength(2);
  });

  it('puts the error range on the offending token', () => {
    const text = 'table inet t {\n\tchain c {\n\t\ttcp dport 22 acept\n\t}\n}\n';
    const p = parseNft(text).problems[0]!;
    expect(text.slice(p.range.start, p.range.end)).toBe('acept');
  });
});

describe('ranges, mapOffset, includes', () => {
  it('gives every node a range inside the text', () => {
    const text = 'table inet t {\n\tset s {\n\t\ttype ipv4_addr\n\t\telements = { 10.0.0.1 }\n\t}\n\tchain c {\n\t\ttype filter hook input priority 0; policy drop;\n\t\tip saddr @s tcp dport { 22, 80 } ct state new counter accept\n\t\tjump { accept; }\n\t}\n}\n';
    const r = parseNft(text);
    expect(r.problems).toEqual([]);
    let n = 0;
    walkNft(r.ast, {
      enter(node: NftNode) {
        n++;
        expect(node.range.start).toBeGreaterThanOrEqual(0);
        expect(node.range.end).toBeLessThanOrEqual(text.length);
        expect(node.range.start).toBeLessThanOrEqual(node.range.end);
      },
    });
    expect(n).toBeGreaterThan(15);
  });

  it('maps offsets back through mapOffset', () => {
    const line = 'add rule inet t c tcp dport 22 acept';
    const r = parseNftCommandLine(line, { mapOffset: (o) => o + 1000 });
    expect(r.problems[0]!.range).toEqual({ start: 1000 + line.indexOf('acept'), end: 1000 + line.length });
    const ok = parseNftCommandLine('add rule inet t c accept', { mapOffset: (o) => o + 10 });
    expect(ok.ast.commands[0]!.range.start).toBe(10);
  });

  it('resolves includes through the callback, with cycle and depth bounds', () => {
    const files: Record<string, string> = {
      '/etc/a.nft': 'include "/etc/b.nft"\ntable inet a {\n}\n',
      '/etc/b.nft': 'include "/etc/a.nft"\ntable inet b {\n}\n',
      '/etc/d/1.nft': 'table inet g1 {\n}\n',
    };
    const r = parseNft('include "/etc/a.nft"\ninclude "/etc/d/*.nft"\ninclude "/missing.nft"\n', {
      fileName: '/etc/main.nft',
      include: { readFile: (p) => files[p] ?? null, glob: (g) => Object.keys(files).filter((f) => f.startsWith(g.replace('*.nft', ''))) },
    });
    expect(r.problems).toEqual([]);
    const [a, g, missing] = r.ast.commands as unknown as { type: string; resolved?: { file: string; ruleset: { commands: { type: string }[] } }[] }[];
    expect(a!.resolved?.[0]?.file).toBe('/etc/a.nft');
    const b = a!.resolved![0]!.ruleset.commands[0] as unknown as { resolved: { file: string; ruleset: { commands: { type: string; resolved?: unknown[] }[] } }[] };
    expect(b.resolved[0]!.file).toBe('/etc/b.nft');
    // b includes a again: the cycle stops there
    expect(b.resolved[0]!.ruleset.commands[0]!.resolved).toEqual([]);
    expect(g!.resolved?.map((x) => x.file)).toEqual(['/etc/d/1.nft']);
    expect(missing!.resolved).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws and always returns a ruleset', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseNft(s);
        expect(r.ast.type).toBe('NftRuleset');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('table', 'inet', 't', '{', '}', ';', '\n', 'chain', 'c', 'tcp', 'dport', '22', 'accept', '@', ',', 'set', 'elements', '=', '"x"', 'jump', 'ip', 'saddr', '10.0.0.1', '/', '-', ':', 'map', 'vmap'), { maxLength: 40 }), (ws) => {
        const r = parseNft(ws.join(' '));
        expect(Array.isArray(r.problems)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('define resolution in priorities', () => {
  it('resolves a numeric or named define used as a priority', () => {
    const t = parseNft('define p = -10\ndefine q = mangle\ntable inet t {\n\tchain a {\n\t\ttype filter hook input priority $p;\n\t}\n\tchain b {\n\t\ttype filter hook input priority $q;\n\t}\n}\n');
    expect(t.problems).toEqual([]);
    const tbl = t.ast.commands[2] as NftTable;
    expect(tbl.chains.map((c) => c.hook?.priority?.value)).toEqual([-10, -150]);
  });
});
