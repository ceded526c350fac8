import { describe, expect, it } from 'vitest';
import { HUB, SEED_002, SEED_004, run, texts } from './helpers.js';

const ID = 'nft-chain-type-hook';

describe(ID, () => {
  it('valid: filter/nat/route chains where they belong', () => {
    expect(run(ID, SEED_002)).toEqual([]);
    expect(run(ID, SEED_004)).toEqual([]);
    expect(run(ID, HUB)).toEqual([]);
  });
  it('valid (near miss): netdev ingress with a device, inet ingress with a device, arp input, bridge filter', () => {
    const text =
      'table netdev n {\n  chain c {\n    type filter hook ingress device "eth0" priority 0;\n  }\n}\n' +
      'table inet i {\n  chain c {\n    type filter hook ingress device "eth0" priority 0;\n  }\n}\n' +
      'table arp a {\n  chain c {\n    type filter hook input priority 0;\n  }\n}\n' +
      'table bridge b {\n  chain c {\n    type filter hook forward priority 0;\n  }\n}\n';
    expect(run(ID, text, { nftables: '1.0.6' })).toEqual([]);
  });
  it('valid (near miss): nat priority -199 is accepted', () => {
    expect(run(ID, 'table ip n {\n  chain p {\n    type nat hook prerouting priority -199;\n  }\n}\n')).toEqual([]);
  });
  it('invalid: nat in bridge, route on input, nat on forward', () => {
    const text =
      'table bridge b {\n  chain c {\n    type nat hook prerouting priority 0;\n  }\n}\n' +
      'table ip f {\n  chain r {\n    type route hook input priority 0;\n  }\n  chain n {\n    type nat hook forward priority 0;\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['nat', 'input', 'forward']);
    expect(ds[0]!.message).toMatch(/does not exist in the bridge family/);
    expect(ds[2]!.message).toMatch(/Filter forwarded traffic/);
  });
  it('invalid: ingress in the ip family, egress in inet', () => {
    const text = 'table ip f {\n  chain c {\n    type filter hook ingress device "lo" priority 0;\n  }\n}\ntable inet g {\n  chain c {\n    type filter hook egress device "lo" priority 0;\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['ingress', 'egress']);
    expect(ds[0]!.message).toMatch(/The ip family does not support this hook.*table netdev/);
  });
  it('invalid: nat priority -200 or lower', () => {
    const text = 'table ip n {\n  chain p {\n    type nat hook prerouting priority raw;\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['raw']);
    expect(ds[0]!.message).toMatch(/above -200/);
  });
  it('invalid on nft 1.0.6 only: inet/netdev ingress without a device', () => {
    const text = 'table netdev n {\n  chain c {\n    type filter hook ingress priority 0;\n  }\n}\n';
    expect(texts(text, run(ID, text, { nftables: '1.0.6' }))).toEqual(['ingress']);
    expect(run(ID, text, { nftables: '1.1.6' })).toEqual([]);
  });
});
