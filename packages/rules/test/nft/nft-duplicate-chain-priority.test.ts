import { describe, expect, it } from 'vitest';
import { HUB, SEED_002, run, texts } from './helpers.js';

const ID = 'nft-duplicate-chain-priority';

describe(ID, () => {
  it('valid: distinct hooks / priorities', () => {
    expect(run(ID, HUB)).toEqual([]);
    expect(run(ID, SEED_002)).toEqual([]);
  });
  it('valid (near miss): same priority on different hooks, ip vs ip6, different netdev devices', () => {
    const text =
      'table ip a {\n  chain i {\n    type filter hook input priority 0;\n  }\n}\n' +
      'table ip6 b {\n  chain i {\n    type filter hook input priority 0;\n  }\n  chain o {\n    type filter hook output priority 0;\n  }\n}\n' +
      'table netdev n {\n  chain x {\n    type filter hook ingress device "eth0" priority 0;\n  }\n  chain y {\n    type filter hook ingress device "eth1" priority 0;\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('invalid: two input chains at priority filter in one table', () => {
    const text = 'table inet f {\n  chain a {\n    type filter hook input priority filter;\n  }\n  chain b {\n    type filter hook input priority 0;\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['0']);
    expect(ds[0]!.severity).toBe('info');
    expect(ds[0]!.message).toMatch(/same priority \(0\) on the input hook as chain `a` in the same table.*undefined order/);
  });
  it('invalid: an inet and an ip table on the same hook and priority', () => {
    const text = 'table ip a {\n  chain forward {\n    type filter hook forward priority 0;\n  }\n}\ntable inet b {\n  chain forward {\n    type filter hook forward priority filter;\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['filter']);
    expect(ds[0]!.message).toMatch(/in table ip a/);
  });
});
