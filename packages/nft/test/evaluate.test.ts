// nft's evaluation-step errors (src/evaluate) as parse problems: reversed ranges, conflicting
// protocols, inet NAT without an address family, overlapping interval set elements. The same
// cases run against the real nft in evaluate-oracle.test.ts.
import { describe, expect, it } from 'vitest';
import { parseNft, parseNftCommandLine, type NftMatch, type NftRule } from '../src/index.js';
import { intervalOf, ipv4Value, ipv6Value } from '../src/evaluate/values.js';
import { BAD, GOOD } from './support/evaluate-cases.js';

describe('evaluation errors nft refuses', () => {
  for (const c of BAD) {
    it(`flags: ${c.name}`, () => {
      const { problems } = parseNft(c.text);
      expect(problems.map((p) => p.message.slice(0, c.message!.length))).toEqual([c.message]);
      const from = c.after ? c.text.indexOf(c.after) : 0;
      const start = c.text.indexOf(c.at!, from);
      expect(problems[0]!.range).toEqual({ start, end: start + c.at!.length });
      expect(problems[0]!.message).toMatch(/nft refuses/);
    });
  }
});

describe('near misses nft loads', () => {
  for (const text of GOOD) {
    it(`no problem: ${text.split('\n').find((l) => /^\t\t(?!type)/.test(l))?.trim() ?? text.split('\n')[0]}`, () => {
      expect(parseNft(text).problems).toEqual([]);
    });
  }
});

describe('what the checks leave alone', () => {
  const clean = (rule: string, family = 'inet'): void => {
    expect(parseNftCommandLine(`add rule ${family} t c ${rule}`).problems).toEqual([]);
  };
  it('service names, variables and symbols are not compared', () => {
    clean('tcp dport ssh-1024 accept');
    clean('tcp dport $lo accept');
  });
  it('unknown statements stop the protocol reading (no guess)', () => {
    clean('tcp dport 22 ct original ip saddr 1.2.3.4 udp dport 53 accept');
    clean('tcp dport 22 meta l4proto udp udp dport 53 accept');
    clean('ip protocol gre tcp dport 22 accept');
    clean('tcp option maxseg size 1000 udp dport 53 accept');
  });
  it('NAT in bridge/netdev, maps and variables as NAT targets are not judged', () => {
    clean('dnat to tcp dport map { 22 : 10.0.0.1 }');
    clean('dnat to $addr');
    clean('dnat to 10.0.0.1', 'ip');
  });
  it('a reversed range inside an anonymous chain is flagged; its protocols are not read', () => {
    expect(parseNftCommandLine('add rule inet t c jump { tcp dport 1024-80 accept; }').problems).toHaveLength(1);
    expect(parseNftCommandLine('add rule inet t c jump { tcp dport 22 udp dport 53 accept; }').problems).toEqual([]);
  });
  it('ports, marks and protocol numbers in matches are left to the nft-set-element-type rule', () => {
    clean('tcp dport 70000 accept');
    clean('meta mark 0x100000000 accept');
    clean('ip protocol 300 accept');
  });
  it('numbers under a mask or binary operation are not judged by the field width', () => {
    clean('ip dscp & 0x3 == 0x40 accept');
    clean('meta mark set meta mark | 0x100000000');
  });
  it('deleting elements is not checked', () => {
    expect(parseNft('delete element inet t s { 1024-80 }\n').problems).toEqual([]);
  });
  it('sets without flags interval, concatenated keys and auto-merge sets are not checked for overlaps', () => {
    expect(parseNft('table inet t {\n\tset s {\n\t\ttype ipv4_addr . inet_service\n\t\tflags interval\n\t\telements = { 10.0.0.0/8 . 22, 10.1.0.0/16 . 22 }\n\t}\n}\n').problems).toEqual([]);
  });
  it('ranges are mapped through mapOffset (hook command lines)', () => {
    const r = parseNftCommandLine('add rule inet t c tcp dport 1024-80 accept', { mapOffset: (o) => o + 100 });
    expect(r.problems[0]!.range).toEqual({ start: 28 + 100, end: 35 + 100 });
  });
});

describe('value helpers', () => {
  it('parses IPv4 and IPv6 literals', () => {
    expect(ipv4Value('10.0.0.1')).toBe(0x0a000001n);
    expect(ipv4Value('256.0.0.1')).toBeNull();
    expect(ipv6Value('::')).toBe(0n);
    expect(ipv6Value('::1')).toBe(1n);
    expect(ipv6Value('[::1]')).toBe(1n);
    expect(ipv6Value('2001:db8::1')).toBe((0x20010db8n << 96n) | 1n);
    expect(ipv6Value('::ffff:10.0.0.1')).toBe((0xffffn << 32n) | 0x0a000001n);
    expect(ipv6Value('1:2:3:4:5:6:7:8')).toBe(0x00010002000300040005000600070008n);
    expect(ipv6Value('1::2::3')).toBeNull();
    expect(ipv6Value('1:2:3:4:5:6:7:8:9')).toBeNull();
  });
  it('gives the interval of a prefix with host bits cleared, as nft stores it', () => {
    const r = parseNftCommandLine('add rule ip t c ip saddr 10.0.0.1/24');
    const m = ((r.ast.commands[0] as NftRule).statements[0] as NftMatch).right;
    expect(intervalOf(m)).toEqual({ kind: 'ip', low: 0x0a000000n, high: 0x0a0000ffn });
  });
  it('checks a large interval set in linear-ish time', () => {
    const els = Array.from({ length: 20000 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.0/24`).join(',\n\t\t\t');
    const t0 = performance.now();
    const r = parseNft(`table inet t {\n\tset s {\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\telements = { ${els}, 10.0.5.0/25 }\n\t}\n}\n`);
    expect(r.problems.map((p) => p.message.slice(0, 23))).toEqual(['conflicting intervals: ']);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
