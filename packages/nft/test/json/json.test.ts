import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '@wglint/core';
import { parseNft, type NftChain, type NftRule, type NftSet, type NftTable } from '../../src/index.js';
import { isNftJson, parseNftJson, parseNftSource } from '../../src/json/index.js';
import { buildNftModel, type NftModel } from '../../src/model/index.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');

/** Tables, chains (hook/priority/policy, rules and statement counts) and sets, for comparing two readings. */
function summary(m: NftModel): string {
  return m.tables
    .map((t) => {
      const chains = [...t.chains.values()].map((c) => `${c.name}:${c.base ? `${c.chainType}/${c.hook}/${c.priority}/${c.policy?.value ?? ''}` : '-'}:${c.rules.map((r) => r.node.statements.map((s) => s.type).join('+')).join(',')}`);
      const sets = [...t.sets.values()].map((s) => `${s.kind} ${s.name}:${s.keyType.join('.')}:${s.dataType.join('.')}:${s.elements.length}`);
      const jumps = [...t.chains.values()].flatMap((c) => c.jumps.map((e) => `${c.name}>${e.targetName}`));
      return `${t.key}\n  ${chains.join('\n  ')}\n  ${sets.join('\n  ')}\n  ${jumps.join(' ')}`;
    })
    .sort()
    .join('\n');
}

const at = (text: string, r: { start: number; end: number }): string => text.slice(r.start, r.end);

