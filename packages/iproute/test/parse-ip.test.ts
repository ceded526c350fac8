import type { Word } from '@wglint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseIpCommand,
  parsePrefix,
  routeTableId,
  ruleSignature,
  type IpCommand,
  type IpRouteCommand,
  type IpRuleCommand,
} from '../src/index.js';

/** Splits on spaces; offsets are positions in `text`. */
function words(text: string): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], range: { start: m.index, end: m.index + m[0].length } });
  return out;
}
function ip(text: string) {
  const r = parseIpCommand(words(text));
  return { ...r, src: (x: { start: number; end: number }) => text.slice(x.start, x.end) };
}
const rule = (c: IpCommand): IpRuleCommand => {
  if (c.object !== 'rule') throw new Error(`not a rule: ${c.object}`);
  return c;
};
const route = (c: IpCommand): IpRouteCommand => {
  if (c.object !== 'route') throw new Error(`not a route: ${c.object}`);
  return c;
};

// Outcomes checked against `ip` (iproute2 6.1) in `unshare -n` with a tun0 device: `true` = ip
// refuses the command before talking to the kernel (exit 255/1).
const ORACLE: readonly (readonly [string, boolean])[] = [
  ['ip rule add from 10.200.200.1 table 41 priority 100', false],
  ['ip rule del from 10.200.200.1 table 41 priority 100', false],
  ['ip rule add iif wg0 table 123 priority 456', false],
  ['ip rule add ipproto tcp sport 8080 table 123 priority 456', false],
  ['ip rule add fwmark 1 table 123 priority 456', false],
  ['ip -4 rule add not fwmark 51820 table 51820', false],
  ['ip -4 rule add table main suppress_prefixlength 0', false],
  ['ip rule add fwmark 0x100000000 table 7', true],
  ['ip rule add fwmark 1/0x100000000 table 7', true],
  ['ip rule add fwmark 1 table 4294967296', true],
  ['ip rule add fwmark 1 table 4294967295', false],
  ['ip rule add fwmark foo table 7', true],
  ['ip rule add fwmark -1 table 7', true],
  ['ip rule add fwmark 07 table 7', false],
  ['ip rule add ! fwmark 1 table 7', true],
  ['ip rule add fr 10.0.0.0/8 table 7', true],
  ['ip rule add from 10.0.0.0/33 table 7', true],
  ['ip rule add from 10.0.0.1/8 table 100', false],
  ['ip rule add from 10.0 table 8', false],
  ['ip rule add from 10.0.0.0/255.0.0.0 table 7', false],
  ['ip -6 rule add from 10.0.0.0/8 table 7', true],
  ['ip -4 rule add from fd00::/8 table 7', true],
  ['ip -6 rule add from fd00::/8 table 7', false],
  ['ip rule add from 10.0.0.0/8 table 7 priority', true],
  ['ip rule add priority 5 t 100', false],
  ['ip rule add pri 5 lookup main', false],
  ['ip rule add prio 5 table 100', false],
  ['ip rule add order 5 table 100', false],
  ['ip rule add priority 5 look 100', true],
  ['ip rule add from 10.0.0.0/8 priority 4294967296 table 8', true],
  ['ip rule add from 10.0.0.0/8 priority 0x10 table 8', false],
  ['ip rule add from 10.0.0.0/8 uidrange 5 table 7', true],
  ['ip rule add uidrange 100-200 table 7', false],
  ['ip rule add from 10.0.0.0/8 unreachable', false],
  ['ip rule add from 10.0.0.0/8 type unreachable', false],
  ['ip rule add from 10.0.0.0/8 type bogus', true],
  ['ip rule add from 10.0.0.0/8 bogus 3', true],
  ['ip rule add priority 5 goto 10', false],
  ['ip rule add from 10.0.0.0/8 goto abc', true],
  ['ip rule add priority 5 nop', false],
  ['ip rule add l3mdev priority 1000', false],
  ['ip rule add from 10.0.0.0/8 tos 0x10 table 7', false],
  ['ip rule add from 10.0.0.0/8 table 7 tos foo', true],
  ['ip rule add from 10.0.0.0/8 dsfield 0x10 table 7', false],
  ['ip rule add from 10.0.0.0/8 realms 1/2 table 7', false],
  ['ip rule add from 10.0.0.0/8 table 7 realms foo', true],
  ['ip rule add from 10.0.0.0/8 table 7 protocol static', false],
  ['ip rule add from 10.0.0.0/8 table 7 proto bogus', true],
  ['ip rule add from 10.0.0.0/8 table 7 ipproto bogus', true],
  ['ip rule add from 10.0.0.0/8 table 7 ipproto icmpv6', true],
  ['ip rule add from 10.0.0.0/8 table 7 ipproto ipv6-icmp', false],
  ['ip rule add from 10.0.0.0/8 table 7 suppress_prefixlength abc', true],
  ['ip rule add table main suppress_ifgroup 0', false],
  ['ip rule add sup_pl 0 table main', false],
  ['ip rule add from 10.0.0.0/8 table 7 oif tun0', false],
  ['ip rule add from 10.0.0.0/8 table 7 dev tun0', false],
  ['ip rule add not from 10.0.0.0/8 table 7', false],
  ['ip rule a from 10.0.0.0/8 table 7', false],
  ['ip rule d from 10.0.0.0/8 table 100', false],
  ['ip ru add from 10.0.0.0/8 table 7', false],
  ['ip rule bogus', true],
  ['ip rule flush', false],
  ['ip rule show table main', false],
  ['ip rule list', false],
  ['ip route add 10.100.100.1 dev tun0', false],
  ['ip route add default via 172.31.0.1 dev tun0 table 123', false],
  ['ip route add 198.51.100.87 via 172.31.0.1 dev tun0', false],
  ['ip route add 192.0.2.144/30 via 172.31.0.1 dev tun0', false],
  ['ip route add 10.9.0.0/16 dev tun0 foo', true],
  ['ip route add 10.9.0.0/16 tun0', true],
  ['ip route add 10.9.0.0/16 dev tun0 metric abc', true],
  ['ip route add 10.9.0.0/16 dev tun0 table 4294967296', true],
  ['ip route add 10.9.0.0/16 dev tun0 scope bogus', true],
  ['ip route add 10.9.0.0/16 dev tun0 proto bogus', true],
  ['ip route add 10.9.0.0/16 dev tun0 proto 99', false],
  ['ip route add 10.9.0.0/16 dev tun0 type unicast', true],
  ['ip route add unreachable 10.9.0.0/16', false],
  ['ip route add blackhole default table 5', false],
  ['ip route add throw 10.9.0.0/16 table 5', false],
  ['ip route add 10.9.0.0/16 via 172.31.0.1 dev tun0 mtu lock 1400', false],
  ['ip route add 10.9.0.0/16 dev tun0 t 5', false],
  ['ip route add 10.9.0.0/16 dev tun0 ta 5', false],
  ['ip route add 10.9.0.0/16 dev tun0 met 5', false],
  ['ip route add 10.9.0.0/16 dev tun0 p 5', false],
  ['ip route add 10.9.0.0/16 dev tun0 pro static', false],
  ['ip route add 10.9.0.0/16 dev tun0 pref high', false],
  ['ip route add 10.9.0.0/16 dev tun0 preference 100', false],
  ['ip route add 10.9.0.0/255.255.0.0 dev tun0', false],
  ['ip route add 0/0 dev tun0 table 5', false],
  ['ip route add', true],
  ['ip route add 10.9.0.0/16 dev', true],
  ['ip route replace default dev tun0 table 51820', false],
  ['ip r a 10.9.0.0/16 dev tun0', false],
  ['ip ro del 10.9.0.0/16 dev tun0', false],
  ['ip route rep 10.9.0.0/16 dev tun0', false],
  ['ip route ch 10.9.0.0/16 dev tun0', false],
  ['ip route de 10.9.0.0/16 dev tun0', false],
  ['ip route show table all', false],
  ['ip route s', false],
  ['ip route flush table 7', false],
  ['ip route flush cache', false],
  ['ip route get 1.1.1.1', false],
  ['ip -4 route add 0.0.0.0/0 dev tun0 table 51820', false],
  ['ip -6 route add ::/0 dev tun0 table 51820', false],
  ['ip route add fd00::/64 dev tun0', false],
  ['ip route add 10.9.0.0/16 dev tun0 via 172.31.0.1 via 172.31.0.1', true],
  ['ip link set dev tun0 up', false],
  ['ip link set tun0 up', false],
  ['ip link set mtu 1420 up dev tun0', false],
  ['ip link set dev tun0 mtu abc', true],
  ['ip link set dev tun0 bogus', true],
  ['ip link delete dev tun0', false],
  ['ip link del tun0', false],
  ['ip link add dev wg0 type wireguard', false],
  ['ip address add 10.0.0.1/24 dev tun0', false],
  ['ip -4 address add 10.0.0.1/24 dev tun0', false],
  ['ip a add 10.0.0.1/24 dev tun0', false],
  ['ip addr add 10.0.0.1/24 tun0', true],
  ['ip addr add 10.0.0.1/33 dev tun0', true],
  ['ip bogus', true],
  ['ip -x route', true],
  ['ip -family inet6 route', false],
  ['ip -4 -o route', false],
  ['ip --json route', false],
  // found by test/ip-oracle.test.ts (recorded here so they are checked without root too)
  ['ip rule add table all', true],
  ['ip route add 10.1.0.0/16 dev tun0 table all', true],
  ['ip route show table all', false],
  ['ip rule show table all', false],
  ['ip route add 10.1.0.0/16 dev tun0 rtt abc', true],
  ['ip route add 10.1.0.0/16 dev tun0 rtt 10us', true],
  ['ip route add 10.1.0.0/16 dev tun0 rto_min 08', true],
  ['ip route add 10.1.0.0/16 dev tun0 rtt 1.5s', false],
  ['ip route add 10.1.0.0/16 dev tun0 rtt 10', false],
  ['ip route add 10.1.0.0/16 dev tun0 rttvar 0x10ms', false],
  ['ip route add 10.1.0.0/16 dev tun0 expires abc', true],
  ['ip link set dev tun0 mtu 0x500', false],
  ['ip link set dev tun0 mtu +1400', false],
  ['ip link set dev tun0 mtu 4294967295', true],
  ['ip link set dev tun0 multicast maybe', true],
  ['ip link set dev tun0 arp off', false],
  ['ip link set dev tun0 qlen abc', true],
  ['ip link set dev tun0 txqlen -1', false],
  ['ip link s tun0 up', false],
  ['ip link sett tun0 up', true],
  ['ip link chg tun0 up', true],
  ['ip addr chg 10.0.0.1/24 dev tun0', false],
  ['ip addr x', true],
  ['ip addr add 10.0.0.5/24 dev tun0 scope foo', true],
  ['ip addr add 10.0.0.5/24 dev tun0 scope 200', false],
  ['ip addr add 10.0.0.5/24 dev tun0 metric abc', true],
  ['ip addr add 10.0.0.5/24 dev tun0 valid_lft abc', true],
  ['ip addr add 10.0.0.5/24 dev tun0 valid_lft forever preferred_lft 50', false],
  ['ip addr add 10.0.0.5/24 brd + dev tun0', false],
  ['ip addr add 10.0.0.5/24 brd 10.0.0.255/24 dev tun0', true],
  ['ip addr add 10.0.0.5/24 anycast abc dev tun0', true],
  ['ip addr add 10.0.0.5/24 peer abc dev tun0', true],
  ['ip addr add 10.0.0.5/32 peer 10.0.0.6/24 dev tun0', false],
  ['ip addr add 10.0.0.5/24 local 10.0.0.7 dev tun0', true],
  ['ip', true],
  ['ip -4', true],
  ['ip -V', false],
];

