import { describe, expect, it } from 'vitest';
import { HUB, SEED_002, SEED_004, run, texts } from './helpers.js';

const ID = 'nft-unreachable-rule';

describe(ID, () => {
  it('valid: realistic rulesets end with a catch-all reject/drop', () => {
    expect(run(ID, HUB)).toEqual([]);
    expect(run(ID, SEED_002)).toEqual([]);
    expect(run(ID, SEED_004)).toEqual([]);
  });
  it('valid (near miss): conditional, rate-limited, jump and counter-only rules do not end the chain', () => {
    const text =
      'table inet f {\n  chain c {\n    type filter hook input priority 0;\n    ct state established accept\n    limit rate 10/second accept\n' +
      '    jump d\n    counter\n    tcp dport vmap { 22 : accept }\n    udp dport 51820 accept\n  }\n  chain d {\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): a flush removes the catch-all before new rules are added', () => {
    const text = 'table inet f {\n  chain c {\n    type filter hook input priority 0;\n    drop\n  }\n}\nflush chain inet f c\nadd rule inet f c udp dport 51820 accept\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): a rule added at a handle position the model cannot place', () => {
    const text = 'table inet f {\n  chain c {\n    type filter hook input priority 0;\n    drop\n  }\n}\nadd rule inet f c position 2 udp dport 51820 accept\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): a typed reject takes only its protocol (nft adds the match: `with tcp reset` TCP, `with icmp` IPv4 in inet)', () => {
    const text =
      'table inet f {\n  chain c {\n    type filter hook input priority 0;\n    tcp dport { http, https, ssh } accept\n' +
      '    reject with icmp type port-unreachable\n    meta nfproto ipv6 udp dport 51820 accept\n  }\n' +
      '  chain d {\n    reject with tcp reset\n    reject\n  }\n  chain e {\n    reject with icmpv6 type admin-prohibited\n    reject with icmp type admin-prohibited\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('invalid: a typed reject in its own family, and `with icmpx`, take every packet', () => {
    const text =
      'table ip f {\n  chain c {\n    reject with icmp type host-unreachable\n    udp dport 51820 accept\n  }\n}\n' +
      'table ip6 g {\n  chain c {\n    reject with icmpv6 type admin-prohibited\n    udp dport 51820 accept\n  }\n}\n' +
      'table inet h {\n  chain c {\n    reject with icmpx type admin-prohibited\n    udp dport 51820 accept\n  }\n}\n';
    expect(texts(text, run(ID, text))).toEqual(['udp dport 51820 accept', 'udp dport 51820 accept', 'udp dport 51820 accept']);
  });
  it('invalid: rules after an unconditional accept', () => {
    const text = 'table inet f {\n  chain c {\n    type filter hook input priority 0;\n    counter accept\n    udp dport 51820 accept\n    drop\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['udp dport 51820 accept', 'drop']);
    expect(ds[0]!.message).toMatch(/`counter accept` \(line 4\) already ends chain `c`/);
  });
  it('invalid: a command-form rule appended after a block-form reject', () => {
    const text = 'table inet f {\n  chain c {\n    type filter hook input priority 0;\n    reject with icmpx type admin-prohibited\n  }\n}\nadd rule inet f c udp dport 51820 accept\n';
    expect(texts(text, run(ID, text))).toEqual(['add rule inet f c udp dport 51820 accept']);
  });
  it('invalid: after goto and return', () => {
    const text = 'table ip f {\n  chain a {\n    return\n    accept\n  }\n  chain b {\n    goto a\n    drop\n  }\n}\n';
    expect(texts(text, run(ID, text))).toEqual(['accept', 'drop']);
  });
});
