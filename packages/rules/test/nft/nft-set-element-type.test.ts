import { describe, expect, it } from 'vitest';
import { HUB, SEED_002, SEED_004, run, texts } from './helpers.js';

const ID = 'nft-set-element-type';

describe(ID, () => {
  it('valid: realistic rulesets', () => {
    expect(run(ID, HUB)).toEqual([]);
    expect(run(ID, SEED_002)).toEqual([]);
    expect(run(ID, SEED_004)).toEqual([]);
  });
  it('valid (near miss): 65535, IPv6 in an ip6 match, concatenations, typeof sets, map data', () => {
    const text =
      'table inet f {\n  set ports {\n    type inet_service\n    flags interval\n    elements = { 1024-65535 }\n  }\n' +
      '  set pairs {\n    type ipv4_addr . inet_service\n    elements = { 10.0.0.1 . 51820 }\n  }\n' +
      '  set v6 {\n    typeof ip6 saddr\n    elements = { 2001:db8::1 }\n  }\n' +
      '  map port_to_host {\n    type inet_service : ipv4_addr\n    elements = { 8080 : 10.0.0.2 }\n  }\n' +
      '  chain c {\n    ip6 saddr ::1 accept\n    ip saddr { 10.0.0.1, 10.0.0.2 } udp dport 65535 accept\n    meta l4proto 17 accept\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('invalid: an IPv6 address in an ipv4_addr set and an IPv4 address in a typeof ip6 set', () => {
    const text =
      'table inet f {\n  set v4 {\n    type ipv4_addr\n    elements = { 10.0.0.1, ::1 }\n  }\n  set v6 {\n    typeof ip6 daddr\n    elements = { 10.0.0.1 }\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['::1', '10.0.0.1']);
    expect(ds[0]!.message).toMatch(/`::1` is an IPv6 address where an IPv4 address is expected.*set `v4` has type ipv4_addr/);
  });
  it('invalid: ports above 65535 in a set, an add element command, a concatenation and a match', () => {
    const text =
      'table inet f {\n  set ports {\n    type inet_service\n    elements = { 51820, 70000 }\n  }\n  set pairs {\n    type ipv4_addr . inet_service\n    elements = { 10.0.0.1 . 99999 }\n  }\n' +
      '  chain c {\n    tcp dport { 22, 65536 } accept\n  }\n}\nadd element inet f ports { 80000 }\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['70000', '99999', '65536', '80000']);
    expect(ds[0]!.message).toMatch(/Service out of range/);
  });
  it('invalid: ip saddr with an IPv6 address, protocol above 255, map data of the wrong family', () => {
    const text =
      'table inet f {\n  map m {\n    type ipv4_addr : ipv4_addr\n    elements = { 10.0.0.1 : ::2 }\n  }\n  chain c {\n    ip saddr ::1 accept\n    meta l4proto 300 accept\n  }\n}\n';
    expect(texts(text, run(ID, text))).toEqual(['::2', '::1', '300']);
  });
});
