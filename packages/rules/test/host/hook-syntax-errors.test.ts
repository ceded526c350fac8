// Hook commands are parsed while the host model is built; what bash, iptables, ip, sysctl or nft
// refuse is reported as `syntax-error` at the exact place in the .conf.
import { lintTexts } from '@wglint/engine';
import { describe, expect, it } from 'vitest';
import { at, wg } from './helpers.js';

const CONF = 'etc/wireguard/wg0.conf';
const syntax = (files: Record<string, string>, targets?: Record<string, string>) =>
  lintTexts(files, targets ? { targets } : {}).filter((d) => d.ruleId === 'syntax-error');

describe('syntax errors inside hooks', () => {
  it('an unbalanced quote (bash)', () => {
    const files = { [CONF]: wg('PostUp = iptables -A FORWARD -i %i -m comment --comment "wg -j ACCEPT') };
    const ds = syntax(files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe(CONF);
  });
  it('-i with OUTPUT (iptables refuses it while parsing)', () => {
    const files = { [CONF]: wg('PostUp = iptables -A OUTPUT -i %i -j ACCEPT') };
    const [d] = syntax(files);
    expect(at(files, d!)).toContain('-i');
  });
  it('a run-time value ($(wg show %i fwmark)) is not judged', () => {
    expect(syntax({ [CONF]: wg('PreDown = iptables -D OUTPUT ! -o %i -m mark ! --mark $(wg show %i fwmark) -j REJECT') })).toEqual([]);
  });
  it('a # inside quotes is fine on new wireguard-tools and breaks the quote on old ones', () => {
    const files = { [CONF]: wg('PostUp = iptables -A FORWARD -i %i -m comment --comment "#tag" -j ACCEPT') };
    expect(syntax(files)).toEqual([]);
    expect(syntax(files, { wireguardTools: '1.0.20210914' })).toHaveLength(1);
  });
  it('a brace expansion that bash turns into several words before nft or iptables runs', () => {
    // bash 5.2 + nft 1.0.6: `ip saddr {10.0.0.2,10.0.0.3}` reaches nft as `ip saddr 10.0.0.2 10.0.0.3` ("syntax error, unexpected accept")
    const files = { [CONF]: wg('PostUp = nft add rule inet wg fw0 ip saddr {10.0.0.2,10.0.0.3} accept\nPostUp = iptables -A INPUT -p tcp --dport {80,443} -j ACCEPT') };
    const ds = syntax(files);
    expect(ds.map((d) => at(files, d))).toEqual(['{10.0.0.2,10.0.0.3}', '{80,443}']);
    expect(ds[0]!.message).toMatch(/^bash expands `\{10\.0\.0\.2,10\.0\.0\.3\}` into 2 words \(`10\.0\.0\.2 10\.0\.0\.3`\) before nft runs, so nft gets no set and refuses the command\. Put spaces inside the set/);
    expect(ds[1]!.message).toContain('-m multiport --dports 80,443');
  });
  it('nft sets bash leaves alone: spaces inside the braces, or the rule quoted', () => {
    const hooks = ["PostUp = nft add rule inet wg fw0 ip saddr { 10.0.0.2, 10.0.0.3 } accept", "PostUp = nft 'add rule inet wg fw0 ip saddr {10.0.0.2,10.0.0.3} accept'", 'PostUp = nft add rule inet wg fw0 tcp dport "{80,443}" accept'].join('\n');
    expect(syntax({ [CONF]: wg(hooks) })).toEqual([]);
  });
  it('valid commands of every kind parse cleanly', () => {
    const hooks = [
      'PostUp = ip rule add fwmark 1 table 123 priority 456; ip route add default via 172.31.0.1 dev eth0 table 123',
      'PostUp = sysctl -w net.ipv4.conf.%i.rp_filter=2',
      "PostUp = nft 'add table inet wg0fw'",
      'PostUp = iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE',
    ].join('\n');
    expect(syntax({ [CONF]: wg(hooks) })).toEqual([]);
  });
});
