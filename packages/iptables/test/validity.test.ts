import { describe, expect, it } from 'vitest';
import { checkIptCommand, parseIptablesArgs, splitRestoreLine } from '../src/index.js';

function issues(line: string, family: 'ipv4' | 'ipv6' = 'ipv4', userChains?: string[]) {
  const { words } = splitRestoreLine(line, 0);
  const r = parseIptablesArgs(words, { family });
  expect(r.problems, line).toEqual([]);
  return checkIptCommand(r.ast, userChains ? { userChains: new Set(userChains) } : {}).map((i) => ({
    code: i.code,
    severity: i.severity,
    text: line.slice(i.range.start, i.range.end),
    message: i.message,
  }));
}

describe('checkIptCommand', () => {
  it('refuses -i in OUTPUT/POSTROUTING and -o in PREROUTING/INPUT, by chain name', () => {
    expect(issues('-t nat -A POSTROUTING -i wg0 -j MASQUERADE')).toEqual([
      expect.objectContaining({ code: 'interface-direction', text: '-i wg0', message: expect.stringMatching(/can't use -i with POSTROUTING.*-o/) }),
    ]);
    expect(issues('-A OUTPUT -i wg-a -j ACCEPT')[0]?.code).toBe('interface-direction');
    expect(issues('-A INPUT -o eth0 -j ACCEPT')[0]?.text).toBe('-o eth0');
    expect(issues('-t nat -A PREROUTING -o eth0 -j ACCEPT')[0]?.code).toBe('interface-direction');
    expect(issues('-A FORWARD -i wg0 -o eth0 -j ACCEPT')).toEqual([]);
    expect(issues('-A WG_OUT -i wg0 -j ACCEPT')).toEqual([]);
  });

  it('checks targets against tables and hooks', () => {
    expect(issues('-A FORWARD -o eth0 -j MASQUERADE')[0]).toMatchObject({ code: 'target-wrong-table', text: 'MASQUERADE' });
    expect(issues('-t nat -A PREROUTING -j SNAT --to-source 1.2.3.4')[0]).toMatchObject({ code: 'target-wrong-hook' });
    expect(issues('-t nat -A POSTROUTING -p tcp -j DNAT --to-destination 10.0.0.2:80')[0]?.code).toBe('target-wrong-hook');
    expect(issues('-t mangle -A INPUT -j REJECT')[0]?.code).toBe('target-wrong-table');
    expect(issues('-A OUTPUT -j CT --notrack')[0]?.code).toBe('target-wrong-table');
    expect(issues('-t raw -A PREROUTING -j CT --notrack')).toEqual([]);
    expect(issues('-t nat -A INPUT -j SNAT --to-source 1.2.3.4')).toEqual([]);
    expect(issues('-t mangle -A PREROUTING -p tcp -j TCPMSS --clamp-mss-to-pmtu')[0]?.code).toBe('target-wrong-hook');
    expect(issues('-t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu')).toEqual([]);
  });

  it('checks protocol requirements the kernel enforces', () => {
    expect(issues('-A FORWARD -j TCPMSS --clamp-mss-to-pmtu')[0]).toMatchObject({ code: 'needs-protocol', text: 'TCPMSS' });
    expect(issues('-A INPUT -j REJECT --reject-with tcp-reset')[0]?.code).toBe('needs-protocol');
    expect(issues('-A INPUT -p tcp -j REJECT --reject-with tcp-reset')).toEqual([]);
    expect(issues('-A INPUT -m esp --espspi 1')[0]?.code).toBe('needs-protocol');
  });

  it('checks matches against hooks', () => {
    expect(issues('-A INPUT -m owner --uid-owner 0 -j ACCEPT')[0]?.code).toBe('match-wrong-hook');
    expect(issues('-A OUTPUT -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT')[0]?.code).toBe('match-wrong-hook');
    expect(issues('-A OUTPUT -m owner --uid-owner 0 -j ACCEPT')).toEqual([]);
  });

  it('refuses DROP in nat and bad policies', () => {
    expect(issues('-t nat -A PREROUTING -j DROP')[0]?.code).toBe('drop-in-nat');
    expect(issues('-t nat -P PREROUTING DROP')[0]?.code).toBe('drop-in-nat');
    expect(issues('-P INPUT REJECT')[0]).toMatchObject({ code: 'policy', text: 'REJECT' });
    expect(issues('-P WG_IN DROP')[0]).toMatchObject({ code: 'policy', text: 'WG_IN' });
    expect(issues('-P INPUT DROP')).toEqual([]);
  });

  it('finds unknown chains when the user chains are known, with a case hint', () => {
    expect(issues('-A input -j ACCEPT', 'ipv4', [])[0]?.message).toMatch(/case-sensitive: use `INPUT'/);
    expect(issues('-t nat -A FORWARD -j ACCEPT', 'ipv4', [])[0]?.code).toBe('unknown-chain');
    expect(issues('-A WG_IN -j ACCEPT', 'ipv4', ['WG_IN'])).toEqual([]);
    expect(issues('-A WG_IN -j ACCEPT')).toEqual([]);
  });

  it('warns about reversed ranges that never match', () => {
    expect(issues('-A INPUT -p udp --dport 51820:51810 -j ACCEPT')[0]).toMatchObject({ code: 'reversed-range', severity: 'warning', text: '51820:51810' });
  });
});