describe('parseNftJson: real `nft -j list ruleset` output (nft 1.0.6)', () => {
  const pairs = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));
  it('has fixtures', () => expect(pairs.length).toBeGreaterThanOrEqual(10));
  it.each(pairs)('%s: no problems, and the same model as `nft list ruleset` text', (name) => {
    const json = read(`${name}.json`);
    expect(isNftJson(json)).toBe(true);
    const r = parseNftJson(json);
    expect(r.problems).toEqual([]);
    const fromJson = buildNftModel({ file: 'j', ast: r.ast });
    const fromText = buildNftModel({ file: 't', ast: parseNft(read(`${name}.txt`)).ast });
    expect(summary(fromJson)).toBe(summary(fromText));
    // Every node range lies inside the text.
    for (const c of r.ast.commands) expect(c.range.end).toBeLessThanOrEqual(json.length);
  });

  it('reads the hub: names point at their strings, objects at their JSON objects', () => {
    const json = read('hub.json');
    const { ast } = parseNftJson(json);
    const table = ast.commands.find((c): c is NftTable => c.type === 'NftTable')!;
    expect(table).toMatchObject({ verb: 'add', family: 'inet', hasBlock: false });
    expect(at(json, table.name!.range)).toBe('fw');
    expect(at(json, table.range)).toMatch(/^\{"table": \{"family": "inet", "name": "fw", "handle": \d+\}\}$/);
    const input = ast.commands.find((c): c is NftChain => c.type === 'NftChain' && c.name?.text === 'input')!;
    expect(input.hook).toMatchObject({ chainType: { text: 'filter' }, hook: { text: 'input' }, priority: { value: 0 } });
    expect(input.policy?.text).toBe('drop');
    const set = ast.commands.find((c): c is NftSet => c.type === 'NftSet' && c.name?.text === 'admins')!;
    expect(set.keyType.map((k) => k.text)).toEqual(['ipv4_addr']);
    expect(set.flags).toEqual(['interval']);
    expect(set.elements!.map((e) => e.key.type)).toEqual(['NftPrefix', 'NftAddress']);
    const m = buildNftModel({ file: 'hub.json', ast });
    const edges = m.jumps.map((e) => `${e.from.name}>${e.targetName}:${e.via}`);
    expect(edges).toEqual(expect.arrayContaining(['input>from_wg:vmap', 'from_wg>log_and_drop:verdict', 'forward>wg_out:verdict']));
    const goto = m.jumps.find((e) => e.targetName === 'wg_out')!;
    expect(at(json, goto.range)).toBe('wg_out');
    const ref = m.setReferences.find((s) => s.name === 'admins')!;
    expect(at(json, ref.range)).toBe('@admins');
  });

  it('reads statements nft prints as text (anonymous chains) with ranges inside the string', () => {
    const json = read('features-chain_binding.json');
    const { ast, problems } = parseNftJson(json);
    expect(problems).toEqual([]);
    const rule = ast.commands.find((c): c is NftRule => c.type === 'NftRule')!;
    expect(rule.statements.map((s) => s.type)).toEqual(['NftVerdict']);
    const s = rule.statements[0]!;
    expect(s.range.start).toBeGreaterThan(json.indexOf('"jump {'));
    expect(s.range.end).toBeLessThan(json.indexOf('}"]') + 2);
  });

  it('reads command wrappers (libnftables JSON input): flush ruleset, table, chain, rule', () => {
    const json = read('examples-json-ruleset.json');
    const { ast, problems } = parseNftJson(json);
    expect(problems).toEqual([]);
    expect(ast.commands.map((c) => `${c.type}:${'verb' in c ? c.verb : ''}`)).toEqual(['NftGenericCommand:flush', 'NftTable:add', 'NftChain:add', 'NftRule:add']);
    const m = buildNftModel({ file: 'x', ast });
    expect(m.effects.map((e) => [e.kind, e.family])).toEqual([['flush-ruleset', 'ip']]);
    expect(m.table('ip', 'x')!.chains.get('y')!.rules).toHaveLength(1);
  });

  it('reads add/delete/flush commands in order', () => {
    const json = JSON.stringify({
      nftables: [
        { add: { table: { family: 'inet', name: 'f' } } },
        { add: { chain: { family: 'inet', table: 'f', name: 'c' } } },
        { add: { rule: { family: 'inet', table: 'f', chain: 'c', expr: [{ drop: null }] } } },
        { flush: { chain: { family: 'inet', table: 'f', name: 'c' } } },
        { add: { element: { family: 'inet', table: 'f', name: 's', elem: [{ elem: { val: '10.0.0.1', timeout: 60 } }] } } },
        { delete: { table: { family: 'inet', name: 'f' } } },
      ],
    });
    const { ast, problems } = parseNftJson(json);
    expect(problems).toEqual([]);
    const m = buildNftModel({ file: 'x', ast });
    expect(m.effects.map((e) => e.kind)).toEqual(['flush-chain', 'delete-table']);
    expect(m.tables).toEqual([]);
    expect(m.elementCommands).toHaveLength(1);
  });
});

