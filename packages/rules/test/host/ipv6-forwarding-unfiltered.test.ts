import { describe, expect, it } from 'vitest';
import { at, run } from './helpers.js';

const ID = 'ipv6-forwarding-unfiltered';
const SYSCTL = 'etc/sysctl.d/99-wireguard.conf';
const V4 = '*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n';

describe(ID, () => {
  it('valid: rules.v6 exists', () => {
    expect(run(ID, { [SYSCTL]: 'net.ipv6.conf.all.forwarding = 1\n', 'etc/iptables/rules.v4': V4, 'etc/iptables/rules.v6': V4 })).toEqual([]);
  });
  it('valid: an inet nft forward chain', () => {
    const nft = 'table inet f {\n  chain forward {\n    type filter hook forward priority 0; policy drop;\n  }\n}\n';
    expect(run(ID, { [SYSCTL]: 'net.ipv6.conf.all.forwarding = 1\n', 'etc/iptables/rules.v4': V4, 'etc/nftables.conf': nft })).toEqual([]);
  });
  it('valid: IPv6 forwarding off', () => {
    expect(run(ID, { [SYSCTL]: 'net.ipv4.ip_forward = 1\n', 'etc/iptables/rules.v4': V4 })).toEqual([]);
  });
  it('invalid: seed 001 sysctls with only rules.v4', () => {
    const files = { [SYSCTL]: 'net.ipv4.ip_forward = 1\nnet.ipv6.conf.all.forwarding = 1\n', 'etc/iptables/rules.v4': V4 };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe(SYSCTL);
    expect(at(files, ds[0]!)).toBe('net.ipv6.conf.all.forwarding = 1');
  });
});