describe('agrees with iproute2 6.1 on what parses', () => {
  for (const [cmd, refused] of ORACLE) {
    it(`${refused ? 'refuses' : 'accepts'} ${cmd}`, () => {
      const r = ip(cmd);
      if (refused) expect(r.problems.length).toBeGreaterThan(0);
      else expect(r.problems).toEqual([]);
    });
  }
});

describe('ip rule', () => {
  it('reads the seed 002 PreUp', () => {
    const { ast } = ip('ip rule add from 10.200.200.1 table 41 priority 100');
    const r = rule(ast);
    expect(r.action).toBe('add');
    expect(r.rule.from?.prefix).toMatchObject({ family: 4, address: '10.200.200.1', length: 32, explicitLength: false });
    expect(r.rule.table).toMatchObject({ id: 41, kind: 'number' });
    expect(r.rule.priority?.value).toBe(100);
    expect(r.args.map((a) => a.key)).toEqual(['from', 'table', 'priority']);
  });

  it("reads wg-quick's own rules", () => {
    const a = rule(ip('ip -4 rule add not fwmark 51820 table 51820').ast);
    expect(a.family).toBe(4);
    expect(a.rule.not?.text).toBe('not');
    expect(a.rule.fwmark).toMatchObject({ value: 51820, mask: undefined });
    const b = rule(ip('ip -4 rule add table main suppress_prefixlength 0').ast);
    expect(b.rule.table).toMatchObject({ id: 254, kind: 'builtin' });
    expect(b.rule.suppressPrefixLength?.value).toBe(0);
  });

  it('normalises abbreviations and number bases', () => {
    const r = rule(ip('ip ru a fwmark 0xca6c/0xffff lookup 51820 pref 0x10 iif wg0').ast);
    expect(r.action).toBe('add');
    expect(r.rule.fwmark).toMatchObject({ value: 0xca6c, mask: 0xffff });
    expect(r.rule.priority?.value).toBe(16);
    expect(r.rule.table?.id).toBe(51820);
    expect(r.rule.iif?.text).toBe('wg0');
  });

  it('gives add and del of the same rule the same signature', () => {
    const add = rule(ip('ip rule add from 10.0.0.3 table 123 priority 456').ast);
    const del = rule(ip('ip rule del from 10.0.0.3/32 lookup 123 pref 456').ast);
    const other = rule(ip('ip rule del from 10.0.0.4 table 123 priority 456').ast);
    expect(ruleSignature(add)).toBe(ruleSignature(del));
    expect(ruleSignature(add)).not.toBe(ruleSignature(other));
  });

  it('keeps table names for a rule to judge (rt_tables)', () => {
    const r = ip('ip rule add fwmark 1 table vpn');
    expect(r.problems).toEqual([]);
    expect(rule(r.ast).rule.table).toMatchObject({ kind: 'name', id: undefined });
  });

  it('points at the bad word', () => {
    const r = ip('ip rule add fwmark 0x100000000 table 7');
    expect(r.src(r.problems[0]!.range)).toBe('0x100000000');
    expect(r.problems[0]!.message).toMatch(/fwmark value is invalid/);
    const n = ip('ip rule add ! fwmark 1 table 7');
    expect(n.src(n.problems[0]!.range)).toBe('!');
    expect(n.problems[0]!.message).toMatch(/Use `not`/);
  });

  it('stops at the first word ip cannot parse, as ip does', () => {
    const r = ip('ip rule add fr 10.0.0.0/8 table 7');
    expect(r.problems).toHaveLength(1);
    expect(r.src(r.problems[0]!.range)).toBe('fr');
  });

  it('suggests the fix for a blog-damaged dash', () => {
    const r = ip('ip rule add –from 10.0.0.0/8 table 7');
    expect(r.problems[0]!.message).toMatch(/Did you mean `from`/);
  });

  it('reports an inverted port range', () => {
    const r = ip('ip rule add ipproto tcp sport 90-80 table 7');
    expect(r.problems[0]!.message).toMatch(/larger than the second/);
  });
});

