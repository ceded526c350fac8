import { ipt, match, nft, ref, stmt, verdict } from '../src/index.js';

/** A firewall + NAT example used here and by the real-tool tests. */
export function exampleRuleset(): string {
  const f = nft
    .table('inet', 'filter')
    .set('admins', { type: 'ipv4_addr', flags: ['interval'], elements: ['10.8.0.0/28', '192.0.2.7'] })
    .set('ports', { type: 'inet_service', flags: ['interval'], elements: [22, { from: 8000, to: 8080 }] })
    .map('from_if', { type: 'ifname', dataType: 'verdict', elements: [['wg0', verdict.jump('from_wg')], ['lo', verdict.accept()]] });
  f.chain('from_wg').rule(match.udp.dport(53), stmt.counter(), verdict.accept()).rule(match.ip.saddr(ref('admins')), match.tcp.dport(ref('ports')), verdict.accept());
  f.chain('input', { type: 'filter', hook: 'input', priority: 0, policy: 'drop' })
    .rule(match.ct.state(['established', 'related']), verdict.accept())
    .rule(match.ct.state(['invalid']), verdict.drop())
    .rule(stmt.vmap('iifname', ref('from_if')))
    .rule(match.udp.dport(51820), stmt.counter(), verdict.accept(), stmt.comment('wireguard'))
    .rule(match.meta.l4proto('tcp'), stmt.reject({ with: 'tcp reset' }));
  f.chain('forward', { type: 'filter', hook: 'forward', priority: 'filter', policy: 'drop' })
    .rule(match.iifname('wg0'), match.oifname(['eth0', 'eth1']), verdict.accept())
    .rule(match.iifname('eth0'), match.oifname('wg0'), match.ct.state(['established', 'related']), verdict.accept());
  const n = nft.table('inet', 'wgnat');
  n.chain('postrouting', { type: 'nat', hook: 'postrouting', priority: 100 })
    .rule(match.ip.saddr('10.8.0.0/24'), match.oifname('eth0'), stmt.masquerade())
    .rule(match.ip6.saddr('fd00::/64'), match.oifname('eth0'), stmt.snat({ to: '2001:db8::1' }));
  n.chain('prerouting', { type: 'nat', hook: 'prerouting', priority: 'dstnat' })
    .rule(match.iifname('eth0'), match.tcp.dport(8080), stmt.dnat({ to: '10.8.0.2', port: 80 }))
    .rule(match.iifname('eth0'), match.udp.dport(5353), stmt.dnat({ to: 'fd00::2', port: 53 }));
  return nft.ruleset(f, n);
}

/** A typical wg-quick host: filter + nat, a user chain, MSS clamping. Also loaded by the real-tool tests. */
export function exampleRules() {
  const input = { table: 'filter', chain: 'INPUT' } as const;
  return [
    ipt.rule(input).ctstate(['ESTABLISHED', 'RELATED']).accept(),
    ipt.rule(input).protocol('udp').dport(51820).comment('wireguard listen port').jump('ACCEPT'),
    ipt.rule(input).inInterface('wg0').jump('WG_IN'),
    ipt.rule({ table: 'filter', chain: 'WG_IN' }).source('10.8.0.0/24').protocol('tcp').dports([22, { from: 8000, to: 8080 }]).accept(),
    ipt.rule({ table: 'filter', chain: 'WG_IN' }).protocol('tcp').reject({ with: 'tcp-reset' }),
    ipt.rule({ table: 'filter', chain: 'FORWARD' }).inInterface('wg+').outInterface('eth0').accept(),
    ipt.rule({ table: 'filter', chain: 'FORWARD' }).protocol('tcp').tcpFlags(['SYN', 'RST'], ['SYN']).clampMssToPmtu(),
    ipt.rule({ table: 'nat', chain: 'POSTROUTING' }).source('10.8.0.0/24').outInterface('eth0').masquerade(),
    ipt.rule({ table: 'nat', chain: 'PREROUTING' }).inInterface('eth0').protocol('tcp').dport(8080).dnat('10.8.0.2', 80),
    ipt.rule({ table: 'mangle', chain: 'PREROUTING' }).mark(0xca6c).setMark(1),
  ];
}
