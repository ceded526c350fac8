import { describe, expect, it } from 'vitest';
import { parseNft } from '../../src/index.js';
import { buildNftModel, findJumpCycles, reachingBaseChains, tableKey } from '../../src/model/index.js';

const model = (text: string, file = 'a.nft') => buildNftModel({ file, ast: parseNft(text).ast, text });

describe('nft symbol model', () => {
  it('merges block form and command form into one table', () => {
    const text = `define wan = "eth0"
add table inet f
add chain inet f input { type filter hook input priority filter + 5; policy drop; }
add rule inet f input iifname $wan jump x
table inet f {
  set s { type ipv4_addr; flags interval; elements = { 10.0.0.0/8 }; }
  map m { type ipv4_addr : verdict; }
  chain x { ip saddr @s accept; ip daddr vmap @m; goto y; }
  chain y { masquerade; }
}
add element inet f s { 1.1.1.1 }
`;
    const m = model(text);
    expect(m.tables.map((t) => t.key)).toEqual(['inet f']);
    const t = m.table('inet', 'f')!;
    expect(t.declared).toBe(true);
    expect(t.open).toBe(false);
    expect(t.declarations).toHaveLength(2);
    const input = t.chains.get('input')!;
    expect(input).toMatchObject({ base: true, chainType: 'filter', hook: 'input', priority: 5, priorityText: 'filter + 5' });
    expect(input.policy?.value).toBe('drop');
    expect(input.rules).toHaveLength(1);
    expect(t.chains.get('x')!.base).toBe(false);
    const s = t.sets.get('s')!;
    expect(s).toMatchObject({ kind: 'set', keyType: ['ipv4_addr'], flags: ['interval'] });
    expect(s.elements.map((e) => e.via)).toEqual(['declaration', 'command']);
    expect(s.references.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['@s']);
    expect(t.sets.get('m')!).toMatchObject({ kind: 'map', dataType: ['verdict'] });
    expect(m.jumps.map((e) => [e.kind, e.from.name, e.targetName, e.to?.name])).toEqual([
      ['jump', 'input', 'x', 'x'],
      ['goto', 'x', 'y', 'y'],
    ]);
    expect(m.jumps[0]!.range).toEqual({ start: text.indexOf('jump x') + 5, end: text.indexOf('jump x') + 6 });
    expect(m.defines.map((d) => [d.name, d.uses.length])).toEqual([['wan', 1]]);
    expect(m.elementCommands[0]!.set?.name).toBe('s');
    expect(tableKey('inet', 'f')).toBe('inet f');
  });

  it('resolves variables in scope order: file, table block, undefined, chain-local', () => {
    const text = `table ip a {
  define y = "lo"
  chain c { iifname $y accept; iifname $z accept; }
}
table ip b {
  chain c {
    define w = "lo"
    iifname $y accept
    iifname $w accept
  }
}
define z = "eth0"
`;
    const m = model(text);
    expect(m.variableUses.map((u) => [u.name, u.define?.scope ?? null, u.chainLocal])).toEqual([
      ['y', 'ip a', false],
      ['z', null, false],
      ['y', null, false],
      ['w', 'ip b', true],
    ]);
    expect(m.defines.find((d) => d.name === 'z')!.uses).toEqual([]);
  });

  it('applies flush ruleset, delete table, flush chain and delete chain in order', () => {
    const text = `table ip old { chain c { accept; }; }
flush ruleset
table inet f {
  chain a { drop; }
  chain b { accept; }
  set s { type ipv4_addr; }
}
flush chain inet f a
delete chain inet f b
delete set inet f s
table ip g { chain c { accept; }; }
delete table ip g
`;
    const m = model(text);
    expect(m.effects.map((e) => e.kind)).toEqual(['flush-ruleset', 'flush-chain', 'delete-chain', 'delete-set', 'delete-table']);
    expect(m.tables.map((t) => t.key)).toEqual(['inet f']);
    expect(m.allTables.map((t) => [t.key, t.removedBy !== null])).toEqual([
      ['ip old', true],
      ['inet f', false],
      ['ip g', true],
    ]);
    const f = m.table('inet', 'f')!;
    expect([...f.chains.keys()]).toEqual(['a']);
    expect(f.chains.get('a')!.rules).toEqual([]);
    expect(f.allChains.get('b')!.removedBy).not.toBeNull();
    expect(f.sets.size).toBe(0);
    expect(m.rules).toHaveLength(4);
  });

  it('marks tables it only extends as open, and unresolved includes as incomplete', () => {
    const m = model('add rule inet filter input jump wg_in\ninclude "/etc/x/*.nft"\n');
    const t = m.table('inet', 'filter')!;
    expect(t.declared).toBe(false);
    expect(t.open).toBe(true);
    expect(t.chains.get('input')!.declared).toBe(false);
    expect(m.incomplete).toBe(true);
    expect(m.includes[0]!.files).toBeNull();
  });

  it('follows includes through the resolver; their defines are visible after the include', () => {
    const vars = parseNft('define wan = "eth0"\n').ast;
    const main = 'include "vars.nft"\ntable inet f { chain c { iifname $wan accept; }; }\n';
    const m = buildNftModel(
      { file: 'main.nft', ast: parseNft(main).ast, text: main },
      { resolveInclude: (inc) => (inc.path.text === 'vars.nft' ? [{ file: 'vars.nft', ast: vars }] : null) },
    );
    expect(m.incomplete).toBe(false);
    expect(m.files).toEqual(['main.nft', 'vars.nft']);
    expect(m.variableUses[0]!.define?.file).toBe('vars.nft');
    expect(m.includes[0]!.files).toEqual(['vars.nft']);
  });

  it('resolves jump $var through a define and jumps in anonymous chains and named verdict maps', () => {
    const text = `define t = "x"
table ip f {
  map vm { type ipv4_addr : verdict; elements = { 10.0.0.1 : jump z }; }
  chain input { type filter hook input priority 0; jump $t; ip saddr vmap @vm; jump { goto y; }; }
  chain x { }
  chain y { }
  chain z { }
}
`;
    const m = model(text);
    expect(m.jumps.map((e) => [e.targetName, e.via, e.to?.name ?? null])).toEqual([
      ['x', 'verdict', 'x'],
      ['y', 'verdict', 'y'],
      ['z', 'vmap', 'z'],
    ]);
    expect(m.table('ip', 'f')!.chains.get('z')!.jumpedFrom).toHaveLength(1);
  });

  it('finds reaching base chains and jump cycles', () => {
    const text = `table ip f {
  chain input { type filter hook input priority 0; jump a; }
  chain post { type nat hook postrouting priority srcnat; jump b; }
  chain a { jump b; }
  chain b { goto a; }
  chain lone1 { jump lone2; }
  chain lone2 { jump lone1; }
}
`;
    const m = model(text);
    const t = m.table('ip', 'f')!;
    expect(reachingBaseChains(t.chains.get('b')!).map((r) => [r.base.name, r.path.map((c) => c.name).join('>')])).toEqual([
      ['post', 'post>b'],
      ['input', 'input>a>b'],
    ]);
    const cycles = findJumpCycles(m);
    expect(cycles.map((c) => c.cycle.map((x) => x.name).join('>'))).toEqual(['a>b>a']);
  });

  it('sees variables in statement options, policies, objects and set elements', () => {
    const text = `define port = 8080
define pfx = "wg: "
define pol = drop
define s = { 1.2.3.4 }
define a = 10.0.0.1
table ip t {
  set x { type ipv4_addr; elements = { $a }; }
  chain c {
    type filter hook input priority 0; policy $pol;
    tcp dport 42 tproxy to 192.168.0.1:$port
    log prefix $pfx
  }
}
table netdev n {
  tunnel tu {
    ip saddr $s
  }
}
`;
    const m = model(text);
    expect(m.defines.map((d) => [d.name, d.uses.length])).toEqual([['port', 1], ['pfx', 1], ['pol', 1], ['s', 1], ['a', 1]]);
    expect(m.variableUses.every((u) => u.define !== null)).toBe(true);
  });

  describe('define scoping (each case checked with nft 1.0.6 `nft -c` / `nft -f` + `list ruleset`)', () => {
    const uses = (text: string) =>
      model(text).variableUses.map((u) => [u.name, u.define ? text.slice(u.define.node.value!.range.start, u.define.node.value!.range.end) : null]);

    it('a define in one table block is not visible in another table (nft: unknown identifier)', () => {
      const text = 'table inet a {\n\tdefine p = 22\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\ntable inet b {\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\n';
      expect(uses(text)).toEqual([['p', '22'], ['p', null]]);
    });

    it('a table block reopened later does not see the first block\'s defines', () => {
      const text = 'table inet a {\n\tdefine p = 22\n}\ntable inet a {\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\n';
      expect(uses(text)).toEqual([['p', null]]);
    });

    it('a chain-block define is visible in that chain, after it, only', () => {
      const text = 'table inet a {\n\tchain c {\n\t\ttcp dport $q accept\n\t\tdefine q = 22\n\t\ttcp sport $q accept\n\t}\n\tchain d {\n\t\ttcp dport $q accept\n\t}\n}\n';
      const m = model(text);
      expect(m.variableUses.map((u) => [u.define?.chain ?? null, u.chainLocal])).toEqual([[null, false], ['c', true], [null, false]]);
      expect(m.defines.map((d) => [d.name, d.scope, d.chain, d.uses.length])).toEqual([['q', 'inet a', 'c', 1]]);
    });

    it('a chain-block define reaches the hook spec after it (priority $q)', () => {
      const text = 'table inet a {\n\tchain c {\n\t\tdefine q = 5\n\t\ttype filter hook input priority $q; policy accept;\n\t}\n}\n';
      const m = model(text);
      expect(m.variableUses.map((u) => [u.name, u.chainLocal])).toEqual([['q', true]]);
      expect(m.table('inet', 'a')!.chains.get('c')!.priority).toBe(5);
    });

    it('redefine in a chain shadows the outer value in that chain only (nft lists 23, then 22, 22)', () => {
      const text = 'define p = 22\ntable inet a {\n\tchain c {\n\t\tredefine p = 23\n\t\ttcp dport $p accept\n\t}\n\tchain d {\n\t\ttcp dport $p accept\n\t}\n}\ntable inet b {\n\tchain e {\n\t\ttcp dport $p accept\n\t}\n}\n';
      expect(uses(text)).toEqual([['p', '23'], ['p', '22'], ['p', '22']]);
      expect(model(text).defines.every((d) => d.redefinitionOf === null)).toBe(true);
    });

    it('redefine at file level replaces the value for later uses only', () => {
      const text = 'define p = 22\ntable inet a {\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\nredefine p = 24\ntable inet b {\n\tchain e {\n\t\ttcp dport $p accept\n\t}\n}\n';
      expect(uses(text)).toEqual([['p', '22'], ['p', '24']]);
    });

    it('undefine then use is an unknown identifier; undefine only unbinds in its own block', () => {
      expect(uses('define p = 22\nundefine p\ntable inet a {\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\n')).toEqual([['p', null]]);
      // nft: `undefine p` in a chain leaves the file-level p (the rule loads as `tcp dport 22`)
      expect(uses('define p = 22\ntable inet a {\n\tchain c {\n\t\tundefine p\n\t\ttcp dport $p accept\n\t}\n}\n')).toEqual([['p', '22']]);
      // redefine + undefine in a table block: the outer 22 shows again
      expect(uses('define p = 22\ntable inet a {\n\tredefine p = 23\n\tundefine p\n\tchain c {\n\t\ttcp dport $p accept\n\t}\n}\n')).toEqual([['p', '22']]);
      // define after undefine in the same chain
      expect(uses('table inet a {\n\tchain c {\n\t\tdefine q = 1\n\t\tundefine q\n\t\tdefine q = 2\n\t\ttcp dport $q accept\n\t}\n}\n')).toEqual([['q', '2']]);
    });

    it('a define of a name visible from an enclosing block is a redefinition (nft refuses it)', () => {
      const m = model('define p = 22\ntable inet a {\n\tdefine p = 23\n\tchain c {\n\t\tdefine p = 24\n\t}\n}\ndefine p = 25\n');
      expect(m.defines.map((d) => [d.scope, d.redefinitionOf?.scope ?? null])).toEqual([['top', null], ['inet a', 'top'], ['inet a', 'inet a'], ['top', 'top']]);
      const ok = model('table inet a {\n\tdefine p = 23\n}\ntable inet b {\n\tdefine p = 24\n}\n');
      expect(ok.defines.map((d) => d.redefinitionOf)).toEqual([null, null]);
    });

    it('an include in a table block binds in that table\'s scope', () => {
      const inc = parseNft('define q = 22\n').ast;
      const main = 'table inet a {\n\tinclude "inc.nft"\n\tchain c {\n\t\ttcp dport $q accept\n\t}\n}\ntable inet b {\n\tchain c {\n\t\ttcp dport $q accept\n\t}\n}\n';
      const m = buildNftModel({ file: 'main.nft', ast: parseNft(main).ast, text: main }, { resolveInclude: () => [{ file: 'inc.nft', ast: inc }] });
      expect(m.variableUses.map((u) => u.define?.file ?? null)).toEqual(['inc.nft', null]);
    });
  });

  it('never throws on partial ASTs (syntax errors)', () => {
    for (const text of ['table inet f { chain c { jump', 'add rule', 'define = ', 'table { set s { elements = { 1', '}}}']) {
      expect(() => model(text)).not.toThrow();
    }
  });
});
