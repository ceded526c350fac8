import { defineRule } from '@wglint/core';
import type { HostModel, IptChainState, IptRuleFact, NftChainFact, NftRuleFact } from '@wglint/host';
import { chainKey } from '@wglint/host';
import { hasDump, originText, placeOf } from './utils.js';

export default defineRule<HostModel>({
  meta: {
    id: 'listen-port-blocked',
    severity: 'warning',
    summary: "The firewall drops WireGuard's ListenPort: no rule accepts it before a DROP policy or catch-all",
    fixable: false,
    languages: ['wg'],
  },
  check(ctx) {
    const model = ctx.model;
    const wgNames = new Set(model.interfaces.map((i) => i.name));
    for (const i of model.interfaces) {
      const port = i.listenPort?.value;
      // Only a side that peers connect to must accept new handshakes (a peer without Endpoint).
      if (!port || !i.listenPort || !i.peers.some((p) => !p.endpoint)) continue;
      const blockedBy: string[] = [];
      for (const family of ['ipv4', 'ipv6'] as const) {
        if (!hasDump(model, family) && !model.interfaces.some((x) => x.hooks.some((c) => c.type === 'iptables' && c.family === family && c.ipt.kind === 'policy'))) continue;
        const chain = model.iptables.up.chains.get(chainKey(family, 'filter', 'INPUT'));
        const why = chain ? iptBlocks(model, chain, port, wgNames) : undefined;
        if (why) blockedBy.push(why);
      }
      for (const c of model.nft.chains) {
        if (c.hook !== 'input') continue;
        const why = nftBlocks(model, c, model.nft.rules.filter((r) => r.family === c.family && r.table === c.table && r.chain === c.chain), port, wgNames);
        if (why) blockedBy.push(why);
      }
      if (blockedBy.length === 0) continue;
      const other = otherUdpAccept(model, port);
      ctx.report({
        file: i.file,
        range: i.listenPort.range,
        message:
          `Handshakes to ${i.name}'s ListenPort (UDP ${port}) are dropped: ${blockedBy.join('; ')}, and no earlier rule accepts UDP ${port}. ` +
          (other ? `A rule accepts UDP ${other.ports} instead (${other.where}): if that was meant for ${i.name}, the port numbers differ. ` : '') +
          `Peers cannot connect. Accept it before the drop, e.g. \`-A INPUT -p udp --dport ${port} -j ACCEPT\` or nft \`udp dport ${port} accept\`.`,
      });
    }
  },
});


/** Why INPUT drops a new UDP packet to `port`, or undefined when something may accept it first. */
function iptBlocks(model: HostModel, chain: IptChainState, port: number, wgNames: Set<string>): string | undefined {
  for (const r of chain.rules) {
    const f = r.facts;
    if (f.inIface && !f.inIface.negated && (f.inIface.name === 'lo' || wgNames.has(f.inIface.name))) continue;
    if (f.protocol && !f.protocol.negated && f.protocol.name !== 'udp') continue;
    // no ranges: a port bash computes (`--dport $(wg show %i listen-port)`) may be this one
    if (f.dports && !f.dports.negated && f.dports.ranges.length > 0 && !f.dports.ranges.some((p) => p.from <= port && port <= p.to)) continue;
    if (f.states && !f.states.negated && !f.states.values.includes('NEW')) continue;
    if ((f.target === 'DROP' || f.target === 'REJECT') && f.matchesAll) return `${at(model, r)} ${f.target === 'DROP' ? 'drops' : 'rejects'} everything`;
    if (f.target === 'DROP' || f.target === 'REJECT' || f.target === 'LOG') continue;
    return undefined; // ACCEPT, a jump, RETURN ...: may let it through
  }
  if (chain.policy === 'DROP') {
    const where = chain.policyOrigin.kind === 'default' ? '' : ` (${originText(model, chain.policyOrigin)})`;
    return `the ${chain.family === 'ipv6' ? 'ip6tables' : 'iptables'} INPUT policy is DROP${where}`;
  }
  return undefined;
}

