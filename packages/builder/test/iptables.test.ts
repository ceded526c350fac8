import { describe, expect, it } from 'vitest';
import { BuilderError, ipt, iptablesSave } from '../src/index.js';
import { exampleRules } from './examples.js';
import { expectCommandClean, expectSaveClean } from './support.js';

function thrown(fn: () => unknown): BuilderError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BuilderError);
    return e as BuilderError;
  }
  throw new Error('expected a BuilderError');
}


describe('iptables builder', () => {
  it('builds the README example in command and save form', () => {
    const r = ipt.rule({ table: 'filter', chain: 'INPUT' }).protocol('udp').dport(51820).jump('ACCEPT');
    expect(r.command()).toBe('iptables -A INPUT -p udp -m udp --dport 51820 -j ACCEPT');
    expect(r.saveLine()).toBe('-A INPUT -p udp -m udp --dport 51820 -j ACCEPT');
    expect(r.hooks()).toEqual({ up: 'iptables -A INPUT -p udp -m udp --dport 51820 -j ACCEPT', down: 'iptables -D INPUT -p udp -m udp --dport 51820 -j ACCEPT' });
    expectCommandClean(r.command());
  });

  it('prints in iptables-save order and spelling', () => {
    const rules = exampleRules();
    expect(rules.map((r) => r.command({ wait: true }))).toEqual([
      'iptables -w -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      "iptables -w -A INPUT -p udp -m udp --dport 51820 -m comment --comment 'wireguard listen port' -j ACCEPT",
      'iptables -w -A INPUT -i wg0 -j WG_IN',
      'iptables -w -A WG_IN -s 10.8.0.0/24 -p tcp -m multiport --dports 22,8000:8080 -j ACCEPT',
      'iptables -w -A WG_IN -p tcp -j REJECT --reject-with tcp-reset',
      'iptables -w -A FORWARD -i wg+ -o eth0 -j ACCEPT',
      'iptables -w -A FORWARD -p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu',
      'iptables -w -t nat -A POSTROUTING -s 10.8.0.0/24 -o eth0 -j MASQUERADE',
      'iptables -w -t nat -A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.8.0.2:80',
      'iptables -w -t mangle -A PREROUTING -m mark --mark 0xca6c -j MARK --set-xmark 0x1/0xffffffff',
    ]);
    for (const r of rules) expectCommandClean(r.command());
  });

  it('builds an iptables-restore file with policies and user chains', () => {
    const text = iptablesSave(exampleRules(), { policies: { filter: { INPUT: 'DROP', FORWARD: 'DROP' } } });
    expect(text).toBe(`*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:WG_IN - [0:0]
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p udp -m udp --dport 51820 -m comment --comment "wireguard listen port" -j ACCEPT
-A INPUT -i wg0 -j WG_IN
-A FORWARD -i wg+ -o eth0 -j ACCEPT
-A FORWARD -p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
-A WG_IN -s 10.8.0.0/24 -p tcp -m multiport --dports 22,8000:8080 -j ACCEPT
-A WG_IN -p tcp -j REJECT --reject-with tcp-reset
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -i eth0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.8.0.2:80
-A POSTROUTING -s 10.8.0.0/24 -o eth0 -j MASQUERADE
COMMIT
*mangle
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -m mark --mark 0xca6c -j MARK --set-xmark 0x1/0xffffffff
COMMIT
`);
    expectSaveClean(text, 'ipv4');
  });

  it('builds ip6tables rules', () => {
    const rules = [
      ipt.rule({ table: 'filter', chain: 'INPUT', family: 'ipv6' }).source('fd00::/64').protocol('udp').dport(51820).reject(),
      ipt.rule({ table: 'filter', chain: 'INPUT', family: 'ipv6' }).protocol('ipv6-icmp').accept(),
      ipt.rule({ table: 'nat', chain: 'PREROUTING', family: 'ipv6' }).protocol('udp').dport(53).dnat('fd00::2', 5353),
      ipt.rule({ table: 'nat', chain: 'POSTROUTING', family: 'ipv6' }).destination('2001:db8::1').snat('2001:db8::2'),
    ];
    expect(rules.map((r) => r.command())).toEqual([
      'ip6tables -A INPUT -s fd00::/64 -p udp -m udp --dport 51820 -j REJECT --reject-with icmp6-port-unreachable',
      'ip6tables -A INPUT -p ipv6-icmp -j ACCEPT',
      "ip6tables -t nat -A PREROUTING -p udp -m udp --dport 53 -j DNAT --to-destination '[fd00::2]:5353'",
      'ip6tables -t nat -A POSTROUTING -d 2001:db8::1/128 -j SNAT --to-source 2001:db8::2',
    ]);
    for (const r of rules) expectCommandClean(r.command());
    expectSaveClean(iptablesSave(rules), 'ipv6');
  });

  it('keeps negations and builder immutability', () => {
    const base = ipt.rule({ table: 'filter', chain: 'FORWARD' }).inInterface('wg0', { not: true });
    const a = base.protocol('tcp').dport(22, { not: true }).drop();
    const b = base.source('10.0.0.0/8', { not: true }).accept();
    expect(a.saveLine()).toBe('-A FORWARD ! -i wg0 -p tcp -m tcp ! --dport 22 -j DROP');
    expect(b.saveLine()).toBe('-A FORWARD ! -s 10.0.0.0/8 ! -i wg0 -j ACCEPT');
    expectSaveClean(iptablesSave([a, b]), 'ipv4');
  });
});

