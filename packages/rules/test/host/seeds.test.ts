// The seeds' final, corrected hosts must not get a warning or an error from any host rule.
import { lintTexts } from '@wglint/engine';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/host/index.js';
import { KEY_A, KEY_B, PUB_1, PUB_2 } from './helpers.js';

const HOST_IDS = new Set([...rules.map((r) => r.meta.id), 'syntax-error']);

function loud(files: Record<string, string>): string[] {
  return lintTexts(files)
    .filter((d) => HOST_IDS.has(d.ruleId) && d.severity !== 'info')
    .map((d) => `${d.file} ${d.ruleId}: ${d.message}`);
}

const SYSCTL_001 = `net.ipv4.ip_forward = 1
net.ipv6.conf.all.forwarding = 1
net.ipv6.conf.eth0.accept_ra = 2
net.ipv4.conf.all.accept_redirects = 0
net.ipv4.conf.all.send_redirects = 0
net.ipv4.conf.default.rp_filter = 1
net.ipv4.conf.all.rp_filter = 1
net.ipv4.tcp_syncookies = 1
`;

const RULES_001 = `*mangle
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A FORWARD -i wg0 -o eth0 -p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
COMMIT
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -m conntrack --ctstate INVALID -j DROP
-A INPUT -s 198.51.100.0/24 -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -j ACCEPT
-A INPUT -i eth0 -p udp -m udp --dport 51820 -m conntrack --ctstate NEW -m limit --limit 30/min -j ACCEPT
-A INPUT -i wg0 -j ACCEPT
-A INPUT -m limit --limit 5/min -j LOG --log-prefix "iptables-input-drop: "
-A FORWARD -i wg0 -o eth0 -j ACCEPT
-A FORWARD -i eth0 -o wg0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A OUTPUT -o lo -j ACCEPT
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE
COMMIT
`;

