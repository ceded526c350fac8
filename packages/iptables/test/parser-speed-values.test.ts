// The argument parser's shortcuts (numeric value scanners, the option and value-check caches)
// give the same answers as the plain definitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIptablesArgs, splitRestoreLine } from '../src/index.js';

function problems(line: string, family: 'ipv4' | 'ipv6' = 'ipv4'): string[] {
  return parseIptablesArgs(splitRestoreLine(line, 0).words, { family }).problems.map((p) => p.message);
}

describe('numeric value shortcuts', () => {
  it('--mark: small hex and decimal values, with and without a mask', () => {
    for (const ok of ['0', '0x1', '0X1F', '0xffffffff', '0xFFFFFFFF', '0x1/0xff', '4294967295', '999999999', '07', '0x0001/0X00ff']) {
      expect(problems(`-A INPUT -m mark --mark ${ok} -j ACCEPT`), ok).toEqual([]);
    }
    for (const bad of ['0x100000000', '4294967296', '0x', '0x1g', '0x1/0x', '/0x1', '0x1//0x2', '0x1/0x2/0x3', '08', '-1', '0x1\u0010']) {
      const p = problems(`-A INPUT -m mark --mark "${bad}" -j ACCEPT`);
      expect(p.length, bad).toBe(1);
      expect(p[0], bad).toMatch(/^mark: bad value/);
    }
  });

  it('--dport: tcp refuses ports above 65535, udp reads them (wrapping like iptables 1.8.9)', () => {
    expect(problems('-A INPUT -p tcp -m tcp --dport 65535 -j ACCEPT')).toEqual([]);
    expect(problems('-A INPUT -p tcp -m tcp --dport 0022 -j ACCEPT')).toEqual([]);
    expect(problems('-A INPUT -p tcp -m tcp --dport 65536 -j ACCEPT')).toEqual([
      "tcp: bad value `65536' for option `--dport': port `65536' is out of range (0-65535)",
    ]);
    expect(problems('-A INPUT -p tcp -m tcp --dport 1234567890 -j ACCEPT')).toHaveLength(1);
    expect(problems('-A INPUT -p udp -m udp --dport 70000 -j ACCEPT')).toEqual([]);
  });

  it('--dports: up to 15 numeric ports', () => {
    const ports = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1)).join(',');
    expect(problems(`-A INPUT -p tcp -m multiport --dports ${ports(15)} -j ACCEPT`)).toEqual([]);
    expect(problems(`-A INPUT -p tcp -m multiport --dports ${ports(16)} -j ACCEPT`)).toEqual([
      'multiport: bad value `' + ports(16) + "' for option `--dports': too many ports specified (at most 15; a range counts as two)",
    ]);
    for (const bad of ['1,,2', ',1', '1,', '65535,65536', '123456']) {
      expect(problems(`-A INPUT -p tcp -m multiport --dports ${bad} -j ACCEPT`), bad).toHaveLength(1);
    }
    expect(problems('-A INPUT -p tcp -m multiport --dports ssh,80,1000:2000 -j ACCEPT')).toEqual([]);
  });

  it('parsing the same line gives the same result before and after the caches have filled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('-A', 'INPUT', '-p', 'tcp', '-m', 'mark', '--mark', '0x1', '--dport', '22', '!', '-j', 'ACCEPT', 'multiport', '--dports', '1,2'), {
          maxLength: 12,
        }),
        (ws) => {
          const line = ws.join(' ');
          const first = parseIptablesArgs(splitRestoreLine(line, 0).words, { family: 'ipv4' });
          for (let k = 0; k < 60; k++) parseIptablesArgs(splitRestoreLine('-A INPUT -p udp -m udp --dport 53 -j ACCEPT', 0).words, { family: 'ipv4' });
          expect(parseIptablesArgs(splitRestoreLine(line, 0).words, { family: 'ipv4' })).toEqual(first);
        },
      ),
      { numRuns: 30 },
    );
  });
});