describe('ip route', () => {
  it('reads the seed 004 static routes', () => {
    const a = route(ip('ip route add 192.0.2.144/30 via 172.31.0.1 dev eth0').ast);
    expect(a.action).toBe('add');
    expect(a.route.dst?.prefix).toMatchObject({ family: 4, length: 30, network: '192.0.2.144/30', hostBits: false });
    expect(a.route.via?.prefix?.address).toBe('172.31.0.1');
    expect(a.route.dev?.text).toBe('eth0');
    expect(routeTableId(a)).toBe(254);
    const b = route(ip('ip route add default via 172.31.0.1 dev eth0 table 123').ast);
    expect(b.route.dst?.prefix?.isDefault).toBe(true);
    expect(routeTableId(b)).toBe(123);
  });

  it('flags host bits in the AST (the kernel refuses them)', () => {
    const r = ip('ip route add 10.8.0.1/24 dev wg0');
    expect(r.problems).toEqual([]);
    expect(route(r.ast).route.dst?.prefix).toMatchObject({ hostBits: true, network: '10.8.0.0/24' });
  });

  it('reads route types, metrics and scopes', () => {
    const r = route(ip('ip route replace unreachable 10.9.0.0/16 metric 100 scope global proto static table main').ast);
    expect(r.action).toBe('replace');
    expect(r.route.routeType?.text).toBe('unreachable');
    expect(r.route.metric?.value).toBe(100);
    expect(r.route.scope?.text).toBe('global');
    expect(r.route.table?.id).toBe(254);
    expect(route(ip('ip route add local 10.9.0.1 dev lo').ast).route.routeType?.text).toBe('local');
    expect(routeTableId(route(ip('ip route add local 10.9.0.1 dev lo').ast))).toBe(255);
  });

  it('suggests `dev` for a bare interface name', () => {
    const r = ip('ip route add 10.9.0.0/16 wg0');
    expect(r.problems[0]!.message).toMatch(/Did you mean `dev wg0`/);
    expect(r.src(r.problems[0]!.range)).toBe('wg0');
  });

  it('keeps multipath nexthops unparsed', () => {
    const r = ip('ip route add default nexthop via 10.0.0.1 dev eth0 weight 1 nexthop via 10.0.0.2 dev eth1');
    expect(r.problems).toEqual([]);
    expect(route(r.ast).route.nexthops?.map((w) => w.text)[0]).toBe('nexthop');
  });

  it('is lenient with show/flush selectors', () => {
    for (const c of ['ip route show table all', 'ip route show dev wg0 match 10.0.0.0/8', 'ip route flush cache', 'ip -6 route show table 51820']) {
      expect(ip(c).problems, c).toEqual([]);
    }
  });
});

