import { describe, expect, it } from 'vitest';
import { at, KEY_A, PUB_1, run } from './helpers.js';

const ID = 'rp-filter-strict-with-mark-routing';
const CONF = 'etc/wireguard/wg0.conf';
const SYSCTL = 'etc/sysctl.d/99-wireguard.conf';

/** Seed 001's hardening sysctls. */
const SEED_001_SYSCTL = `net.ipv4.ip_forward = 1
net.ipv6.conf.all.forwarding = 1
net.ipv4.conf.all.accept_redirects = 0
net.ipv4.conf.all.send_redirects = 0
net.ipv4.conf.default.rp_filter = 1
net.ipv4.conf.all.rp_filter = 1
net.ipv4.tcp_syncookies = 1
`;

/** Seed 004: connmark on the intermediate server; `loosen` keeps the article's rp_filter line. */
function seed004(loosen: boolean): string {
  return `# /etc/wireguard/wg0.conf
[Interface]
PrivateKey = ${KEY_A}
Address = 10.0.0.1/24
ListenPort = 51821
Table = 123

# packet forwarding
PreUp = sysctl -w net.ipv4.ip_forward=1
${loosen ? '\n# loose reverse path forwarding validation\nPreUp = sysctl -w net.ipv4.conf.wg0.rp_filter=2\n' : ''}
# mark new connections coming in through WireGuard
PreUp = iptables -t mangle -A PREROUTING -i wg0 -m state --state NEW -j CONNMARK --set-mark 1
PostDown = iptables -t mangle -D PREROUTING -i wg0 -m state --state NEW -j CONNMARK --set-mark 1

# mark return packets to go out through WireGuard via policy routing
PreUp = iptables -t mangle -A PREROUTING ! -i wg0 -m connmark --mark 1 -j MARK --set-mark 1
PostDown = iptables -t mangle -D PREROUTING ! -i wg0 -m connmark --mark 1 -j MARK --set-mark 1

# policy routing for marked connections
PreUp = ip rule add fwmark 1 table 123 priority 456
PostDown = ip rule del fwmark 1 table 123 priority 456

[Peer]
PublicKey = ${PUB_1}
Endpoint = 203.0.113.2:51822
AllowedIPs = 0.0.0.0/0
PersistentKeepalive = 25
`;
}

describe(ID, () => {
  describe('valid', () => {
    it('seed 004 as published (wg0 loosened to 2) with seed 001 sysctls', () => {
      expect(run(ID, { [CONF]: seed004(true), [SYSCTL]: SEED_001_SYSCTL })).toEqual([]);
    });
    it('seed 004 without sysctl files: the kernel default rp_filter is 0', () => {
      expect(run(ID, { [CONF]: seed004(false) })).toEqual([]);
    });
    it('loose rp_filter globally', () => {
      expect(run(ID, { [CONF]: seed004(false), [SYSCTL]: 'net.ipv4.conf.all.rp_filter = 2\nnet.ipv4.conf.default.rp_filter = 2\n' })).toEqual([]);
    });
    it('strict rp_filter but no mark routing (plain Table + from rule)', () => {
      const conf = `[Interface]\nPrivateKey = ${KEY_A}\nAddress = 10.0.0.1/24\nTable = 123\nPreUp = ip rule add from 172.31.0.3 table 123 priority 456\nPostDown = ip rule del from 172.31.0.3 table 123 priority 456\n\n[Peer]\nPublicKey = ${PUB_1}\nAllowedIPs = 0.0.0.0/0\n`;
      expect(run(ID, { [CONF]: conf, [SYSCTL]: SEED_001_SYSCTL })).toEqual([]);
    });
    it("wg-quick's own full tunnel (it sets src_valid_mark itself)", () => {
      const conf = `[Interface]\nPrivateKey = ${KEY_A}\nAddress = 10.0.0.2/32\n\n[Peer]\nPublicKey = ${PUB_1}\nEndpoint = 203.0.113.2:51820\nAllowedIPs = 0.0.0.0/0\n`;
      expect(run(ID, { [CONF]: conf, [SYSCTL]: SEED_001_SYSCTL })).toEqual([]);
    });
    it('hand-made full tunnel with src_valid_mark=1', () => {
      const conf = `[Interface]\nPrivateKey = ${KEY_A}\nFwMark = 51820\nTable = 51820\nPostUp = sysctl -w net.ipv4.conf.all.src_valid_mark=1; ip rule add not fwmark 51820 table 51820 priority 100\nPostDown = ip rule del priority 100; sysctl -w net.ipv4.conf.all.src_valid_mark=0\n\n[Peer]\nPublicKey = ${PUB_1}\nAllowedIPs = 0.0.0.0/0\n`;
      expect(run(ID, { [CONF]: conf, [SYSCTL]: SEED_001_SYSCTL })).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('seed 004 without the rp_filter loosening, on a host with seed 001 sysctls', () => {
      const files = { [CONF]: seed004(false), [SYSCTL]: SEED_001_SYSCTL };
      const ds = run(ID, files);
      expect(ds).toHaveLength(1);
      expect(ds[0]!.file).toBe(CONF);
      expect(at(files, ds[0]!)).toBe('ip rule add fwmark 1 table 123 priority 456');
      expect(ds[0]!.message).toContain('strict (1: net.ipv4.conf.all.rp_filter = 1 from etc/sysctl.d/99-wireguard.conf:6');
      expect(ds[0]!.message).toContain('PreUp = sysctl -w net.ipv4.conf.%i.rp_filter=2');
    });
    it('conf.default = 1 is inherited by the new interface even with conf.all = 0', () => {
      const ds = run(ID, { [CONF]: seed004(false), [SYSCTL]: 'net.ipv4.conf.default.rp_filter = 1\n' });
      expect(ds).toHaveLength(1);
      expect(ds[0]!.message).toContain('net.ipv4.conf.default.rp_filter = 1');
    });
    it('a PostUp that makes rp_filter strict', () => {
      const conf = seed004(false).replace('PreUp = sysctl -w net.ipv4.ip_forward=1', 'PreUp = sysctl -w net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=1');
      const ds = run(ID, { [CONF]: conf });
      expect(ds).toHaveLength(1);
      expect(ds[0]!.message).toContain('PreUp of wg0');
    });
    it('hand-made full tunnel without src_valid_mark under strict rp_filter', () => {
      const conf = `[Interface]\nPrivateKey = ${KEY_A}\nFwMark = 51820\nTable = 51820\nPostUp = ip rule add not fwmark 51820 table 51820 priority 100\nPostDown = ip rule del priority 100\n\n[Peer]\nPublicKey = ${PUB_1}\nAllowedIPs = 0.0.0.0/0\n`;
      const files = { [CONF]: conf, [SYSCTL]: SEED_001_SYSCTL };
      const ds = run(ID, files);
      expect(ds).toHaveLength(1);
      expect(at(files, ds[0]!)).toBe('ip rule add not fwmark 51820 table 51820 priority 100');
      expect(ds[0]!.message).toContain('src_valid_mark');
    });
  });
});
