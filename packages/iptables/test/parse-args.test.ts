import { describe, expect, it } from 'vitest';
import { type IptCommand, parseIptablesArgs, splitRestoreLine } from '../src/index.js';

function parse(line: string, family: 'ipv4' | 'ipv6' = 'ipv4') {
  const { words } = splitRestoreLine(line, 0);
  return parseIptablesArgs(words, { family });
}

function clean(line: string, family: 'ipv4' | 'ipv6' = 'ipv4'): IptCommand {
  const r = parse(line, family);
  expect(r.problems, line).toEqual([]);
  return r.ast;
}

function problemAt(line: string, family: 'ipv4' | 'ipv6' = 'ipv4'): { text: string; message: string } {
  const r = parse(line, family);
  expect(r.problems.length, line).toBeGreaterThan(0);
  const p = r.problems[0]!;
  return { text: line.slice(p.range.start, p.range.end), message: p.message };
}

describe('parseIptablesArgs: commands', () => {
  it('parses -A with table, chain and a full rule', () => {
    const c = clean('-t nat -A POSTROUTING -s 10.8.0.0/24 -o eth0 -j MASQUERADE');
    expect(c.kind).toBe('append');
    expect(c.table).toBe('nat');
    expect(c.chain?.text).toBe('POSTROUTING');
    expect(c.rule?.source?.value?.text).toBe('10.8.0.0/24');
    expect(c.rule?.outInterface?.value?.text).toBe('eth0');
    expect(c.rule?.target?.name).toBe('MASQUERADE');
    expect(c.rule?.target?.kind).toBe('extension');
  });

  it('parses -I with and without a position, -D by number and by spec, -R, -P, -N, -X, -F, -E', () => {
    expect(clean('-I FORWARD 2 -i wg0 -j ACCEPT').ruleNumber?.value).toBe(2);
    expect(clean('-I FORWARD -i wg0 -j ACCEPT').ruleNumber).toBeUndefined();
    const d = clean('-D INPUT 3');
    expect(d.ruleNumber?.value).toBe(3);
    expect(d.rule).toBeUndefined();
    expect(clean('-D INPUT -p udp --dport 51820 -j ACCEPT').rule?.matches[0]?.name).toBe('udp');
    expect(clean('-R INPUT 1 -j DROP').kind).toBe('replace');
    const p = clean('-P FORWARD DROP');
    expect([p.kind, p.chain?.text, p.policy?.text]).toEqual(['policy', 'FORWARD', 'DROP']);
    expect(clean('-N WG_FWD').kind).toBe('new-chain');
    expect(clean('-X').kind).toBe('delete-chain');
    expect(clean('-F WG_FWD').chain?.text).toBe('WG_FWD');
    expect(clean('-E OLD NEW').newName?.text).toBe('NEW');
    expect(clean('--append INPUT --protocol tcp --destination-port 22 --jump ACCEPT').kind).toBe('append');
  });

  it('accepts getopt forms: attached short values, --opt=value, abbreviations, bundled flags', () => {
    expect(clean('-A INPUT -ptcp --dport=22 -jACCEPT').rule?.protocol?.value?.text).toBe('tcp');
    expect(clean('-A INPUT -p tcp --dp 22 -j ACCEPT').rule?.matches[0]?.options[0]?.name).toBe('destination-port');
    expect(clean('-L INPUT -vn').kind).toBe('list');
  });

  it('requires a rule number for -R and refuses 0', () => {
    expect(problemAt('-R INPUT -j DROP').message).toMatch(/rule number/);
    expect(problemAt('-I INPUT 0 -j ACCEPT').text).toBe('0');
  });

  it('refuses two commands and a missing command', () => {
    expect(problemAt('-A INPUT -D INPUT -j ACCEPT').message).toMatch(/one command/);
    expect(problemAt('-p tcp -j ACCEPT').message).toMatch(/no command/);
  });

  it('refuses rule options on commands that take none', () => {
    expect(problemAt('-F INPUT -p tcp').text).toBe('-p tcp');
  });

  it('checks chain names of -N', () => {
    expect(problemAt('-N MASQUERADE').message).toMatch(/clash with target name/);
    expect(problemAt('-N abcdefghijklmnopqrstuvwxyz0123').message).toMatch(/too long/);
  });
});

