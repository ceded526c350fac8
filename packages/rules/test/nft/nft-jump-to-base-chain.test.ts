import { describe, expect, it } from 'vitest';
import { HUB, run, texts } from './helpers.js';

const ID = 'nft-jump-to-base-chain';

describe(ID, () => {
  it('valid: jumps to regular chains', () => {
    expect(run(ID, HUB)).toEqual([]);
  });
  it('valid (near miss): a regular chain named like a hook', () => {
    const text = 'table ip f {\n  chain input {\n    type filter hook input priority 0;\n    jump output\n  }\n  chain output {\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('invalid: jump to a base chain', () => {
    const text = 'table ip f {\n  chain input {\n    type filter hook input priority 0;\n    jump output\n  }\n  chain output {\n    type filter hook output priority 0;\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['output']);
    expect(ds[0]!.message).toMatch(/base chain \(hook output\).*Operation not supported/);
  });
});
