import { LineIndex, type TextRange } from '@wglint/core';
import type { FirewallState, HookCommand, HostModel, IptChainState, Location, Origin, WgInterface } from '@wglint/host';
import { chainKey, isDropping } from '@wglint/host';

const indexes = new WeakMap<object, Map<string, LineIndex>>();
const sourceIndexes = new WeakMap<object, LineIndex>();

/** The line index of a file's text (a host file's `file` object), built once and shared by the rules. */
export function lineIndexOf(source: { readonly text: string }): LineIndex {
  let idx = sourceIndexes.get(source);
  if (!idx) sourceIndexes.set(source, (idx = new LineIndex(source.text)));
  return idx;
}

/** `path:line` of an offset in one of the host's files, for messages that point elsewhere. */
export function placeOf(model: HostModel, file: string, offset: number): string {
  let byFile = indexes.get(model);
  if (!byFile) indexes.set(model, (byFile = new Map()));
  let idx = byFile.get(file);
  if (!idx) {
    const source = model.files.find((f) => f.file.path === file)?.file;
    idx = source ? lineIndexOf(source) : new LineIndex('');
    byFile.set(file, idx);
  }
  return `${file}:${idx.positionAt(offset).line}`;
}

/** Where a fact comes from, in words: `etc/sysctl.d/99.conf:3`, `PostUp of wg0 (etc/wireguard/wg0.conf:7)`, `the kernel default`. */
export function originText(model: HostModel, o: Origin): string {
  switch (o.kind) {
    case 'default':
      return 'the kernel default';
    case 'file':
      return placeOf(model, o.file, o.range.start);
    case 'hook':
      return `${o.hook} of ${o.iface} (${placeOf(model, o.file, o.range.start)})`;
    case 'wg-quick':
      return `wg-quick for ${o.iface}`;
  }
}

/** True for down hooks. */
export function isDown(c: HookCommand): boolean {
  return c.hook === 'PreDown' || c.hook === 'PostDown';
}

/**
 * What a failing hook command that nothing tolerates does to wg-quick (facts, appendix B): every
 * hook line runs under `set -e`, an up hook's failure makes wg-quick delete the interface.
 */
export function failureConsequence(c: HookCommand, iface: string): string {
  switch (c.hook) {
    case 'PreUp':
    case 'PostUp':
      return `\`wg-quick up\` stops there and deletes ${iface}`;
    case 'PreDown':
      return `\`wg-quick down\` stops there: ${iface} is not deleted and no PostDown runs`;
    case 'PostDown':
      return 'the PostDown commands after it do not run';
  }
}

/** True for up hooks. */
export function isUp(c: HookCommand): boolean {
  return c.hook === 'PreUp' || c.hook === 'PostUp';
}

/**
 * True when a command runs something the model cannot see into (a script, `bash file`, `source`):
 * it might do anything, so rules that need "nothing undoes this" stay quiet.
 */
export function runsScript(c: HookCommand): boolean {
  if (c.type !== 'opaque') return false;
  const w0 = c.words[0]?.text ?? '';
  return w0.includes('/') || /\.(sh|bash)$/.test(w0) || ['sh', 'bash', 'dash', 'zsh', 'source', '.', 'systemctl', 'ufw', 'firewall-cmd', 'make', 'python3', 'python'].includes(c.program);
}

/** Range covering words `[from, to]` of a hook command. */
export function wordsRange(c: HookCommand, from: number, to: number): TextRange {
  const a = c.words[Math.max(0, from)] ?? c.words[0]!;
  const b = c.words[Math.min(c.words.length - 1, to)] ?? a;
  return { start: a.range.start, end: b.range.end };
}

/** The interface a hook command belongs to. */
export function ifaceOf(model: HostModel, c: HookCommand): WgInterface | undefined {
  return model.interfaces.find((i) => i.name === c.iface && i.file === c.file);
}