describe('parseIptablesArgs: parameters', () => {
  it('handles ! negation before options and refuses the old intrapositioned form', () => {
    const c = clean('-A INPUT ! -s 10.0.0.0/8 ! -i wg+ -j DROP');
    expect(c.rule?.source?.negated).toBe(true);
    expect(c.rule?.inInterface?.value?.text).toBe('wg+');
    expect(problemAt('-A INPUT -s ! 10.0.0.0/8 -j DROP').message).toMatch(/old negation syntax/);
    expect(problemAt('-A INPUT ! ! -s 10.0.0.1 -j DROP').message).toMatch(/consecutive/);
  });

  it('requires option arguments: `-s -j ACCEPT` is an error at `-j`', () => {
    const p = problemAt('-A INPUT -s -j ACCEPT');
    expect(p.text).toBe('-j');
    expect(p.message).toMatch(/-s needs an address/);
    expect(problemAt('-A INPUT -i').message).toMatch(/requires an argument/);
  });

  it('validates addresses, prefixes, lists and the family', () => {
    expect(clean('-A INPUT -s 10.0.0.1,192.168.0.0/16 -d 10.0.0.0/255.0.0.0 -j ACCEPT').rule?.source).toBeDefined();
    expect(problemAt('-A INPUT -s 10.0.0.0/33 -j ACCEPT').text).toBe('10.0.0.0/33');
    expect(problemAt('-A INPUT -s fd00::1 -j ACCEPT').message).toMatch(/IPv6 address belongs in ip6tables/);
    expect(problemAt('-A INPUT -s 10.0.0.1 -j ACCEPT', 'ipv6').message).toMatch(/IPv4 address/);
    clean('-A INPUT -s fd00::/64 -j ACCEPT', 'ipv6');
    expect(problemAt('-A INPUT ! -s 10.0.0.1,10.0.0.2 -j ACCEPT').message).toMatch(/multiple addresses/);
  });

  it('validates interfaces and protocols', () => {
    expect(problemAt('-A FORWARD -i thisinterfaceistoolong0').message).toMatch(/IFNAMSIZ/);
    expect(problemAt('-A INPUT -p bogus').message).toMatch(/unknown protocol/);
    expect(problemAt('-A INPUT ! -p 0 -j ACCEPT').message).toMatch(/never match/);
    expect(problemAt('-A INPUT -p tcp -p udp').message).toMatch(/multiple -p/);
    expect(problemAt('-A INPUT -f -j DROP', 'ipv6').message).toMatch(/not supported in IPv6/);
  });

  it('points at a stray word, with a hint for interfaces and typographic dashes', () => {
    const p = problemAt('-t nat -A POSTROUTING eth0 -j MASQUERADE');
    expect(p.text).toBe('eth0');
    expect(p.message).toMatch(/-o eth0/);
    expect(problemAt('-A INPUT -m conntrack \u2013ctstate NEW -j ACCEPT').message).toMatch(/typographic dash.*--ctstate/);
  });

  it('refuses -t in iptables-restore input', () => {
    const { words } = splitRestoreLine('-t nat -A POSTROUTING -j MASQUERADE', 0);
    expect(parseIptablesArgs(words, { family: 'ipv4', restore: true }).problems[0]?.message).toMatch(/-t option cannot be used/);
  });

  it('lets the last -t win', () => {
    expect(clean('-t filter -t nat -A POSTROUTING -j MASQUERADE').table).toBe('nat');
  });
});

