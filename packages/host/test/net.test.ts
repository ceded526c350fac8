import { describe, expect, it } from 'vitest';
import { cidrContains, cidrKey, cidrOverlaps, parseCidr, parseMark, subtractPorts } from '../src/index.js';

describe('net helpers', () => {
  it('parses IPv4 and IPv6 prefixes and clears host bits', () => {
    expect(cidrKey(parseCidr('10.0.0.1/24')!)).toBe('10.0.0.0/24');
    expect(parseCidr('10.0.0.1')!.prefix).toBe(32);
    expect(parseCidr('fd00::1/64')!.family).toBe('ipv6');
    expect(cidrKey(parseCidr('::/0')!)).toBe('0:0:0:0:0:0:0:0/0');
    expect(parseCidr('::ffff:10.0.0.1')!.prefix).toBe(128);
  });
  it('rejects what is not an address', () => {
    for (const t of ['', '10.0.0', '10.0.0.256', '10.0.0.1/33', 'fd00::1::2', 'default', 'host.example']) expect(parseCidr(t)).toBeUndefined();
  });
  it('containment and overlap', () => {
    expect(cidrContains(parseCidr('10.0.0.0/8')!, parseCidr('10.1.2.3')!)).toBe(true);
    expect(cidrContains(parseCidr('10.1.2.3')!, parseCidr('10.0.0.0/8')!)).toBe(false);
    expect(cidrOverlaps(parseCidr('10.1.2.3')!, parseCidr('10.0.0.0/8')!)).toBe(true);
    expect(cidrContains(parseCidr('0.0.0.0/0')!, parseCidr('fd00::1')!)).toBe(false);
  });
  it('subtracts reserved ports from a range', () => {
    expect(subtractPorts([{ from: 32768, to: 60999 }], [{ from: 51820, to: 51899 }])).toEqual([
      { from: 32768, to: 51819 },
      { from: 51900, to: 60999 },
    ]);
    expect(subtractPorts([{ from: 1, to: 10 }], [{ from: 1, to: 10 }])).toEqual([]);
  });
  it('parses marks with masks', () => {
    expect(parseMark('0xca6c')).toEqual({ value: 51820, mask: 0xffffffff });
    expect(parseMark('1/0xff')).toEqual({ value: 1, mask: 255 });
    expect(parseMark('0x100000000')).toBeUndefined();
  });
});
