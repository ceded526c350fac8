/**
 * Configs found in the wild (tools' generated configs, man pages, tutorials), reduced to the relevant
 * lines with dummy keys; each fixture's wg config names its source in a comment. Every diagnostic wglint
 * gives on them was checked (real tools in `unshare -n`, domain facts, upstream source): the lists below
 * are the TRUE findings, so a new false positive or a lost true finding fails here. Entries are
 * `path under etc/:line ruleId`, one per line and rule.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '@wglint/core';
import { lintTexts } from '@wglint/engine';
import { readHost } from '../hosts/harness.js';

const ROOT = new URL('.', import.meta.url).pathname;

const EXPECTED: Record<string, string[]> = {
  // TRUE: 51821 is ephemeral and unreserved; ip_forward from a hook; NAT without MSS clamp; wg1 spelled out.
  'admin-vm-wg1': [
    'wireguard/wg1.conf:4 listen-port-not-reserved',
    'wireguard/wg1.conf:7 forwarding-set-in-hook',
    'wireguard/wg1.conf:7 hook-hardcoded-interface-name',
    'wireguard/wg1.conf:7 mss-clamp-missing',
    'wireguard/wg1.conf:8 hook-hardcoded-interface-name',
  ],
  // clean.
  'algo-client': [],
  // TRUE: ListenPort 51820 is ephemeral and unreserved (Algo reserves nothing).
  'algo-server': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // clean.
  'angristan-client': [],
  // TRUE: port; its PostDown runs `--add-interface=wg0` again where it meant `--remove-interface`; wg0 spelled out in both.
  'angristan-firewalld': [
    'wireguard/wg0.conf:4 listen-port-not-reserved',
    'wireguard/wg0.conf:6 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:7 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:7 hook-missing-teardown',
  ],
  // TRUE: all.forwarding=1 without accept_ra=2; port; NAT without MSS clamp; wg0 spelled out.
  'angristan-server': [
    'sysctl.d/wg.conf:3 ipv6-forwarding-disables-ra',
    'wireguard/wg0.conf:5 listen-port-not-reserved',
    'wireguard/wg0.conf:8 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:9 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:10 mss-clamp-missing',
    'wireguard/wg0.conf:11 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:14 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:15 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:17 hook-hardcoded-interface-name',
  ],
  // TRUE: port; ip_forward from a hook; NAT without MSS clamp.
  'aws-sysctl-nat': [
    'wireguard/wg0.conf:4 listen-port-not-reserved',
    'wireguard/wg0.conf:6 forwarding-set-in-hook',
    'wireguard/wg0.conf:6 mss-clamp-missing',
  ],
  // TRUE: MTU 1200 < 1280 with an IPv6 Address; PostUp rules never removed (message no longer claims a copy per restart); warp0 spelled out.
  'cloudflare-warp0': [
    'wireguard/warp0.conf:5 wg-mtu-below-ipv6-minimum',
    'wireguard/warp0.conf:7 hook-hardcoded-interface-name',
    'wireguard/warp0.conf:7 hook-missing-teardown',
  ],
  // TRUE: FORWARD hooks are inserted (no append behind Docker's rules); INPUT policy ACCEPT with no drop; port; NAT without MSS clamp.
  'docker-host-persistent': [
    'iptables/rules.v4:3 input-policy-accept',
    'wireguard/wg0.conf:6 listen-port-not-reserved',
    'wireguard/wg0.conf:11 mss-clamp-missing',
  ],
  // TRUE: port; NAT without MSS clamp (Debian's stock nftables.conf accepts everything: no nft finding).
  'debian-nftables-default': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
    'wireguard/wg0.conf:7 mss-clamp-missing',
  ],
  // TRUE: accept_ra; port; SaveConfig; wg0 spelled out; NAT without MSS clamp; PreDown `iptables -D` fails when the rule is gone.
  'digitalocean-ufw': [
    'sysctl.conf:2 ipv6-forwarding-disables-ra',
    'wireguard/wg0.conf:6 listen-port-not-reserved',
    'wireguard/wg0.conf:7 wg-saveconfig-rewrites-file',
    'wireguard/wg0.conf:8 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:9 mss-clamp-missing',
    'wireguard/wg0.conf:11 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:12 predown-can-fail',
    'wireguard/wg0.conf:13 predown-can-fail',
  ],
  // clean (routes through the interface vanish with it).
  'dn42-table-off': [],
  // TRUE: iproute2 6.1 refuses `ip rule replace` (Command "replace" is unknown).
  'egress-rule-replace': [
    'wireguard/wg0.conf:6 syntax-error',
  ],
  // TRUE: PreDown deletes that fail when already gone stop `wg-quick down`; 0.0.0.0/0 without ::/0 (IPv6 leaks, info).
  'linuxserver-client-lan': [
    'wireguard/wg0.conf:7 predown-can-fail',
    'wireguard/wg0.conf:12 wg-full-tunnel-ipv6-leak',
  ],
  // TRUE: port; 0.0.0.0/0 without ::/0 (IPv6 leaks, info).
  'linuxserver-peer': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
    'wireguard/wg0.conf:12 wg-full-tunnel-ipv6-leak',
  ],
  // TRUE: port; NAT without MSS clamp.
  'linuxserver-server': [
    'wireguard/wg0.conf:4 listen-port-not-reserved',
    'wireguard/wg0.conf:6 mss-clamp-missing',
  ],
  // TRUE: PreDown `iptables -D ... && ip6tables -D ...` fails when the rules are gone.
  'mullvad-killswitch': [
    'wireguard/wg0.conf:8 predown-can-fail',
  ],
  // clean.
  'nyr-client': [],
  // TRUE: all.forwarding=1 without accept_ra=2; port.
  'nyr-server': [
    'sysctl.d/99-wireguard-forward.conf:2 ipv6-forwarding-disables-ra',
    'wireguard/wg0.conf:9 listen-port-not-reserved',
  ],
  // TRUE: port.
  'pirate-docs-bounce': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: 10.0.44.1/24 has host bits (wg warns "AllowedIP has nonzero host part"); port.
  'pirate-docs-home': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
    'wireguard/wg0.conf:14 wg-allowed-ips-host-bits',
  ],
  // TRUE: port; wg0 spelled out; NAT without MSS clamp.
  'pirate-docs-nat': [
    'wireguard/wg0.conf:4 listen-port-not-reserved',
    'wireguard/wg0.conf:7 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:7 mss-clamp-missing',
    'wireguard/wg0.conf:8 hook-hardcoded-interface-name',
  ],
  // TRUE: the key file is named after wg0 (message now says so instead of "acts on wg0").
  'pirate-docs-wg-set': [
    'wireguard/wg0.conf:4 hook-hardcoded-interface-name',
  ],
  // TRUE: port (accept_ra=2 on eth0 is set: no RA finding).
  'pivpn-server': [
    'wireguard/wg0.conf:6 listen-port-not-reserved',
  ],
  // TRUE: port. (ufw-logging-deny in before.rules is created by ufw-init: no unknown-chain error.)
  'pivpn-ufw': [
    'wireguard/wg0.conf:7 listen-port-not-reserved',
  ],
  // clean.
  'protonvpn-client': [],
  // TRUE: port; ip_forward from a hook; wg0 spelled out.
  'site-to-site': [
    'wireguard/wg0.conf:8 listen-port-not-reserved',
    'wireguard/wg0.conf:10 forwarding-set-in-hook',
    'wireguard/wg0.conf:11 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:12 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:13 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:14 hook-hardcoded-interface-name',
  ],
  // clean.
  'split-dns-resolvconf': [],
  // TRUE: SaveConfig; port.
  'streisand-server': [
    'wireguard/wg0.conf:4 wg-saveconfig-rewrites-file',
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: wg0 spelled out; PreDown deletes fail when already gone.
  'table-off-fwmark': [
    'wireguard/wg0.conf:9 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:11 predown-can-fail',
    'wireguard/wg0.conf:12 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:12 predown-can-fail',
  ],
  // TRUE: PostDown `ip route del ... dev %i` runs after the interface is deleted.
  'table-off-replace': [
    'wireguard/wg0.conf:8 postdown-needs-interface',
    'wireguard/wg0.conf:9 postdown-needs-interface',
  ],
  // TRUE: port; ip_forward from a hook.
  'team-gateway-isolation': [
    'wireguard/wg0.conf:4 listen-port-not-reserved',
    'wireguard/wg0.conf:6 forwarding-set-in-hook',
  ],
  // TRUE: port; wg0 spelled out; NAT without MSS clamp.
  'wg-easy-firewall-idempotent': [
    'wireguard/wg0.conf:6 listen-port-not-reserved',
    'wireguard/wg0.conf:7 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:8 mss-clamp-missing',
    'wireguard/wg0.conf:9 hook-hardcoded-interface-name',
  ],
  // TRUE: port; wg0 spelled out; NAT without MSS clamp.
  'wg-easy-v14': [
    'wireguard/wg0.conf:9 listen-port-not-reserved',
    'wireguard/wg0.conf:11 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:11 mss-clamp-missing',
    'wireguard/wg0.conf:13 hook-hardcoded-interface-name',
  ],
  // TRUE: port; wg0 spelled out; NAT without MSS clamp.
  'wg-easy-v15': [
    'wireguard/wg0.conf:10 listen-port-not-reserved',
    'wireguard/wg0.conf:15 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:15 mss-clamp-missing',
    'wireguard/wg0.conf:17 hook-hardcoded-interface-name',
  ],
  // clean.
  'wg-easy-v15-client': [],
  // TRUE: 0.0.0.0/0 without ::/0 (IPv6 leaks, info).
  'wg-quick-man-client': [
    'wireguard/wg0.conf:10 wg-full-tunnel-ipv6-leak',
  ],
  // TRUE: the PreDown `iptables -D` fails when the rule is gone; the kill switch is IPv4 only and IPv6 is not tunnelled (info).
  'wg-quick-man-killswitch': [
    'wireguard/wg0.conf:8 predown-can-fail',
    'wireguard/wg0.conf:13 wg-full-tunnel-ipv6-leak',
  ],
  // TRUE: 0.0.0.0/0 without ::/0 (IPv6 leaks, info); the PreUp sets the private key.
  'wg-quick-man-pass': [
    'wireguard/wg0.conf:9 wg-full-tunnel-ipv6-leak',
  ],
  // TRUE: port; `ip rule add` without priority; PreDown delete can fail.
  'wg-quick-man-policy': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
    'wireguard/wg0.conf:7 ip-rule-without-priority',
    'wireguard/wg0.conf:8 predown-can-fail',
  ],
  // TRUE: SaveConfig; port; 10.192.124.1/24 has host bits.
  'wg-quick-man-server': [
    'wireguard/wg0.conf:5 wg-saveconfig-rewrites-file',
    'wireguard/wg0.conf:7 listen-port-not-reserved',
    'wireguard/wg0.conf:11 wg-allowed-ips-host-bits',
  ],
  // TRUE: port; `fwd` is an nft keyword, `nft add chain inet wg fwd` is a syntax error (nft 1.0.6).
  'wgcookbook-nft': [
    'wireguard/wg0.conf:4 listen-port-not-reserved',
    'wireguard/wg0.conf:6 syntax-error',
  ],
  // TRUE: port; NAT without MSS clamp.
  'wireguard-ui-compose': [
    'wireguard/wg0.conf:10 listen-port-not-reserved',
    'wireguard/wg0.conf:14 mss-clamp-missing',
  ],
  // TRUE: port; NAT without MSS clamp; ip_forward from a hook (message no longer says it stays on: PostDown turns it off).
  'wsl-forward-toggle': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
    'wireguard/wg0.conf:6 mss-clamp-missing',
    'wireguard/wg0.conf:9 forwarding-set-in-hook',
  ],
  // TRUE: `ip rule add` without priority; wg0 spelled out.
  'xray-sendthrough': [
    'wireguard/wg0.conf:10 ip-rule-without-priority',
    'wireguard/wg0.conf:11 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:12 ip-rule-without-priority',
    'wireguard/wg0.conf:13 ip-rule-without-priority',
    'wireguard/wg0.conf:14 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:15 ip-rule-without-priority',
  ],
  // TRUE: Oracle's `-m state` lines; port; wg0 spelled out; NAT without MSS clamp; ip_forward via /proc from a hook. The inserts land before Oracle's REJECT rules: no append-after-reject.
  'oracle-port-forward': [
    'iptables/rules.v4:6 iptables-state-match',
    'iptables/rules.v4:10 iptables-state-match',
    'wireguard/wg0.conf:6 listen-port-not-reserved',
    'wireguard/wg0.conf:11 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:17 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:18 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:21 mss-clamp-missing',
    'wireguard/wg0.conf:22 forwarding-set-in-hook',
    'wireguard/wg0.conf:28 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:29 hook-hardcoded-interface-name',
    'wireguard/wg0.conf:35 hook-hardcoded-interface-name',
  ],
  // TRUE: port; NAT without MSS clamp. (`--to-destination [2001:db8::2]` is accepted by ip6tables 1.8.9: no syntax error.)
  'torrent-relay-dnat': [
    'wireguard/wg0.conf:4 listen-port-not-reserved',
    'wireguard/wg0.conf:10 mss-clamp-missing',
  ],
  // clean (MTU 1280 is the IPv6 minimum itself).
  'wgcf-warp': [],
  // TRUE: NAT without MSS clamp; port; AllowedIPs 10.20.4.2/24 has host bits.
  'minecraft-dnat': [
    'wireguard/wg0.conf:5 mss-clamp-missing',
    'wireguard/wg0.conf:8 listen-port-not-reserved',
    'wireguard/wg0.conf:13 wg-allowed-ips-host-bits',
  ],
  // clean: the hooks run scripts (the PostUp one an `nft -f` ruleset, linted on its own: no finding); port above the ephemeral range.
  'gaming-installer-nft': [],
  // --- nftables rulesets and iptables-save dumps from distributions, firewall generators and guides ---
  // TRUE: port; the drop-in masquerades the tunnel subnet and nothing clamps the MSS (info). (Alpine's stock
  // nftables.nft with `\` continuations and comments inside sets, plus an /etc/nftables.d/ drop-in.)
  'alpine-nftables-d': [
    'nftables.d/wireguard.nft:15 mss-clamp-missing',
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: port; the tunnel subnet masqueraded and no MSS clamp (info). (Arch's stock ruleset with the WireGuard
  // port, forward and masquerade added.)
  'arch-nftables-wg': [
    'nftables.conf:39 mss-clamp-missing',
    'wireguard/wg0.conf:4 listen-port-not-reserved',
  ],
  // clean. (`destroy table` needs nft >= 1.0.7: nft 1.0.6 says "syntax error, unexpected table"; wglint
  // assumes a current nft and stays quiet, as it should.)
  'cachyos-k3s-destroy': [],
  // TRUE: port. (fw4's rendered ruleset: zone chains, handle_reject, syn_flood `limit … return` before `drop`: clean.
  // Its zone defines, declared for the user includes of /etc/nftables.d/ (here the stock comments-only
  // 10-custom-filter-chains.nft), are no longer reported as unused.)
  'openwrt-fw4-wg': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: Docker leaves INPUT at ACCEPT with no drop; port; NAT without MSS clamp.
  'docker28-wg-user': [
    'iptables/rules.v4:11 input-policy-accept',
    'wireguard/wg0.conf:5 listen-port-not-reserved',
    'wireguard/wg0.conf:7 mss-clamp-missing',
  ],
  // clean (kube-proxy and flannel chains: comments, statistic, marks, `--random-fully`; client without ListenPort).
  'k3s-kube-proxy': [],
  // TRUE: port. (f2b-sshd jump before the INPUT DROP policy's accepts, rules.v6 with ICMPv6 and DHCPv6: clean.)
  'fail2ban-persistent': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: port; NAT without MSS clamp; PreDown `iptables -D` fails when the rule is gone. (ufw's user.rules and
  // after.rules, whose chains ufw-init creates: clean.)
  'ufw-user-rules': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
    'wireguard/wg0.conf:7 mss-clamp-missing',
    'wireguard/wg0.conf:8 predown-can-fail',
  ],
  // TRUE: port. (firewalld's inet table: zone dispatch by goto, empty _pre/_post chains, fib rpfilter: clean.)
  'firewalld-nft-wg': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: port. (named counter, dynamic set with `update`, meter, verdict map with `jump`, flowtable, typeof
  // concatenation, `dnat ip to … map`: clean. nft 1.0.6 accepts it; the flowtable needs nf_flow_table, which this
  // machine's kernel lacks.)
  'wiki-nft-features': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: port; the tunnel subnet masqueraded and no MSS clamp (info). (CrowdSec's ip/ip6 tables with their
  // own input chains at priority -10: clean.)
  'crowdsec-nft-wg': [
    'nftables.conf:32 mss-clamp-missing',
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: a full tunnel for IPv4 only leaks IPv6. (tailscale's ts-* and libvirt's LIBVIRT_* chains: clean.)
  'tailscale-libvirt-wg': [
    'wireguard/wg0.conf:10 wg-full-tunnel-ipv6-leak',
  ],
  // TRUE: pve-firewall's own PVEFW-reject has `-p icmp -j REJECT` behind `-p icmp -j DROP` (Firewall.pm
  // pve_std_chains_conf, a dead rule in the generator's output); port. The PVESIG comment markers behind a
  // RETURN or a DROP do nothing and are not reported.
  'proxmox-pvefw-wg': [
    'iptables/rules.v4:87 iptables-append-after-reject',
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: port. (firewalld 0.6's iptables backend: INPUT_ZONES gotos, NEW,UNTRACKED: clean.)
  'firewalld-iptables-c7': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: port. (Shorewall's compiled ruleset: zone-pair chains, hashlimit-limited LOG, `-g reject`: clean.)
  'shorewall-wg-zone': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: netavark's NETAVARK-ISOLATION-3 is declared but nothing jumps to it (info); port. (`nat hook output
  // priority dstnat` is nft >= 1.0.9 syntax, as `nft list` prints it; 1.0.6 refuses it.)
  'podman-netavark-saved': [
    'nftables.conf:56 nft-unreferenced-chain',
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: port. (INPUT and FORWARD end with `-j LOGGING`, whose last rule is `-j DROP`: no policy finding.)
  'logging-chain-catchall': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: port. (A drop-in `insert`s the WireGuard port before the base chain's vmap and catch-all reject: clean.)
  'nftables-d-insert': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: the hook's `nft add rule` lands behind `reject with icmp type port-unreachable`, which rejects every IPv4
  // handshake (message hint about UDP 546 is noise, reported); port; the added rule is never removed (the
  // suggested `nft delete table inet filter` would delete the host firewall, reported). No nft-unreachable-rule on
  // the DHCPv6 rule after that reject any more: in an inet table it rejects IPv4 only (nft --debug=netlink).
  'arch-wiki-icmp-reject': [
    'wireguard/wg0.conf:5 listen-port-blocked',
    'wireguard/wg0.conf:5 listen-port-not-reserved',
    'wireguard/wg0.conf:7 hook-missing-teardown',
  ],
  // TRUE: port. (Arch's stock ruleset, the port `nft insert`ed from the hook and deleted by handle: clean.)
  'arch-default-hook-insert': [
    'wireguard/wg0.conf:6 listen-port-not-reserved',
  ],
  // TRUE: port; NAT without MSS clamp. (ufw's after.rules with the ufw-docker DOCKER-USER block: target before
  // matches, RETURN by source, a limited LOG and DROP chain: clean.)
  'ufw-docker-after': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
    'wireguard/wg0.conf:7 mss-clamp-missing',
  ],
  // TRUE: port. (Docker 29's nftables backend: named verdict maps whose elements jump to the per-bridge chains,
  // `counter drop` ending a chain: clean.)
  'docker29-nftables': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
  // TRUE: port. (The drop-in's `insert rule ... udp dport 51820 accept` goes before the reject: clean.)
  'arch-wiki-dropin-insert': [
    'wireguard/wg0.conf:5 listen-port-not-reserved',
  ],
};

/**
 * FALSE findings not fixed yet, each with its cause: the fixture's findings must be EXPECTED plus
 * these, so a fix shows up here as a failure. Remove an entry with its cause. (None at the moment:
 * the sweep's input-policy-accept, forward-policy-accept, iptables-append-after-reject and
 * listen-port-blocked false positives are fixed.)
 */