/** A hook command as written, for messages (with `%i`, whitespace squeezed, shortened). */
export function shown(c: HookCommand, max = 90): string {
  const t = c.sourceText.replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** True when the host has an iptables-save dump for the family (its firewall is known). */
export function hasDump(model: HostModel, family: 'ipv4' | 'ipv6'): boolean {
  // a dump's family comes from its file name when that says one, else from its content
  return model.files.some((f) => f.language === 'iptables-save' && f.ast.family === family);
}

/** The effective value of a sysctl after every interface is up ('1' for on). */
export function sysctlUp(model: HostModel, key: string): string | undefined {
  return model.sysctl.up.get(key)?.value;
}

/** True when IPv4 forwarding is on after every interface is up. */
export function ipv4Forwarding(model: HostModel): boolean {
  return switchedOn(sysctlUp(model, 'net.ipv4.ip_forward')) || switchedOn(sysctlUp(model, 'net.ipv4.conf.all.forwarding'));
}

/** True when IPv6 forwarding (`net.ipv6.conf.all.forwarding`) is on after every interface is up. */
export function ipv6Forwarding(model: HostModel): boolean {
  return switchedOn(sysctlUp(model, 'net.ipv6.conf.all.forwarding'));
}

/**
 * Whether a boolean sysctl's value turns it on: the kernel reads the leading integer (`1 # on`
 * writes 1, checked in a network namespace) and any non-zero value enables forwarding.
 */
function switchedOn(value: string | undefined): boolean {
  const m = value === undefined ? null : /^\s*(-?\d+)/.exec(value);
  return m !== null && Number(m[1]) !== 0;
}

/** Hook commands that make the host a gateway for the interface: NAT to elsewhere or FORWARD accepts for it. */
export function gatewayHooks(i: WgInterface): HookCommand[] {
  const own = new Set(i.addresses.map((a) => a.host.text));
  return i.hooks.filter((c) => {
    if (!isUp(c) || c.refused || c.type !== 'iptables' || !c.facts || (c.ipt.kind !== 'append' && c.ipt.kind !== 'insert')) return false;
    const f = c.facts;
    const chain = c.ipt.chain?.text;
    // NAT into the tunnel (`-o %i`) also applies to the host's own traffic: not by itself a gateway.
    if (c.ipt.table === 'nat' && chain === 'POSTROUTING' && (f.target === 'MASQUERADE' || f.target === 'SNAT')) return !(f.outIface && !f.outIface.negated && f.outIface.name === i.name);
    if (c.ipt.table === 'nat' && chain === 'PREROUTING' && f.target === 'DNAT') {
      const to = (f.targetOptions['to-destination'] ?? '').replace(/:\d+(-\d+)?$/, '').replace(/^\[|\]$/g, '');
      return to !== '' && !own.has(to);
    }
    return c.ipt.table === 'filter' && chain === 'FORWARD' && f.target === 'ACCEPT';
  });
}

/** `ip rule add not fwmark N ...` where N is the interface's own FwMark: a hand-made full tunnel. */
export function isOwnTunnelRule(i: WgInterface, c: HookCommand): boolean {
  return c.type === 'ip-rule' && c.rule.op === 'add' && !!c.rule.fwmark?.negated && i.fwMark !== undefined && c.rule.fwmark.value === i.fwMark.value;
}

/** An iptables MARK/CONNMARK rule on packets coming in on (or not on) the interface. */
function setsMarkFor(c: HookCommand, iface: string): boolean {
  if (c.type !== 'iptables' || !c.facts || (c.ipt.kind !== 'append' && c.ipt.kind !== 'insert')) return false;
  if (c.facts.target !== 'MARK' && c.facts.target !== 'CONNMARK') return false;
  const i = c.facts.inIface;
  return i !== undefined && i.name === iface;
}

/**
 * Interfaces whose connections are routed by mark (seed 004): an `ip rule ... fwmark` in their
 * hooks (not a hand-made full tunnel's own), or MARK/CONNMARK/nft mark rules for them while the
 * host has a fwmark rule. `at` is the command to report on (the ip rule, else the marking rule).
 */
export function markRoutedInterfaces(model: HostModel): { iface: WgInterface; at?: HookCommand; nftAt?: Location }[] {
  const out: { iface: WgInterface; at?: HookCommand; nftAt?: Location }[] = [];
  const hostHasMarkRule = model.ipRules.some((r) => r.fwmark && r.origin.kind === 'hook');
  for (const i of model.interfaces) {
    const ups = i.hooks.filter((c) => isUp(c) && !c.refused);
    const markRules = ups.filter((c) => c.type === 'ip-rule' && c.rule.op === 'add' && c.rule.fwmark && !isOwnTunnelRule(i, c));
    const markers = ups.filter((c) => setsMarkFor(c, i.name));
    const nftMarkers = model.nft.rules.filter((r) => (r.setsCtMark || r.setsMetaMark) && r.iifnames.includes(i.name));
    if (markRules.length > 0 || ((markers.length > 0 || nftMarkers.length > 0) && hostHasMarkRule)) {
      const at = markRules[0] ?? markers[0];
      out.push({ iface: i, ...(at ? { at } : {}), ...(nftMarkers[0] ? { nftAt: nftMarkers[0].location } : {}) });
    }
  }
  return out;
}

/**
 * True when the chain drops every packet that no earlier rule takes: a DROP/REJECT that matches
 * everything, or a jump/goto matching everything into a user chain that does (the LOGGING chain
 * many recipes end INPUT with, pve-firewall's PVEFW-INPUT → PVEFW-HOST-IN → `-j DROP`). Rules
 * that accept or RETURN some packets before it are fine; one that accepts or returns everything
 * ends the search.
 */
export function dropsTheRest(state: FirewallState, chain: IptChainState, seen: Set<IptChainState> = new Set()): boolean {
  seen.add(chain);
  for (const r of chain.rules) {
    const f = r.facts;
    if (!f.matchesAll) continue;
    if (isDropping(f)) return true;
    if (f.target === 'ACCEPT' || f.target === 'RETURN') return false;
    const next = f.target === undefined ? undefined : state.chains.get(chainKey(chain.family, chain.table, f.target));
    if (next && !seen.has(next) && dropsTheRest(state, next, seen)) return true;
  }
  return false;
}