describe('dynamic words', () => {
  it('does not judge values bash computes at run time', () => {
    expect(ip('ip rule add fwmark $(wg show wg0 fwmark) table 7 priority 10').problems).toEqual([]);
    expect(ip('ip route add default dev wg0 table $TABLE').problems).toEqual([]);
    // An unquoted expansion may split into several words: nothing after it is judged.
    expect(ip('ip rule add $SELECTOR bogus').problems).toEqual([]);
    // Before it, problems are still reported.
    expect(ip('ip rule add bogus $SELECTOR').problems).toHaveLength(1);
  });
});

describe('ip link / ip address', () => {
  it("reads wg-quick's own link and address commands", () => {
    const a = ip('ip link add dev wg0 type wireguard').ast;
    expect(a).toMatchObject({ object: 'link', action: 'add' });
    if (a.object === 'link') {
      expect(a.dev?.text).toBe('wg0');
      expect(a.linkType?.text).toBe('wireguard');
    }
    const b = ip('ip link set mtu 1420 up dev wg0').ast;
    if (b.object !== 'link') throw new Error();
    expect(b).toMatchObject({ action: 'set', state: 'up' });
    expect(b.mtu?.value).toBe(1420);
    expect(b.dev?.text).toBe('wg0');
    const c = ip('ip -4 address add 10.0.0.1/24 dev wg0').ast;
    if (c.object !== 'address') throw new Error();
    expect(c.action).toBe('add');
    expect(c.local?.prefix).toMatchObject({ address: '10.0.0.1', length: 24, hostBits: true });
    expect(c.dev?.text).toBe('wg0');
  });

  it('keeps other objects unparsed', () => {
    const r = ip('ip netns exec foo true');
    expect(r.problems).toEqual([]);
    expect(r.ast).toMatchObject({ object: 'other', action: 'exec' });
  });

  it('handles a bare `ip`', () => {
    expect(ip('ip').ast.object).toBe('none');
  });
});