const KNOWN_FALSE: Record<string, string[]> = {};

/** The dummy keys the fixtures use instead of the sources' keys. */
const DUMMY_KEYS = new Set([
  'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=',
  'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=',
  'TrMvSoP4jYQlY6RIzBgbssQqY3vxI2Pi+y71lOWWXX0=',
  'gN65BkIKy1eCE9pP1wdc8ROUtkHLF2PfAqYdyYBz6EA=',
  '/UwcSPg38hW/D9Y3tcS1FOV0K1wuURMbS0sesJEP5ak=',
]);

const cases = readdirSync(ROOT)
  .filter((name) => statSync(join(ROOT, name)).isDirectory())
  .sort();

function findings(files: Record<string, string>): string[] {
  const out = new Set<string>();
  for (const d of lintTexts(files)) {
    const line = new LineIndex(files[d.file]!).positionAt(d.range.start).line;
    out.add(`${d.file.replace(/^etc\//, '')}:${line} ${d.ruleId}`);
  }
  return [...out].sort();
}

describe('configs from the wild', () => {
  it('every fixture has an expectation and every expectation a fixture', () => {
    expect(cases).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)('%s', (name) => {
    const files = readHost(join(ROOT, name));
    const confs = Object.entries(files).filter(([path]) => /^etc\/wireguard\/[^/]+\.conf$/.test(path));
    expect(confs.length).toBeGreaterThan(0);
    for (const [path, text] of confs) {
      expect(text, `${path} names its source`).toMatch(/^# Source: /m);
      for (const m of text.matchAll(/^\s*(?:PrivateKey|PublicKey|PresharedKey)\s*=\s*(\S+)/gim)) expect(DUMMY_KEYS.has(m[1]!), `${path}: ${m[0]}`).toBe(true);
    }
    expect(findings(files)).toEqual([...(EXPECTED[name] ?? []), ...(KNOWN_FALSE[name] ?? [])].sort());
  });
});
