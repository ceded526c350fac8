import { describe, expect, it } from 'vitest';
import { HUB, SEED_004, run, texts } from './helpers.js';

const ID = 'nft-set-needs-interval';

describe(ID, () => {
  it('valid: interval sets with prefixes, plain sets with addresses', () => {
    expect(run(ID, HUB)).toEqual([]);
    expect(run(ID, SEED_004)).toEqual([]);
  });
  it('valid (near miss): prefixes in an anonymous set or a define, single addresses in a plain set', () => {
    const text = 'define nets = { 10.0.0.0/8 }\ntable inet f {\n  set s {\n    type ipv4_addr\n    elements = { 10.0.0.1, 10.0.0.2 }\n  }\n  chain c {\n    ip saddr $nets accept\n    ip saddr @s accept\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('invalid: a prefix, a range, a concatenation with a prefix, a map key prefix', () => {
    const text =
      'table inet f {\n  set a {\n    type ipv4_addr\n    elements = { 10.0.0.0/8 }\n  }\n  set p {\n    type inet_service\n    elements = { 1000-2000 }\n  }\n' +
      '  set c {\n    type ipv4_addr . inet_service\n    elements = { 10.0.0.0/8 . 22 }\n  }\n  map m {\n    type ipv4_addr : verdict\n    elements = { 10.0.0.0/8 : accept }\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['10.0.0.0/8', '1000-2000', '10.0.0.0/8 . 22', '10.0.0.0/8']);
    expect(ds[0]!.message).toMatch(/Add `flags interval` to the set/);
    expect(ds[3]!.message).toMatch(/on map `m`/);
  });
});