describe('prefixes', () => {
  it('parses IPv4 and IPv6 like get_prefix', () => {
    expect(parsePrefix('10.0')).toMatchObject({ address: '10.0.0.0', length: 32 });
    expect(parsePrefix('fd00::1/64')).toMatchObject({ family: 6, address: 'fd00::1', network: 'fd00::/64', hostBits: true });
    expect(parsePrefix('::/0')).toMatchObject({ family: 6, isDefault: true });
    expect(parsePrefix('::ffff:10.0.0.1')).toMatchObject({ family: 6, length: 128 });
    expect(parsePrefix('10.0.0.256')).toBeUndefined();
    expect(parsePrefix('fd00:::1')).toBeUndefined();
    expect(parsePrefix('10.0.0.0/255.0.255.0')).toBeUndefined();
    expect(parsePrefix('all')).toMatchObject({ isDefault: true, family: undefined });
  });

  it('never throws on arbitrary words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ip', 'rule', 'route', 'add', 'del', 'from', 'to', 'table', 'fwmark', 'dev', 'via', 'lock', 'mtu', 'nexthop', '-4', '-n', '10.0.0.0/8', 'x', '', '0x1/0x2', 'default', 'type', 'link', 'set', 'up'), { maxLength: 12 }), (ws) => {
        let off = 0;
        const w = ws.map((t) => {
          const r = { text: t, range: { start: off, end: off + t.length } };
          off += t.length + 1;
          return r;
        });
        const r = parseIpCommand(w);
        for (const p of r.problems) expect(p.range.end).toBeLessThanOrEqual(off);
      }),
      { numRuns: 500 },
    );
  });
});
