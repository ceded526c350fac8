import type { Language } from '@wglint/core';
import { describe, expect, it } from 'vitest';
import { buildHostModel, parseSourceFile } from '../src/index.js';

function model(files: Record<string, string>, targets = {}) {
  const lang = (p: string): Language =>
    p.endsWith('rules.v4') || p.endsWith('rules.v6') ? 'iptables-save' : p.includes('sysctl') ? 'sysctl' : p.endsWith('.nft') || p.endsWith('nftables.conf') ? 'nft' : 'wg';
  return buildHostModel('.', Object.entries(files).map(([path, text]) => parseSourceFile({ path, text, language: lang(path) })), targets);
}

const WG0 = `[Interface]
PrivateKey = AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEE=
Address = 10.0.0.1/24, fd00::1/64
ListenPort = 51820
PreUp = sysctl -w net.ipv4.ip_forward=1
PostUp = iptables -A FORWARD -i %i -j ACCEPT; ip rule add fwmark 1 table 123 priority 456
PostDown = iptables -D FORWARD -i %i -j ACCEPT
PreDown = echo bye

[Peer]
PublicKey = fE/wdxzl0klVp/IR8UcaoGUMjqaWi3jAd7KzHKFS6Ds=
AllowedIPs = 0.0.0.0/0
`;

describe('buildHostModel', () => {
  it('reads the interface from the file name and its keys', () => {
    const m = model({ 'etc/wireguard/wg0.conf': WG0 });
    const i = m.interfaces[0]!;
    expect(i.name).toBe('wg0');
    expect(i.listenPort?.value).toBe(51820);
    expect(i.addresses.map((a) => a.text)).toEqual(['10.0.0.1/24', 'fd00::1/64']);
    expect(i.families).toEqual(['ipv4', 'ipv6']);
    expect(i.fullTunnel).toEqual({ ipv4: true, ipv6: false });
    expect(i.effectiveFwMark).toBe(51820);
    expect(i.privateKeyFingerprint).toBeDefined();
    expect(JSON.stringify(i, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('AAAAAAAAAAAAAAAA');
  });

  it('types hook commands with %i substituted and ranges in the .conf', () => {
    const m = model({ 'etc/wireguard/wg0.conf': WG0 });
    const hooks = m.interfaces[0]!.hooks;
    expect(hooks.map((h) => `${h.hook}:${h.type}`)).toEqual(['PreUp:sysctl', 'PostUp:iptables', 'PostUp:ip-rule', 'PostDown:iptables', 'PreDown:opaque']);
    const ipt = hooks[1]!;
    expect(ipt.sourceText).toBe('iptables -A FORWARD -i %i -j ACCEPT');
    expect(ipt.type === 'iptables' && ipt.facts?.inIface?.name).toBe('wg0');
    expect(WG0.slice(ipt.range.start, ipt.range.end)).toBe('iptables -A FORWARD -i %i -j ACCEPT');
  });

  it('orders up and down as wg-quick does', () => {
    const m = model({ 'etc/wireguard/wg0.conf': WG0 });
    const i = m.interfaces[0]!;
    const up = i.up.map((s) => (s.kind === 'hook' ? s.command.hook : s.step));
    expect(up[0]).toBe('link-add');
    expect(up[1]).toBe('PreUp');
    expect(up.indexOf('rule')).toBeLessThan(up.indexOf('PostUp'));
    expect(up.at(-1)).toBe('PostUp');
    const down = i.down.map((s) => (s.kind === 'hook' ? s.command.hook : s.step));
    expect(down[0]).toBe('PreDown');
    expect(down.indexOf('link-del')).toBeLessThan(down.indexOf('PostDown'));
  });

  it('runs PreUp before the link exists on old wireguard-tools', () => {
    const m = model({ 'etc/wireguard/wg0.conf': WG0 }, { wireguardTools: '1.0.20210914' });
    const up = m.interfaces[0]!.up.map((s) => (s.kind === 'hook' ? s.command.hook : s.step));
    expect(up.slice(0, 2)).toEqual(['PreUp', 'link-add']);
  });

  it('collects sysctls from files and hooks, ip rules and routes', () => {
    const m = model({ 'etc/wireguard/wg0.conf': WG0, 'etc/sysctl.d/99.conf': 'net.ipv4.conf.all.rp_filter = 1\n' });
    expect(m.sysctl.boot.get('net.ipv4.conf.all.rp_filter')?.value).toBe('1');
    expect(m.sysctl.up.get('net.ipv4.ip_forward')?.value).toBe('1');
    expect(m.sysctl.up.get('net.ipv4.conf.all.src_valid_mark')?.origin.kind).toBe('wg-quick');
    expect(m.ipRules.map((r) => r.selectorKey)).toContain('fwmark 1/4294967295 table 123');
    expect(m.routes.some((r) => r.table === '51820' && r.destination === '0.0.0.0/0')).toBe(true);
  });

  it('applies sysctl files as systemd-sysctl does: by file name, /etc masking the same name elsewhere', () => {
    const m = model({
      'usr/lib/sysctl.d/50-rp.conf': 'net.ipv4.conf.all.rp_filter = 2\n',
      'etc/sysctl.d/50-rp.conf': 'net.ipv4.conf.all.rp_filter = 0\n',
      'usr/lib/sysctl.d/10-a.conf': 'net.ipv4.conf.default.rp_filter = 1\n',
      'etc/sysctl.d/90-b.conf': 'net.ipv4.conf.default.rp_filter = 2\n',
    });
    expect(m.sysctl.boot.get('net.ipv4.conf.all.rp_filter')?.value).toBe('0');
    expect(m.sysctl.assignments.filter((a) => a.key === 'net.ipv4.conf.all.rp_filter').map((a) => a.value)).toEqual(['0']);
    expect(m.sysctl.boot.get('net.ipv4.conf.default.rp_filter')?.value).toBe('2');
  });

  it('reports hook syntax problems as model problems in the .conf', () => {
    const text = `[Interface]\nPrivateKey = AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEE=\nPostUp = iptables -A FORWARD -i %i -j ACCEPT "\n`;
    const m = model({ 'etc/wireguard/wg0.conf': text });
    expect(m.extraProblems.length).toBeGreaterThan(0);
    expect(m.extraProblems[0]!.file).toBe('etc/wireguard/wg0.conf');
  });
});

describe('nft rule order', () => {
  it('puts `insert rule` before the first rule of its chain, the latest insert first', () => {
    const text = [
      'table inet t {',
      '  chain c { type filter hook input priority 0; tcp dport 1 accept; }',
      '  chain d { type filter hook forward priority 0; tcp dport 2 accept; }',
      '}',
      'insert rule inet t c tcp dport 3 accept',
      'add rule inet t c tcp dport 4 accept',
      'insert rule inet t c tcp dport 5 accept',
      'insert rule inet t e tcp dport 6 accept',
      'insert rule inet t e tcp dport 7 accept',
      'insert rule inet t c index 0 tcp dport 8 accept',
      '',
    ].join('\n');
    const m = model({ 'etc/nftables.conf': text });
    expect(m.nft.rules.map((r) => `${r.chain}${r.tcpDports.map((p) => p.from).join()}`)).toEqual(['c8', 'c5', 'c3', 'c1', 'd2', 'c4', 'e7', 'e6']);
  });
});