describe('parseIptablesArgs: matches and targets', () => {
  it('loads the protocol match implicitly and keeps match order', () => {
    const c = clean('-A INPUT -p tcp --dport 22 -m comment --comment "ssh in" -j ACCEPT');
    expect(c.rule?.matches.map((m) => [m.name, m.implicit])).toEqual([
      ['tcp', true],
      ['comment', false],
    ]);
    expect(c.rule?.matches[1]?.options[0]?.args[0]?.text).toBe('ssh in');
  });

  it('requires a module name after -m (`-m --mac-source` is a syntax error)', () => {
    const p = problemAt('-t mangle -A PREROUTING -m --mac-source 12:34:56:78:90:ab -j ACCEPT');
    expect(p.text).toBe('--mac-source');
    expect(p.message).toMatch(/-m mac --mac-source/);
    expect(problemAt('-A INPUT -m nosuch -j ACCEPT').message).toMatch(/couldn't load match `nosuch'/);
  });

  it('refuses protocol options without their protocol or module', () => {
    expect(problemAt('-A INPUT --dport 51820 -j ACCEPT').message).toMatch(/unknown option `--dport'.*-p tcp/);
    expect(problemAt('-A INPUT -p all --dport 22').message).toMatch(/unknown option/);
    expect(problemAt('-A INPUT -p tcp --dports 80,443 -j ACCEPT').message).toMatch(/-m multiport/);
    expect(problemAt('-A INPUT -m tcp --dport 1').message).toMatch(/requires `-p tcp'/);
  });

  it('validates option values: ports, ranges, states, MACs, marks', () => {
    expect(problemAt('-A INPUT -p tcp --dport 65536').text).toBe('65536');
    expect(problemAt('-A INPUT -p tcp --sport 4:3').message).toMatch(/min > max/);
    clean('-A INPUT -p udp --dport 4:3');
    expect(problemAt('-A INPUT -m conntrack --ctstate NEW,BOGUS').message).toMatch(/bad ctstate `BOGUS'/);
    expect(problemAt('-A INPUT -m state --state SNAT').message).toMatch(/bad state/);
    expect(problemAt('-A INPUT -m mac --mac-source 42:01:02:03:04').message).toMatch(/MAC/);
    expect(problemAt('-A OUTPUT -m mark --mark off -j DROP').message).toMatch(/integer/);
    clean('-A INPUT -p tcp --dport ssh -m multiport --sports 1024:65535,80 -j ACCEPT');
  });

  it('checks option cardinality, exclusion, inversion and mandatory options', () => {
    expect(problemAt('-A INPUT -p udp --dport 53 --dport 54').message).toMatch(/only be used once/);
    expect(problemAt('-A INPUT -m connlimit --connlimit-above 10 --connlimit-saddr --connlimit-daddr').message).toMatch(/cannot be used together/);
    expect(problemAt('-t mangle -A PREROUTING -j TEE ! --gateway 1.1.1.1').message).toMatch(/cannot be inverted/);
    expect(problemAt('-A INPUT -m comment').message).toMatch(/--comment' must be specified/);
    expect(problemAt('-t nat -A PREROUTING -j DNAT').message).toMatch(/--to-destination' must be specified/);
    expect(problemAt('-A INPUT -m hashlimit --hashlimit-upto 1/sec').message).toMatch(/--hashlimit-name/);
  });

  it('parses two-argument options and repeated modules', () => {
    const c = clean('-A INPUT -m set --match-set wg src,dst -p tcp --tcp-flags SYN,ACK SYN -j DROP');
    expect(c.rule?.matches[0]?.options[0]?.args.map((a) => a.text)).toEqual(['wg', 'src,dst']);
    clean('-A INPUT -m recent --rcheck --name a -m recent --update --name b -j DROP');
  });

  it('treats unknown -j names as chains and known targets as extensions', () => {
    expect(clean('-A INPUT -j WG_IN').rule?.target?.kind).toBe('chain');
    expect(clean('-A INPUT -j ACCEPT').rule?.target?.kind).toBe('standard');
    expect(clean('-A INPUT -g WG_IN').rule?.target?.goto).toBe(true);
    expect(problemAt('-A INPUT -j ACCEPT -j DROP').message).toMatch(/multiple -j/);
  });

  it('checks target options: reject types per family, NAT ranges, log levels', () => {
    expect(problemAt('-A INPUT -j REJECT --reject-with icmp-port-unreachable', 'ipv6').message).toMatch(/icmp6-port-unreachable/);
    clean('-A INPUT -j REJECT --reject-with icmp6-adm-prohibited', 'ipv6');
    expect(problemAt('-t nat -A PREROUTING -j DNAT --to-destination 1.1.1.1:1025-65535').message).toMatch(/-p tcp/);
    clean('-t nat -A PREROUTING -p tcp -j DNAT --to-destination [fd00::1]:8080', 'ipv6');
    expect(problemAt('-A INPUT -j LOG --log-level bad').message).toMatch(/log level/);
    expect(problemAt('-A INPUT -j LOG --log-prefix').message).toMatch(/requires an argument/);
  });

  it('accepts a LOG prefix longer than 29 characters (iptables stores it cut to 29), but not an empty one', () => {
    clean('-A INPUT -j LOG --log-prefix "abcdefghijklmnopqrstuvwxyz012"'); // exactly 29
    clean('-A INPUT -j LOG --log-prefix "abcdefghijklmnopqrstuvwxyz0123"'); // 30
    clean('-A INPUT -j LOG --log-prefix "[wg0 dropped] abcdefghijklmnopqrstuvwxyz0123456789"', 'ipv6');
    expect(problemAt('-A INPUT -j LOG --log-prefix ""').message).toMatch(/must not be empty/);
  });

  it('lets TCPMSS take --set-mss and --clamp-mss-to-pmtu together (the last wins), each once', () => {
    const c = clean('-A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1380 --clamp-mss-to-pmtu');
    expect(c.rule?.target?.options.map((o) => o.name)).toEqual(['set-mss', 'clamp-mss-to-pmtu']);
    clean('-A FORWARD -p tcp -j TCPMSS --clamp-mss-to-pmtu --set-mss 1380');
    expect(problemAt('-A FORWARD -p tcp -j TCPMSS --set-mss 1380 --set-mss 1400').message).toMatch(/--set-mss' can only be used once/);
    expect(problemAt('-A FORWARD -p tcp -j TCPMSS --set-mss 1380 --clamp-mss-to-pmtu --set-mss 1400').message).toMatch(/can only be used once/);
    expect(problemAt('-A FORWARD -p tcp -j TCPMSS --clamp-mss-to-pmtu --clamp-mss-to-pmtu').message).toMatch(/can only be used once/);
    expect(problemAt('-A FORWARD -p tcp -j TCPMSS').message).toMatch(/--set-mss or --clamp-mss-to-pmtu/);
  });

  it('skips the other family\'s -4/-6 lines in restore input, refuses them on a command line', () => {
    const restore = (line: string, family: 'ipv4' | 'ipv6') => {
      const { words } = splitRestoreLine(line, 0);
      return parseIptablesArgs(words, { family, restore: true });
    };
    // iptables-restore applies -4 lines and skips -6 lines, wherever the option stands.
    expect(restore('-4 -A INPUT -s 10.0.0.1 -j ACCEPT', 'ipv4')).toMatchObject({ problems: [], ast: { kind: 'append' } });
    expect(restore('-4 -A INPUT -s 10.0.0.1 -j ACCEPT', 'ipv4').ast.rule?.source?.value?.text).toBe('10.0.0.1');
    for (const [line, family] of [
      ['-6 -A INPUT -s fd00::1 -p ipv6-icmp -m icmp6 --icmpv6-type 128 -j ACCEPT', 'ipv4'],
      ['-A INPUT -s fd00::1 -6 -j ACCEPT', 'ipv4'],
      ['-A INPUT -6 -m nosuch -j ACCEPT', 'ipv4'],
      ['-6 bogus', 'ipv4'],
      ['-4 -A INPUT -s 10.0.0.1 -p icmp --icmp-type 8 -j REJECT --reject-with icmp-port-unreachable', 'ipv6'],
      ['-A INPUT -s 10.0.0.2 -4 -j ACCEPT', 'ipv6'],
    ] as const) {
      const r = restore(line, family);
      expect(r.problems, line).toEqual([]);
      expect(r.ast.rule, line).toBeUndefined();
    }
    // What iptables reads before the -6 is still checked (near misses).
    expect(restore('-A INPUT -p bogus -6 -j ACCEPT', 'ipv4').problems[0]?.message).toMatch(/bogus/);
    expect(restore('-A INPUT -p tcp --dport 99999 -6 -j ACCEPT', 'ipv4').problems.length).toBeGreaterThan(0);
    expect(restore('-t nat -6 -A INPUT -j ACCEPT', 'ipv4').problems[0]?.message).toMatch(/-t option/);
    // a command line is one family: `iptables -6 ...` fails
    expect(problemAt('-6 -A INPUT -j ACCEPT').message).toMatch(/ip6tables/);
    expect(problemAt('-4 -A INPUT -j ACCEPT', 'ipv6').message).toMatch(/iptables/);
  });

  it('gives every node a range inside the input', () => {
    const line = '-A INPUT ! -s 10.0.0.0/8 -p tcp --dport 22 -m conntrack --ctstate NEW -j LOG --log-prefix "x y"';
    const c = clean(line);
    for (const r of [c.range, c.rule!.range, ...c.rule!.matches.map((m) => m.range), c.rule!.target!.range]) {
      expect(r.start).toBeGreaterThanOrEqual(0);
      expect(r.end).toBeLessThanOrEqual(line.length);
      expect(r.start).toBeLessThanOrEqual(r.end);
    }
    expect(line.slice(c.rule!.source!.range.start, c.rule!.source!.range.end)).toBe('! -s 10.0.0.0/8');
  });

  it('never throws on arbitrary word lists', () => {
    const pool = ['-A', '-I', '!', '-m', '-j', '-p', 'tcp', '--dport', '22', 'INPUT', '-s', '--', '-', '', '--x=', '-ptcp', '1:', 'ACCEPT'];
    let seed = 7;
    for (let k = 0; k < 500; k++) {
      const n = (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 8;
      const words = Array.from({ length: n }, (_, i) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const text = pool[seed % pool.length]!;
        return { text, range: { start: i * 10, end: i * 10 + text.length } };
      });
      expect(() => parseIptablesArgs(words, { family: k % 2 ? 'ipv4' : 'ipv6' })).not.toThrow();
    }
  });
});
