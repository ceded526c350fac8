import { describe, expect, it } from 'vitest';
import { HUB, run, texts } from './helpers.js';

const ID = 'nft-undefined-set';

describe(ID, () => {
  it('valid: set declared after the rule that uses it (same table block)', () => {
    const text = 'table inet f {\n  chain c {\n    ip saddr @allowed accept\n  }\n  set allowed {\n    type ipv4_addr\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): the table is only extended here (declared elsewhere)', () => {
    expect(run(ID, 'add rule inet filter input ip saddr @blocked drop\n')).toEqual([]);
  });
  it('valid (near miss): add element / set statement with a declared set', () => {
    const text = 'table inet f {\n  set seen {\n    type ipv4_addr\n    flags dynamic\n  }\n  chain c {\n    type filter hook input priority 0;\n    update @seen { ip saddr }\n  }\n}\nadd element inet f seen { 10.0.0.1 }\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid: the hub ruleset (set, vmap @map)', () => {
    expect(run(ID, HUB)).toEqual([]);
  });
  it('invalid: a missing set', () => {
    const text = 'table inet f {\n  chain c {\n    type filter hook input priority 0;\n    ip saddr @nope drop\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['@nope']);
    expect(ds[0]!.message).toMatch(/not declared in table inet f/);
  });
  it('invalid: the set lives in another table', () => {
    const text = 'table ip a {\n  set s {\n    type ipv4_addr\n  }\n  chain c {\n    ip saddr @s drop\n  }\n}\ntable ip b {\n  chain c {\n    ip saddr @s drop\n  }\n}\n';
    const ds = run(ID, text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.range.start).toBe(text.lastIndexOf('@s'));
    expect(ds[0]!.message).toMatch(/exists in table ip a/);
  });
  it('invalid: a set deleted earlier by flush ruleset is gone', () => {
    const text = 'table ip a {\n  set s {\n    type ipv4_addr\n  }\n}\nflush ruleset\ntable ip a {\n  chain c {\n    ip saddr @s drop\n  }\n}\n';
    expect(texts(text, run(ID, text))).toEqual(['@s']);
  });
});
