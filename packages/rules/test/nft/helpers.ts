import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@wglint/core';
import { lintTexts } from '@wglint/engine';

export const NFT = 'etc/nftables.conf';

/** Diagnostics of one rule for a ruleset at `etc/nftables.conf` (or the given files). */
export function run(ruleId: string, files: string | Record<string, string>, targets?: { nftables?: string }): Diagnostic[] {
  const map = typeof files === 'string' ? { [NFT]: files } : files;
  return lintTexts(map, targets ? { targets } : {}).filter((d) => d.ruleId === ruleId);
}

/** The text each diagnostic points at. */
export function texts(files: string | Record<string, string>, ds: readonly Diagnostic[]): string[] {
  const map = typeof files === 'string' ? { [NFT]: files } : files;
  return ds.map((d) => map[d.file]!.slice(d.range.start, d.range.end));
}

/** Seed 002's final server ruleset (filter + four nat chains with maps). */
export const SEED_002 = `#!/usr/sbin/nft -f
flush ruleset

define pub_iface = "eth0"
define wg_iface = { "wg-a", "wg-b" }
define wg_port = { 51821, 51822 }

table inet filter {
    chain input {
        type filter hook input priority 0; policy drop;

        # accept all loopback packets
        iif "lo" accept
        # accept all icmp/icmpv6 packets
        meta l4proto { icmp, ipv6-icmp } accept
        # accept all packets that are part of an already-established connection
        ct state vmap { invalid : drop, established : accept, related : accept }
        # drop new connections over rate limit
        ct state new limit rate over 1/second burst 10 packets drop

        # accept all DHCPv6 packets received at a link-local address
        ip6 daddr fe80::/64 udp dport dhcpv6-client accept
        # accept all SSH packets received on a public interface
        iifname $pub_iface tcp dport ssh accept
        # accept all WireGuard packets received on a public interface
        iifname $pub_iface udp dport $wg_port accept

        # accept all packets to TCP port 8080 received on a WireGuard interface
        iifname $wg_iface tcp dport 8080 accept

        # reject with polite "port unreachable" icmp response
        reject
    }

    chain forward {
        type filter hook forward priority 0; policy drop;
        reject with icmpx type host-unreachable
    }
}
table inet nat {
    chain prerouting {
        type nat hook prerouting priority -100; policy accept;
        # rewrite destination of incoming client traffic to use our address space
        dnat ip to iifname map {
          "wg-a" : 10.200.200.1,
          "wg-b" : 10.200.200.2,
        }
    }
    chain input {
        type nat hook input priority 100; policy accept;
        # rewrite source of incoming client traffic to use our address space
        snat ip to iifname map {
          "wg-a" : 10.100.100.1,
          "wg-b" : 10.100.100.2,
        }
    }
    chain output {
        type nat hook output priority -100; policy accept;
        # rewrite destination of outgoing client traffic to use client address space
        dnat ip to oifname map {
          "wg-a" : 10.0.0.1,
          "wg-b" : 10.0.0.1,
        }
    }
    chain postrouting {
        type nat hook postrouting priority 100; policy accept;
        # rewrite source of outgoing client traffic to use client address space
        snat ip to oifname map {
          "wg-a" : 10.0.0.2,
          "wg-b" : 10.0.0.2,
        }
    }
}
`;

/** Seed 004's private-server mangle (route chain) and raw tables, with a bogon define. */
export const SEED_004 = `#!/usr/sbin/nft -f
# note: not an exhaustive list
define ipv4_bogons = { 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 }

table inet mangle {
    chain prerouting {
        type filter hook prerouting priority -150; policy accept;
        # mark new connections coming in from the intermediate server
        ether saddr 12:34:56:78:90:ab ct state new ct mark set 1
    }
    chain output {
        type route hook output priority -150; policy accept;
        # mark return packets to go out to the intermediate server via policy routing
        ct mark 1 meta mark set 1
    }
}

table inet raw {
    chain prerouting {
        type filter hook prerouting priority raw; policy accept;
        # allow packets from known WireGuard peers
        iifname "wg0" ip saddr 10.0.0.0/24 accept
        # allow packets forwarded through WireGuard from the Internet
        iifname "wg0" ip saddr != $ipv4_bogons accept
        # enforce strict RPF
        fib saddr . mark . iif oif missing drop
    }
}
`;

/** A hub ruleset with sets, a verdict map, regular chains, includes nothing. */
export const HUB = `#!/usr/sbin/nft -f
flush ruleset

define wan = "eth0"
define wg = "wg0"
define wg_net = 10.8.0.0/24

table inet fw {
    set admins {
        type ipv4_addr
        flags interval
        elements = { 192.0.2.0/28, 198.51.100.7 }
    }
    set wg_ports {
        type inet_service
        elements = { 51820, 51821 }
    }
    map iface_verdict {
        type ifname : verdict
        elements = { "lo" : accept, $wg : jump from_wg }
    }

    chain input {
        type filter hook input priority filter; policy drop;
        ct state established,related accept
        ct state invalid drop
        iifname vmap @iface_verdict
        iifname $wan udp dport @wg_ports counter accept
        ip saddr @admins tcp dport 22 accept
        meta l4proto { icmp, ipv6-icmp } accept
        counter reject with icmpx type admin-prohibited
    }

    chain from_wg {
        ip saddr $wg_net tcp dport { 53, 80, 443 } accept
        udp dport 53 accept
        jump log_and_drop
    }

    chain log_and_drop {
        limit rate 5/minute log prefix "wg drop: "
        drop
    }

    chain forward {
        type filter hook forward priority filter; policy drop;
        ct state established,related accept
        iifname $wg oifname $wan goto wg_out
    }

    chain wg_out {
        ip saddr $wg_net accept
        return
    }
}

table ip nat {
    chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
        oifname $wan ip saddr $wg_net masquerade
    }
}
`;

const examplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');

/** Every `examples/<scenario>/etc/nftables.conf`, by scenario. */
export function exampleRulesets(): [string, string][] {
  return readdirSync(examplesDir)
    .map((d) => [d, path.join(examplesDir, d, 'etc/nftables.conf')] as const)
    .filter(([, f]) => existsSync(f))
    .map(([d, f]) => [d, readFileSync(f, 'utf8')]);
}

/** Realistic rulesets that every nft rule must leave clean. */
export function realistic(): [string, string][] {
  return [['seed 002', SEED_002], ['seed 004', SEED_004], ['hub', HUB], ...exampleRulesets()];
}