describe('seed hosts (final configurations) stay clean', () => {
  it('seed 001: hardened gateway', () => {
    expect(
      loud({
        'etc/sysctl.d/99-wireguard.conf': SYSCTL_001,
        'etc/iptables/rules.v4': RULES_001,
        'etc/iptables/rules.v6': RULES_001.replace('-s 10.0.0.0/24', '-s fd00:10::/64').replace('198.51.100.0/24', '2001:db8:100::/48'),
        'etc/wireguard/wg0.conf': `[Interface]\nPrivateKey = ${KEY_A}\nAddress = 10.0.0.1/24, fd00:10::1/64\nListenPort = 51820\n\n[Peer]\nPublicKey = ${PUB_1}\nAllowedIPs = 10.0.0.2/32, fd00:10::2/128\n`,
      }),
    ).toEqual([]);
  });

  it('seed 002: two customers, nftables, policy routing', () => {
    const nft = `#!/usr/sbin/nft -f
flush ruleset
define pub_iface = "eth0"
define wg_iface = { "wg-a", "wg-b" }
define wg_port = { 51821, 51822 }
table inet filter {
    chain input {
        type filter hook input priority 0; policy drop;
        iif "lo" accept
        meta l4proto { icmp, ipv6-icmp } accept
        ct state vmap { invalid : drop, established : accept, related : accept }
        ct state new limit rate over 1/second burst 10 packets drop
        iifname $pub_iface tcp dport ssh accept
        iifname $pub_iface udp dport $wg_port accept
        iifname $wg_iface tcp dport 8080 accept
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
        dnat ip to iifname map { "wg-a" : 10.200.200.1, "wg-b" : 10.200.200.2 }
    }
}
`;
    const conf = (key: string, addr: string, port: number, table: number, prio: number, routed: string, pub: string) =>
      `[Interface]\nPrivateKey = ${key}\nAddress = ${addr}\nListenPort = ${port}\n\nTable = ${table}\nPreUp = ip rule add from ${addr} table ${table} priority ${prio}\nPostDown = ip rule del from ${addr} table ${table} priority ${prio}\nPostUp = ip route add ${routed} dev %i\n\n[Peer]\nPublicKey = ${pub}\nAllowedIPs = 10.0.0.1\n`;
    expect(
      loud({
        'etc/nftables.conf': nft,
        'etc/wireguard/wg-a.conf': conf(KEY_A, '10.200.200.1', 51821, 41, 100, '10.100.100.1', PUB_1),
        'etc/wireguard/wg-b.conf': conf(KEY_B, '10.200.200.2', 51822, 42, 101, '10.100.100.2', PUB_2),
      }),
    ).toEqual([]);
  });

  it('seed 003: mesh host with a REJECT-terminated FORWARD', () => {
    const rules = `*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT
-A INPUT -s 127.0.0.0/8 -i lo -j ACCEPT
-A INPUT -s 198.51.100.2/32 -p udp -m udp --dport 51820 -m state --state NEW -j ACCEPT
-A INPUT -j REJECT --reject-with icmp-port-unreachable
-A FORWARD -j REJECT --reject-with icmp-port-unreachable
COMMIT
`;
    const wg = `[Interface]\nAddress = 192.0.2.1/24\nPrivateKey = ${KEY_A}\nListenPort = 51820\nPostUp = iptables -I FORWARD -i %i -j ACCEPT; iptables -t nat -A POSTROUTING -o %i -j MASQUERADE\nPostDown = iptables -D FORWARD -i %i -j ACCEPT; iptables -t nat -D POSTROUTING -o %i -j MASQUERADE\n\n[Peer]\nEndpoint = 198.51.100.2:51821\nPublicKey = ${PUB_1}\nAllowedIPs = 192.0.2.2/32\n`;
    expect(loud({ 'etc/iptables/rules.v4': rules, 'etc/wireguard/wg.conf': wg, 'etc/sysctl.d/99-forwarding.conf': 'net.ipv4.ip_forward = 1\n' })).toEqual([]);
  });

  it('seed 004: connmark on the intermediate server, on a host with seed 001 sysctls', () => {
    const wg0 = `[Interface]
PrivateKey = ${KEY_A}
Address = 10.0.0.1/24
ListenPort = 51821
Table = 123
PreUp = sysctl -w net.ipv4.conf.%i.rp_filter=2
PreUp = iptables -t mangle -A PREROUTING -i %i -m state --state NEW -j CONNMARK --set-mark 1
PostDown = iptables -t mangle -D PREROUTING -i %i -m state --state NEW -j CONNMARK --set-mark 1
PreUp = iptables -t mangle -A PREROUTING ! -i %i -m connmark --mark 1 -j MARK --set-mark 1
PostDown = iptables -t mangle -D PREROUTING ! -i %i -m connmark --mark 1 -j MARK --set-mark 1
PreUp = ip rule add fwmark 1 table 123 priority 456
PostDown = ip rule del fwmark 1 table 123 priority 456

[Peer]
PublicKey = ${PUB_1}
Endpoint = 203.0.113.2:51822
AllowedIPs = 0.0.0.0/0
PersistentKeepalive = 25
`;
    expect(loud({ 'etc/wireguard/wg0.conf': wg0, 'etc/sysctl.d/99-wireguard.conf': SYSCTL_001 })).toEqual([]);
  });

  it('seed 004: public server with port forwarding', () => {
    const wg0 = `[Interface]
PrivateKey = ${KEY_B}
Address = 10.0.0.2
ListenPort = 51822
PreUp = iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 2000 -j DNAT --to-destination 172.31.0.3:8080
PostDown = iptables -t nat -D PREROUTING -i eth0 -p tcp --dport 2000 -j DNAT --to-destination 172.31.0.3:8080
PreUp = iptables -t nat -A POSTROUTING -o wg0 -j MASQUERADE
PostDown = iptables -t nat -D POSTROUTING -o wg0 -j MASQUERADE

[Peer]
PublicKey = ${PUB_2}
AllowedIPs = 10.0.0.1, 172.31.0.3
`;
    expect(loud({ 'etc/wireguard/wg0.conf': wg0, 'etc/sysctl.d/99-forwarding.conf': 'net.ipv4.ip_forward = 1\n' })).toEqual([]);
  });
});
