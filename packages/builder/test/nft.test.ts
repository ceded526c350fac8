import { describe, expect, it } from 'vitest';
import { BuilderError, match, nft, ref, stmt, verdict } from '../src/index.js';
import { exampleRuleset } from './examples.js';
import { expectNftClean } from './support.js';

function thrown(fn: () => unknown): BuilderError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BuilderError);
    return e as BuilderError;
  }
  throw new Error('expected a BuilderError');
}


describe('nft builder', () => {
  it('builds the README example', () => {
    const text = nft
      .table('inet', 'filter')
      .chain('input', { type: 'filter', hook: 'input', priority: 0, policy: 'drop' })
      .rule(match.ct.state(['established', 'related']), verdict.accept())
      .print();
    expect(text).toBe(`table inet filter {
\tchain input {
\t\ttype filter hook input priority filter; policy drop;
\t\tct state established,related accept
\t}
}
`);
    expect(expectNftClean(text)).toBe(text);
  });

  it('emits the canonical form: wglint parses it clean and its canonical printer reproduces it', () => {
    const text = exampleRuleset();
    expect(text).toContain('\t\ttype nat hook postrouting priority srcnat; policy accept;\n');
    expect(text).toContain('ip6 saddr fd00::/64 oifname "eth0" snat ip6 to 2001:db8::1');
    expect(text).toContain('iifname "eth0" udp dport 5353 dnat ip6 to [fd00::2]:53');
    expect(text).toContain('elements = { "wg0" : jump from_wg, "lo" : accept }');
    expect(text).toContain('udp dport 51820 counter accept comment "wireguard"');
    expect(expectNftClean(text)).toBe(text);
  });

  it('prints priorities as nft lists them, and numbers where a name would be refused by nft 1.0.6', () => {
    const t = nft.table('ip', 'p');
    t.chain('a', { type: 'filter', hook: 'input', priority: -145 });
    t.chain('b', { type: 'filter', hook: 'input', priority: 13 });
    t.chain('c', { type: 'nat', hook: 'output', priority: -100 });
    t.chain('d', { type: 'filter', hook: 'prerouting', priority: 'raw' });
    const text = t.print();
    expect(text).toContain('hook input priority mangle + 5;');
    expect(text).toContain('hook input priority 13;');
    expect(text).toContain('hook output priority -100;');
    expect(text).toContain('hook prerouting priority raw;');
    // wglint's canonical printer names -100 on output `dstnat`, which nft 1.0.6 refuses; only parse here
    expectNftClean(text);
  });

  it('prints ip-family NAT without a family word and single ports/addresses without braces', () => {
    const t = nft.table('ip', 'nat');
    t.chain('pre', { type: 'nat', hook: 'prerouting', priority: -100 }).rule(match.meta.l4proto(['tcp', 'udp']), match.ip.daddr('192.0.2.1/32'), stmt.dnat({ to: '10.0.0.2', port: { from: 1000, to: 2000 } }));
    t.chain('redir', { type: 'nat', hook: 'prerouting', priority: -90 }).rule(match.tcp.dport([25, 465]), stmt.redirect({ port: 2525 }));
    const text = t.print();
    expect(text).toContain('meta l4proto { tcp, udp } ip daddr 192.0.2.1 dnat to 10.0.0.2:1000-2000');
    expect(text).toContain('tcp dport { 25, 465 } redirect to :2525');
    expect(text).toContain('type nat hook prerouting priority dstnat + 10; policy accept;');
    expect(expectNftClean(text)).toBe(text);
  });

  it('prints IPv6 addresses the way nft lists them (RFC 5952)', () => {
    const t = nft.table('ip6', 'v6');
    t.chain('c').rule(match.ip6.saddr(['FD00:0:0:0::1', '2001:DB8:0:0:1:0:0:0/96']), verdict.accept());
    expect(t.print()).toContain('ip6 saddr { fd00::1, 2001:db8:0:0:1::/96 } accept');
    expectNftClean(t.print());
  });

  it('builds marks, logs, netdev chains and maps with typed data', () => {
    const t = nft.table('netdev', 'edge').set('marks', { type: 'mark', elements: [1, 0xca6c] });
    t.chain('ing', { type: 'filter', hook: 'ingress', priority: -500, device: 'eth0' }).rule(match.meta.mark(ref('marks')), stmt.log({ prefix: 'marked ' }), verdict.accept());
    const m = nft.table('ip', 'm').map('port2addr', { type: 'inet_service', dataType: 'ipv4_addr', elements: [[80, '10.0.0.2'], [443, '10.0.0.3']] });
    m.chain('o', { type: 'route', hook: 'output', priority: 'mangle' }).rule(match.udp.dport(51820), stmt.meta.setMark(0xca6c), stmt.ct.setMark(1));
    const text = nft.ruleset(t, m);
    expect(text).toContain('elements = { 0x00000001, 0x0000ca6c }');
    expect(text).toContain('type filter hook ingress device "eth0" priority -500; policy accept;');
    expect(text).toContain('elements = { 80 : 10.0.0.2, 443 : 10.0.0.3 }');
    expect(text).toContain('udp dport 51820 meta mark set 0x0000ca6c ct mark set 0x00000001');
    expect(expectNftClean(text)).toBe(text);
  });
});

