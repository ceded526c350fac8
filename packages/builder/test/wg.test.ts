import { describe, expect, it } from 'vitest';
import { BuilderError, hookPair, pairedHooks, wgConfig } from '../src/index.js';
import { expectWgClean, testKey } from './support.js';

const PRIV = testKey(1);
const PUB_A = testKey(2);
const PUB_B = testKey(3);
const PSK = testKey(4);

function thrown(fn: () => unknown): BuilderError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BuilderError);
    return e as BuilderError;
  }
  throw new Error('expected a BuilderError');
}

describe('wgConfig', () => {
  it('prints every key in canonical layout', () => {
    const text = wgConfig({
      interface: {
        privateKey: PRIV,
        address: ['10.8.0.1/24', 'fd00::1/64'],
        listenPort: 51820,
        table: 'off',
        fwMark: 51820,
        mtu: 1420,
        dns: ['10.8.0.53', 'vpn.example'],
        postUp: ['iptables -A FORWARD -i %i -j ACCEPT'],
        postDown: ['iptables -D FORWARD -i %i -j ACCEPT'],
      },
      peers: [
        { publicKey: PUB_A, presharedKey: PSK, allowedIPs: ['10.8.0.2/32', 'fd00::2/128'], endpoint: { host: '2001:db8::1', port: 51820 }, persistentKeepalive: 25 },
        { publicKey: PUB_B, allowedIPs: ['10.8.1.0/24'], endpoint: 'vpn.example.com:51820' },
      ],
    });
    expect(text).toBe(`[Interface]
PrivateKey = ${PRIV}
Address = 10.8.0.1/24, fd00::1/64
ListenPort = 51820
FwMark = 0xca6c
Table = off
MTU = 1420
DNS = 10.8.0.53, vpn.example
PostUp = iptables -A FORWARD -i %i -j ACCEPT
PostDown = iptables -D FORWARD -i %i -j ACCEPT

[Peer]
PublicKey = ${PUB_A}
PresharedKey = ${PSK}
AllowedIPs = 10.8.0.2/32, fd00::2/128
Endpoint = [2001:db8::1]:51820
PersistentKeepalive = 25

[Peer]
PublicKey = ${PUB_B}
AllowedIPs = 10.8.1.0/24
Endpoint = vpn.example.com:51820
`);
    expectWgClean(text);
  });

  it('prints a minimal config (no peers) that parses clean', () => {
    const text = wgConfig({ interface: { privateKey: PRIV } });
    expect(text).toBe(`[Interface]\nPrivateKey = ${PRIV}\n`);
    expectWgClean(text);
  });

  it('refuses bad keys without echoing the key', () => {
    const badPriv = `${PRIV.slice(0, 42)}B=`; // non-canonical 43rd character
    const e = thrown(() => wgConfig({ interface: { privateKey: badPriv } }));
    expect(e.code).toBe('invalid-key');
    expect(e.path).toBe('interface.privateKey');
    expect(e.message).toMatch(/canonical/);
    expect(e.message).not.toContain(badPriv);
    expect(e.message).not.toContain(badPriv.slice(0, 20));

    const short = thrown(() => wgConfig({ interface: { privateKey: PRIV }, peers: [{ publicKey: PUB_A, presharedKey: PSK.slice(0, 40) }] }));
    expect(short.path).toBe('peers[0].presharedKey');
    expect(short.message).toMatch(/44 characters, got 40/);
    expect(short.message).not.toContain(PSK.slice(0, 40));
  });

  it('refuses duplicate peers without echoing keys', () => {
    const e = thrown(() => wgConfig({ interface: { privateKey: PRIV }, peers: [{ publicKey: PUB_A }, { publicKey: PUB_A }] }));
    expect(e.code).toBe('duplicate');
    expect(e.message).toBe('peers[1].publicKey: same public key as peers[0]; wg would merge the two peers');
  });

  it('validates CIDRs with precise paths', () => {
    const bad = thrown(() => wgConfig({ interface: { privateKey: PRIV }, peers: [{ publicKey: PUB_A, allowedIPs: ['10.0.0.0/24', '10.0.0.2/33'] }] }));
    expect(bad.path).toBe('peers[0].allowedIPs[1]');
    expect(bad.code).toBe('invalid-cidr');
    const host = thrown(() => wgConfig({ interface: { privateKey: PRIV }, peers: [{ publicKey: PUB_A, allowedIPs: ['10.0.0.2/24'] }] }));
    expect(host.message).toContain('write `10.0.0.0/24`');
    const host6 = thrown(() => wgConfig({ interface: { privateKey: PRIV }, peers: [{ publicKey: PUB_A, allowedIPs: ['fd00::1/64'] }] }));
    expect(host6.message).toContain('write `fd00::/64`');
    const addr = thrown(() => wgConfig({ interface: { privateKey: PRIV, address: ['10.0.0.256/24'] } }));
    expect(addr.path).toBe('interface.address[0]');
  });

  it('validates ports, marks, MTU, keepalive, table, DNS and endpoints', () => {
    const cases: [Parameters<typeof wgConfig>[0], string, string][] = [
      [{ interface: { privateKey: PRIV, listenPort: 70000 } }, 'interface.listenPort', 'invalid-port'],
      [{ interface: { privateKey: PRIV, listenPort: 1.5 } }, 'interface.listenPort', 'invalid-port'],
      [{ interface: { privateKey: PRIV, fwMark: 0x1_0000_0000 } }, 'interface.fwMark', 'invalid-number'],
      [{ interface: { privateKey: PRIV, mtu: 60 } }, 'interface.mtu', 'invalid-number'],
      [{ interface: { privateKey: PRIV, address: ['fd00::1/64'], mtu: 1200 } }, 'interface.mtu', 'invalid-number'],
      [{ interface: { privateKey: PRIV, table: 'bad table' } }, 'interface.table', 'invalid-value'],
      [{ interface: { privateKey: PRIV, dns: ['1.2.3'] } }, 'interface.dns[0]', 'invalid-value'],
      [{ interface: { privateKey: PRIV, postUp: ['echo a\necho b'] } }, 'interface.postUp[0]', 'invalid-value'],
      [{ interface: { privateKey: PRIV }, peers: [{ publicKey: PUB_A, persistentKeepalive: 65536 }] }, 'peers[0].persistentKeepalive', 'invalid-number'],
      [{ interface: { privateKey: PRIV }, peers: [{ publicKey: PUB_A, endpoint: '2001:db8::1:51820' }] }, 'peers[0].endpoint', 'invalid-value'],
      [{ interface: { privateKey: PRIV }, peers: [{ publicKey: PUB_A, endpoint: '192.0.2.1' }] }, 'peers[0].endpoint', 'invalid-value'],
      [{ interface: { privateKey: PRIV }, peers: [{ publicKey: PUB_A, endpoint: { host: '192.0.2.1', port: 0 } }] }, 'peers[0].endpoint.port', 'invalid-port'],
      [{ interface: { privateKey: PRIV }, peers: [{ publicKey: PUB_A, allowedIPs: ['10.0.0.0/8', '10.0.0.0/8'] }] }, 'peers[0].allowedIPs[1]', 'duplicate'],
    ];
    for (const [spec, path, code] of cases) {
      const e = thrown(() => wgConfig(spec));
      expect([e.path, e.code], JSON.stringify(spec.interface.listenPort ?? path)).toEqual([path, code]);
      expect(e.message).not.toContain(PRIV);
    }
  });

  it('accepts the edge values', () => {
    const text = wgConfig({
      interface: { privateKey: PRIV, listenPort: 0, fwMark: 'off', table: 1234, mtu: 68, saveConfig: false },
      peers: [{ publicKey: PUB_A, persistentKeepalive: 'off', endpoint: '[fe80::1%eth0]:1' }],
    });
    expect(text).toContain('Endpoint = [fe80::1%eth0]:1');
    expect(text).toContain('FwMark = off');
    expectWgClean(text);
  });
});