describe('iptables builder refuses what iptables or the kernel refuse', () => {
  const f = (chain: string, table: 'filter' | 'nat' | 'mangle' | 'raw' = 'filter') => ipt.rule({ table, chain });
  const cases: [string, () => unknown, BuilderError['code'], RegExp][] = [
    ['-i with OUTPUT', () => f('OUTPUT').inInterface('wg0'), 'interface-direction', /can't use -i with OUTPUT/],
    ['-i with POSTROUTING', () => f('POSTROUTING', 'nat').inInterface('wg0'), 'interface-direction', /can't use -i with POSTROUTING/],
    ['-o with INPUT', () => f('INPUT').outInterface('eth0'), 'interface-direction', /can't use -o with INPUT/],
    ['-o with PREROUTING', () => f('PREROUTING', 'nat').outInterface('eth0'), 'interface-direction', /can't use -o with PREROUTING/],
    ['DNAT in filter', () => f('INPUT').dnat('10.0.0.1'), 'target-table', /only valid in the nat table/],
    ['DNAT in POSTROUTING', () => f('POSTROUTING', 'nat').dnat('10.0.0.1'), 'target-hook', /PREROUTING\/OUTPUT/],
    ['SNAT in PREROUTING', () => f('PREROUTING', 'nat').snat('10.0.0.1'), 'target-hook', /POSTROUTING\/INPUT/],
    ['MASQUERADE in OUTPUT', () => f('OUTPUT', 'nat').masquerade(), 'target-hook', /POSTROUTING/],
    ['REJECT in mangle', () => f('INPUT', 'mangle').reject(), 'target-table', /filter table/],
    ['DROP in nat', () => f('PREROUTING', 'nat').drop(), 'target-table', /not for filtering/],
    ['DNAT port without protocol', () => f('PREROUTING', 'nat').dnat('10.0.0.1', 80), 'needs-protocol', /protocol/],
    ['--dport without -p', () => f('INPUT').dport(22), 'needs-protocol', /protocol\('tcp'/],
    ['tcp-reset without -p tcp', () => f('INPUT').protocol('udp').reject({ with: 'tcp-reset' }), 'needs-protocol', /tcp/],
    ['TCPMSS without --tcp-flags', () => f('FORWARD').protocol('tcp').clampMssToPmtu(), 'missing-option', /tcpFlags/],
    ['TCPMSS clamp in INPUT', () => f('INPUT').protocol('tcp').tcpFlags(['SYN', 'RST'], ['SYN']).clampMssToPmtu(), 'target-hook', /FORWARD\/OUTPUT\/POSTROUTING/],
    ['FORWARD in nat', () => f('FORWARD', 'nat'), 'invalid-name', /no FORWARD chain/],
    ['chain name too long', () => f('A_VERY_LONG_CHAIN_NAME_OVER_28C'), 'invalid-name', /1-28 characters/],
    ['chain named like a target', () => f('MASQUERADE', 'nat'), 'invalid-name', /clash/],
    ['two -p', () => f('INPUT').protocol('tcp').protocol('udp'), 'duplicate', /multiple -p/],
    ['match after target', () => f('INPUT').accept().comment('late'), 'statement-order', /target is already set/],
    ['reversed port range', () => f('INPUT').protocol('tcp').dport({ from: 2000, to: 1000 }), 'invalid-port', /reversed/],
    ['port 70000', () => f('INPUT').protocol('udp').dport(70000), 'invalid-port', /0 to 65535/],
    ['IPv6 source in iptables', () => f('INPUT').source('fd00::/8'), 'family', /IPv6 value/],
    ['icmp in ip6tables', () => ipt.rule({ table: 'filter', chain: 'INPUT', family: 'ipv6' }).protocol('icmp'), 'family', /ipv6-icmp/],
    ['-s 0.0.0.0/0', () => f('INPUT').source('0.0.0.0/0'), 'invalid-cidr', /matches every address/],
    ['host bits in -s', () => f('INPUT').source('10.0.0.1/8'), 'invalid-cidr', /write `10.0.0.0\/8`/],
    ['multiport over 15', () => f('INPUT').protocol('tcp').dports(Array.from({ length: 16 }, (_, i) => i + 1)), 'invalid-port', /at most 15/],
    ['interface name too long', () => f('INPUT').inInterface('wireguard-tunnel0'), 'invalid-name', /1-15 characters/],
    ['jump to a built-in chain', () => f('INPUT').jump('FORWARD'), 'invalid-name', /built-in chain/],
    ['comment with quotes', () => f('INPUT').comment('say "hi"'), 'invalid-value', /without quotes/],
  ];
  it.each(cases)('%s', (_name, fn, code, message) => {
    const e = thrown(fn);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('checks the dump as a whole: missing chains, loops, hook limits through user chains, policies', () => {
    const j = (from: string, to: string) => ipt.rule({ table: 'filter', chain: from }).jump(to);
    expect(thrown(() => iptablesSave([j('INPUT', 'NOPE')])).message).toMatch(/NOPE, which has no rules/);
    expect(thrown(() => iptablesSave([j('INPUT', 'A'), j('A', 'B'), j('B', 'A')])).message).toMatch(/jump loop: A → B → A/);
    const natUser = ipt.rule({ table: 'nat', chain: 'WG_NAT' }).masquerade();
    const fromPre = ipt.rule({ table: 'nat', chain: 'PREROUTING' }).jump('WG_NAT');
    expect(thrown(() => iptablesSave([fromPre, natUser])).message).toMatch(/reached from PREROUTING.*MASQUERADE only works in POSTROUTING/);
    const inUser = ipt.rule({ table: 'filter', chain: 'WG_OUT' }).inInterface('wg0').accept();
    expect(thrown(() => iptablesSave([j('OUTPUT', 'WG_OUT'), inUser])).message).toMatch(/-i does not work in OUTPUT/);
    expect(thrown(() => iptablesSave([], { policies: { nat: { PREROUTING: 'DROP' } } })).code).toBe('target-table');
    expect(thrown(() => iptablesSave([], { policies: { filter: { WG: 'DROP' } } })).message).toMatch(/only built-in chains have policies/);
    expect(thrown(() => iptablesSave([j('INPUT', 'X'), ipt.rule({ table: 'filter', chain: 'INPUT', family: 'ipv6' }).accept()])).code).toBe('family');
    // declared but empty chains are fine
    const ok = iptablesSave([j('INPUT', 'EMPTY')], { chains: { filter: ['EMPTY'] } });
    expect(ok).toContain(':EMPTY - [0:0]\n-A INPUT -j EMPTY\n');
    expectSaveClean(ok, 'ipv4');
  });
});