describe('parseNftJson: problems', () => {
  const problem = (text: string) => {
    const r = parseNftJson(text);
    expect(r.problems.length, text).toBeGreaterThan(0);
    const p = r.problems[0]!;
    const pos = new LineIndex(text).positionAt(p.range.start);
    return { message: p.message, text: at(text, p.range), line: pos.line, column: pos.column };
  };

  it('malformed JSON: precise line and column', () => {
    expect(problem('{"nftables": [\n  {"table": {"family": "ip" "name": "x"}}\n]}')).toMatchObject({
      message: 'expected `,` or `}` after the value of "family", found `"`', text: '"', line: 2,
    });
    expect(problem('{"nftables": [1, 2,]}')).toMatchObject({ message: 'trailing comma before `]`: remove the last `,`', text: ',' });
    expect(problem('{"nftables": [{"table": {"name": "x}}]}').message).toMatch(/unterminated string/);
    expect(problem("{'nftables': []}").message).toMatch(/quoted member name/);
    expect(problem('{"nftables": [tru]}')).toMatchObject({ message: 'unexpected word `tru`: JSON strings need double quotes', text: 'tru' });
    expect(problem('{"nftables": []} x')).toMatchObject({ text: 'x', column: 18 });
    expect(problem('{"nftables": [').message).toMatch(/unexpected end of input/);
    expect(problem('{"nftables": []').message).toMatch(/not closed; add `}`/);
    expect(problem('').message).toMatch(/end of input/);
  });

  it('wrong shapes and unknown objects point at the offending key or value', () => {
    expect(problem('[]').message).toMatch(/expected a JSON object/);
    expect(problem('{}').message).toMatch(/missing "nftables"/);
    expect(problem('{"nftables": {}}').message).toMatch(/must be an array/);
    expect(problem('{"nftables": [{"tabel": {"family": "ip", "name": "x"}}]}')).toMatchObject({ text: '"tabel"', message: expect.stringMatching(/^unknown object "tabel": expected one of metainfo, table, chain/) });
    expect(problem('{"nftables": [{"table": {"family": "ipx", "name": "x"}}]}')).toMatchObject({ text: '"ipx"', message: expect.stringMatching(/unknown family "ipx"/) });
    expect(problem('{"nftables": [{"chain": {"family": "ip", "name": "c"}}]}').message).toBe('a chain needs "table"');
    const rule = (expr: string) => `{"nftables": [{"rule": {"family": "ip", "table": "t", "chain": "c", "expr": [${expr}]}}]}`;
    expect(problem(rule('{"acept": null}'))).toMatchObject({ text: '"acept"', message: expect.stringMatching(/^unknown statement "acept"/) });
    expect(problem(rule('{"match": {"op": "~", "left": {"meta": {"key": "mark"}}, "right": 1}}'))).toMatchObject({ text: '"~"', message: expect.stringMatching(/unknown match operator "~"/) });
    expect(problem(rule('{"match": {"left": {"meta": {"key": "mark"}}, "right": 1}}')).message).toMatch(/needs "op"/);
    expect(problem(rule('{"match": {"op": "==", "left": {"payloda": {}}, "right": 1}}'))).toMatchObject({ text: '"payloda"', message: expect.stringMatching(/unknown expression "payloda"/) });
    expect(problem(rule('{"jump": {}}')).message).toMatch(/"jump" needs "target"/);
    expect(problem('{"nftables": [{"metainfo": {"json_schema_version": 2}}]}').message).toMatch(/json_schema_version 2/);
  });

  it('keeps what it can read next to a problem', () => {
    const text = '{"nftables": [{"table": {"family": "ip", "name": "t"}}, {"bogus": {}}, {"chain": {"family": "ip", "table": "t", "name": "c"}}]}';
    const r = parseNftJson(text);
    expect(r.problems).toHaveLength(1);
    expect(r.ast.commands.map((c) => c.type)).toEqual(['NftTable', 'NftChain']);
  });

  it('never throws on truncated or mangled input', () => {
    const json = read('nft-f-sample-ruleset.json');
    for (let i = 0; i < json.length; i += 97) {
      expect(() => parseNftJson(json.slice(0, i))).not.toThrow();
      expect(() => parseNftJson(json.slice(0, i) + '}' + json.slice(i + 1))).not.toThrow();
    }
    expect(() => parseNftJson('['.repeat(100000))).not.toThrow();
    expect(parseNftJson('['.repeat(100000)).problems[0]!.message).toMatch(/nested deeper/);
  });

  it('parseNftSource picks the JSON reader or the text parser', () => {
    expect(parseNftSource(read('hub.json')).ast.commands[0]!.type).toBe('NftTable');
    expect(parseNftSource(read('hub.json')).ast.commands.every((c) => !('hasBlock' in c) || c.type !== 'NftTable' || !c.hasBlock)).toBe(true);
    const text = parseNftSource(read('hub.txt'));
    expect(text.problems).toEqual([]);
    expect((text.ast.commands[0] as NftTable).hasBlock).toBe(true);
  });

  it('isNftJson: the first non-space character is `{`', () => {
    expect(isNftJson('  \n{"nftables": []}')).toBe(true);
    expect(isNftJson('table inet f {}')).toBe(false);
    expect(isNftJson('#!/usr/sbin/nft -f\n{')).toBe(false);
  });
});
