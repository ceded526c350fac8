import { describe, expect, it } from 'vitest';
import { HUB, SEED_002, run, texts } from './helpers.js';

const ID = 'nft-nat-outside-nat-chain';

describe(ID, () => {
  it('valid: the seed 002 nat chains (dnat in prerouting/output, snat in input/postrouting)', () => {
    expect(run(ID, SEED_002)).toEqual([]);
    expect(run(ID, HUB)).toEqual([]);
  });
  it('valid (near miss): masquerade in a regular chain jumped to from nat postrouting', () => {
    const text = 'table ip f {\n  chain post {\n    type nat hook postrouting priority srcnat;\n    oifname "eth0" jump masq\n  }\n  chain masq {\n    masquerade\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): a NAT chain nothing reaches (nft loads it)', () => {
    expect(run(ID, 'table ip f {\n  chain r {\n    masquerade\n  }\n}\n')).toEqual([]);
  });
  it('invalid: masquerade in a filter postrouting chain', () => {
    const text = 'table inet f {\n  chain post {\n    type filter hook postrouting priority 100;\n    oifname "eth0" masquerade\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['masquerade']);
    expect(ds[0]!.message).toMatch(/type filter hook postrouting.*Operation not supported.*`type nat hook postrouting priority srcnat;`/);
  });
  it('invalid: masquerade on the nat prerouting hook, dnat on postrouting, snat on prerouting', () => {
    const text =
      'table ip f {\n  chain pre {\n    type nat hook prerouting priority dstnat;\n    masquerade\n    snat to 10.0.0.1\n  }\n' +
      '  chain post {\n    type nat hook postrouting priority srcnat;\n    dnat to 10.0.0.2\n  }\n}\n';
    expect(texts(text, run(ID, text))).toEqual(['masquerade', 'snat to 10.0.0.1', 'dnat to 10.0.0.2']);
  });
  it('invalid: a regular chain with masquerade reached from a filter forward chain (also via vmap)', () => {
    const text = 'table ip f {\n  chain forward {\n    type filter hook forward priority 0;\n    ip saddr vmap { 10.0.0.1 : jump r }\n  }\n  chain r {\n    masquerade\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['masquerade']);
    expect(ds[0]!.message).toMatch(/reached via forward → r/);
  });
  it('invalid: masquerade on the nat input hook (only snat is allowed there)', () => {
    const text = 'table ip f {\n  chain i {\n    type nat hook input priority 100;\n    masquerade\n  }\n}\n';
    expect(texts(text, run(ID, text))).toEqual(['masquerade']);
  });
});
