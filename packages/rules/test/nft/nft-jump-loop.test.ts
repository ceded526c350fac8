import { describe, expect, it } from 'vitest';
import { HUB, run, texts } from './helpers.js';

const ID = 'nft-jump-loop';

describe(ID, () => {
  it('valid: a chain tree without cycles', () => {
    expect(run(ID, HUB)).toEqual([]);
  });
  it('valid (near miss): a cycle no base chain reaches (nft loads it)', () => {
    expect(run(ID, 'table ip f {\n  chain a {\n    jump b\n  }\n  chain b {\n    jump a\n  }\n}\n')).toEqual([]);
  });
  it('valid (near miss): two chains jumping to the same chain', () => {
    const text = 'table ip f {\n  chain input {\n    type filter hook input priority 0;\n    jump a\n    jump b\n  }\n  chain a {\n    jump b\n  }\n  chain b {\n    return\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('invalid: input → a → b → a', () => {
    const text = 'table ip f {\n  chain input {\n    type filter hook input priority 0;\n    jump a\n  }\n  chain a {\n    jump b\n  }\n  chain b {\n    goto a\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['a']);
    expect(ds[0]!.range.start).toBe(text.lastIndexOf('a\n'));
    expect(ds[0]!.message).toMatch(/Jump loop a → b → a.*Too many links/);
  });
  it('invalid: a long chain of 3000 jumps that loops back (no stack overflow)', () => {
    const n = 3000;
    const chains = Array.from({ length: n }, (_, i) => `  chain c${i} {\n    jump c${(i + 1) % n}\n  }\n`).join('');
    const text = `table ip f {\n  chain input {\n    type filter hook input priority 0;\n    jump c0\n  }\n${chains}}\n`;
    const ds = run(ID, text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toMatch(/^Jump loop c0 → c1 → c2 → /);
  });
  it('invalid: a chain jumping to itself through a verdict map', () => {
    const text = 'table ip f {\n  chain input {\n    type filter hook input priority 0;\n    jump a\n  }\n  chain a {\n    ip saddr vmap { 10.0.0.1 : jump a }\n  }\n}\n';
    expect(texts(text, run(ID, text))).toEqual(['jump a']);
  });
});