describe('nft builder refuses what nft refuses', () => {
  const base = () => nft.table('inet', 't');
  const cases: [string, () => unknown, BuilderError['code'], RegExp][] = [
    ['reserved chain name', () => base().chain('fwd'), 'invalid-name', /reserved word/],
    ['bad identifier', () => nft.table('inet', '1abc'), 'invalid-name', /not a valid nft table name/],
    ['nat chain on forward', () => base().chain('c', { type: 'nat', hook: 'forward', priority: 0 }), 'chain-type', /type nat chains/],
    ['route chain on input', () => base().chain('c', { type: 'route', hook: 'input', priority: 0 }), 'chain-type', /type route/],
    ['nat priority too low', () => base().chain('c', { type: 'nat', hook: 'prerouting', priority: -200 }), 'chain-type', /above -200/],
    ['ingress hook in ip', () => nft.table('ip', 't').chain('c', { type: 'filter', hook: 'ingress', priority: 0, device: 'eth0' }), 'chain-type', /no `ingress` hook/],
    ['netdev without device', () => nft.table('netdev', 't').chain('c', { type: 'filter', hook: 'ingress', priority: 0 }), 'missing-option', /needs a device/],
    ['dstnat name on output (1.0.6)', () => base().chain('c', { type: 'nat', hook: 'output', priority: 'dstnat' }), 'chain-type', /not valid for a inet output chain/],
    ['masquerade in filter chain', () => base().chain('c', { type: 'filter', hook: 'postrouting', priority: 0 }).rule(stmt.masquerade()), 'chain-type', /type nat/],
    ['snat in prerouting', () => base().chain('c', { type: 'nat', hook: 'prerouting', priority: -100 }).rule(stmt.snat({ to: '10.0.0.1' })), 'chain-type', /postrouting\/input/],
    ['dnat in postrouting', () => base().chain('c', { type: 'nat', hook: 'postrouting', priority: 100 }).rule(stmt.dnat({ to: '10.0.0.1' })), 'chain-type', /prerouting\/output/],
    ['dnat port without protocol', () => base().chain('c', { type: 'nat', hook: 'prerouting', priority: -100 }).rule(stmt.dnat({ to: '10.0.0.1', port: 80 })), 'needs-protocol', /transport match/],
    ['nat in bridge', () => nft.table('bridge', 'b').chain('c').rule(stmt.masquerade()), 'chain-type', /ip, ip6 or inet/],
    ['ip6 match in ip table', () => nft.table('ip', 't').chain('c').rule(match.ip6.saddr('fd00::/8'), verdict.accept()), 'family', /IPv6/],
    ['snat to v6 in ip table', () => nft.table('ip', 't').chain('c', { type: 'nat', hook: 'postrouting', priority: 100 }).rule(stmt.snat({ to: 'fd00::1' })), 'family', /IPv6/],
    ['statement after verdict', () => base().chain('c').rule(verdict.accept(), stmt.counter()), 'statement-order', /after terminal/],
    ['match after statement', () => base().chain('c').rule(stmt.counter(), match.tcp.dport(22)), 'statement-order', /before statements/],
    ['oifname in input', () => base().chain('c', { type: 'filter', hook: 'input', priority: 0 }).rule(match.oifname('eth0'), verdict.drop()), 'interface-direction', /no output interface/],
    ['reject with tcp reset without tcp', () => base().chain('c').rule(stmt.reject({ with: 'tcp reset' })), 'needs-protocol', /tcp-only/],
    ['reject in prerouting', () => base().chain('c', { type: 'filter', hook: 'prerouting', priority: 0 }).rule(stmt.reject()), 'target-hook', /input, forward and output/],
    ['reversed port range', () => match.tcp.dport({ from: 2000, to: 1000 }), 'invalid-port', /reversed/],
    ['port out of range', () => match.udp.dport(70000), 'invalid-port', /0 to 65535/],
    ['host bits', () => match.ip.saddr('10.0.0.1/24'), 'invalid-cidr', /write `10.0.0.0\/24`/],
    ['prefix in a set without interval', () => base().set('s', { type: 'ipv4_addr', elements: ['10.0.0.0/8'] }), 'invalid-value', /flags: \['interval'\]/],
    ['overlapping elements', () => base().set('s', { type: 'ipv4_addr', flags: ['interval'], elements: ['10.0.0.0/8', '10.1.0.0/16'] }), 'duplicate', /overlaps/],
    ['duplicate set', () => base().set('s', { type: 'mark' }).set('s', { type: 'mark' }), 'duplicate', /already exists/],
    ['comment with a quote', () => stmt.comment('say "hi"'), 'invalid-value', /without quotes/],
    ['interface name too long', () => match.iifname('a-very-long-interface'), 'invalid-name', /1-15 characters/],
    ['policy reject', () => base().chain('c', { type: 'filter', hook: 'input', priority: 0, policy: 'reject' as 'drop' }), 'invalid-value', /reject is a statement/],
  ];
  it.each(cases)('%s', (_name, fn, code, message) => {
    const e = thrown(fn);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('checks references when printing: missing chains, base-chain jumps, set types, loops, NAT reached from the wrong hook', () => {
    const missing = base();
    missing.chain('in', { type: 'filter', hook: 'input', priority: 0 }).rule(verdict.jump('nope'));
    expect(thrown(() => missing.print()).message).toMatch(/no chain `nope`/);

    const toBase = base();
    toBase.chain('a', { type: 'filter', hook: 'input', priority: 0 });
    toBase.chain('b', { type: 'filter', hook: 'output', priority: 0 }).rule(verdict.jump('a'));
    expect(thrown(() => toBase.print()).message).toMatch(/is a base chain/);

    const wrongSet = base().set('ports', { type: 'inet_service', elements: [22] });
    wrongSet.chain('c').rule(match.ip.saddr(ref('ports')), verdict.accept());
    expect(thrown(() => wrongSet.print()).message).toMatch(/holds inet_service, the match needs ipv4_addr/);

    const loop = base();
    loop.chain('a').rule(verdict.jump('b'));
    loop.chain('b').rule(verdict.goto('a'));
    expect(thrown(() => loop.print()).message).toMatch(/jump loop: a → b → a/);

    const natFromFilter = base();
    natFromFilter.chain('masq').rule(stmt.masquerade());
    natFromFilter.chain('post', { type: 'filter', hook: 'postrouting', priority: 0 }).rule(verdict.jump('masq'));
    expect(thrown(() => natFromFilter.print()).message).toMatch(/uses masquerade, which does not work when reached from filter postrouting/);

    const nested = base();
    nested.chain('c2').rule(match.oifname('eth0'), verdict.accept());
    nested.chain('c1').rule(verdict.jump('c2'));
    nested.chain('in', { type: 'filter', hook: 'input', priority: 0 }).rule(verdict.jump('c1'));
    expect(thrown(() => nested.print()).message).toMatch(/chain c2 matches `oifname "eth0"` but is reached from the input hook/);

    const rejectPre = base();
    rejectPre.chain('r').rule(stmt.reject());
    rejectPre.chain('pre', { type: 'filter', hook: 'prerouting', priority: 0 }).rule(verdict.goto('r'));
    expect(thrown(() => rejectPre.print()).code).toBe('target-hook');
  });
});
