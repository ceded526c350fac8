import { describe, expect, it } from 'vitest';
import { HUB, run, texts } from './helpers.js';

const ID = 'nft-policy-on-regular-chain';

describe(ID, () => {
  it('valid: policies on base chains', () => {
    expect(run(ID, HUB)).toEqual([]);
  });
  it('valid (near miss): command form base chain with policy', () => {
    expect(run(ID, 'add table inet f\nadd chain inet f input { type filter hook input priority 0; policy drop; }\n')).toEqual([]);
  });
  it('invalid: policy on a chain without hook', () => {
    const text = 'table inet f {\n  chain wg_in {\n    policy drop;\n    accept\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['drop']);
    expect(ds[0]!.message).toMatch(/no hook.*End the chain with a `drop` rule/);
  });
});