describe('hookPair', () => {
  it.each([
    ['iptables -A FORWARD -i %i -j ACCEPT', 'iptables -D FORWARD -i %i -j ACCEPT'],
    ['iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE', 'iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE'],
    ['ip6tables -w -I INPUT 2 -p udp --dport 51820 -j ACCEPT', 'ip6tables -w -D INPUT -p udp --dport 51820 -j ACCEPT'],
    ['iptables -A INPUT -m comment --comment "wg rule" -j ACCEPT', 'iptables -D INPUT -m comment --comment "wg rule" -j ACCEPT'],
    ['iptables -N WG', 'iptables -X WG'],
    ['ip rule add not fwmark 51820 table 51820', 'ip rule del not fwmark 51820 table 51820'],
    ['ip -6 route add default dev %i table 51820', 'ip -6 route del default dev %i table 51820'],
    ['ip link add dummy0 type dummy', 'ip link del dummy0 type dummy'],
    ['nft add table inet wg-%i', 'nft delete table inet wg-%i'],
  ])('%s', (up, down) => {
    expect(hookPair(up)).toEqual({ up, down });
  });

  it('refuses commands without a derivable teardown', () => {
    for (const cmd of ['nft add rule inet t c accept', 'sysctl -w net.ipv4.ip_forward=1', 'iptables -A INPUT -j ACCEPT; echo hi', 'iptables -P INPUT DROP', 'ip rule show']) {
      expect(thrown(() => hookPair(cmd)).code).toBe('no-teardown');
    }
  });

  it('pairs several commands with teardown in reverse order', () => {
    expect(pairedHooks(['iptables -N WG', 'iptables -A INPUT -j WG'])).toEqual({
      postUp: ['iptables -N WG', 'iptables -A INPUT -j WG'],
      postDown: ['iptables -D INPUT -j WG', 'iptables -X WG'],
    });
  });
});