/** A rule that accepts other UDP ports on input (a ListenPort typo or a stale port), for the message. */
function otherUdpAccept(model: HostModel, port: number): { ports: string; where: string } | undefined {
  const show = (ranges: readonly { from: number; to: number }[]): string => ranges.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`)).join(', ');
  for (const family of ['ipv4', 'ipv6'] as const) {
    const chain = model.iptables.up.chains.get(chainKey(family, 'filter', 'INPUT'));
    for (const r of chain?.rules ?? []) {
      const f = r.facts;
      // a rule for particular senders (a source address or port: DHCP, DNS replies) is not a WireGuard port
      if (f.target !== 'ACCEPT' || f.protocol?.name !== 'udp' || f.protocol.negated || !f.dports || f.dports.negated || f.dports.ranges.length === 0 || f.source || f.sports) continue;
      if (f.dports.ranges.some((p) => p.from <= port && port <= p.to)) continue;
      return { ports: show(f.dports.ranges), where: originText(model, r.origin) };
    }
  }
  for (const r of model.nft.rules) {
    if (r.hook !== 'input' || r.verdict !== 'accept' || r.udpDports.length === 0 || r.udpDports.some((p) => p.from <= port && port <= p.to)) continue;
    if (r.matches.some((m) => / saddr$| sport$/.test(m.key))) continue;
    return { ports: show(r.udpDports), where: placeOf(model, r.location.file, r.location.range.start) };
  }
  return undefined;
}

function at(model: HostModel, r: IptRuleFact): string {
  return `\`-A ${r.chain}${r.facts.specKey ? ` ${r.facts.specKey}` : ''}\` (${originText(model, r.origin)})`;
}

/** Selectors of a concatenation that no UDP packet matches. */
const NOT_UDP = /^(tcp|icmp|icmpv6|sctp|dccp) /;

const HANDSHAKE_KEYS = new Set(['meta iifname', 'meta iif', 'ip saddr', 'ip6 saddr', 'ip daddr', 'ip6 daddr', 'udp dport', 'th dport', 'meta l4proto', 'ip protocol', 'ip6 nexthdr', 'ct state', 'meta nfproto']);

function nftBlocks(model: HostModel, c: NftChainFact, rules: readonly NftRuleFact[], port: number, wgNames: Set<string>): string | undefined {
  for (const r of rules) {
    const applies = r.matches.every((m) => {
      // a concatenation (`meta l4proto . th dport { udp . 51820 }`) may match unless part of it is TCP or ICMP
      if (m.key.includes(' . ')) return m.negated || !m.key.split(' . ').some((k) => NOT_UDP.test(k));
      if (!HANDSHAKE_KEYS.has(m.key)) return m.negated; // unknown match: assume it may apply only when negated
      if (m.key === 'meta iifname' || m.key === 'meta iif') return m.negated || !m.values.every((v) => v === 'lo' || wgNames.has(v));
      if (m.key === 'udp dport' || m.key === 'th dport') return m.negated || r.udpDports.some((p) => p.from <= port && port <= p.to) || r.udpDports.length === 0;
      if (m.key === 'meta l4proto' || m.key === 'ip protocol' || m.key === 'ip6 nexthdr') return m.negated ? !m.values.includes('udp') : m.values.length === 0 || m.values.includes('udp');
      if (m.key === 'ct state') return m.negated ? !m.values.includes('new') : m.values.length === 0 || m.values.includes('new');
      return true;
    });
    if (!applies) continue;
    if ((r.verdict === 'drop' || r.verdict === 'reject') && r.matches.length === 0) {
      // `reject with tcp reset` answers TCP only: a UDP handshake passes it
      if (r.rejectOnly === 'tcp') continue;
      const what = r.rejectOnly === 'ipv4' ? 'rejects every IPv4 packet (`with icmp`)' : r.rejectOnly === 'ipv6' ? 'rejects every IPv6 packet (`with icmpv6`)' : 'catches everything';
      return `\`${r.verdict}\` at ${placeOf(model, r.location.file, r.location.range.start)} ${what}`;
    }
    if (r.verdict === 'accept' || r.verdict === 'jump' || r.verdict === 'goto' || r.verdict === 'return' || r.verdict === 'vmap') return undefined;
  }
  if (c.policy === 'drop') return `the nft chain ${c.family} ${c.table} ${c.chain} has policy drop (${placeOf(model, c.location.file, c.location.range.start)})`;
  return undefined;
}
