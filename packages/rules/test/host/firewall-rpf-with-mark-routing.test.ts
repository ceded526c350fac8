import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'firewall-rpf-with-mark-routing';
const CONF = 'etc/wireguard/wg0.conf';
const NFT = 'etc/nftables.conf';
const WG0 = wg('Address = 10.0.0.1/24\nTable = 123\nPreUp = ip rule add fwmark 1 table 123 priority 456\nPostDown = ip rule del fwmark 1 table 123 priority 456');
const nft = (rpf: string) => `table inet mangle {
    chain prerouting {
        type filter hook prerouting priority -150; policy accept;
        iifname "wg0" ct state new ct mark set 1
        iifname != "wg0" ct mark 1 meta mark set 1
    }
}
table inet raw {
    chain prerouting {
        type filter hook prerouting priority raw; policy accept;
        ${rpf}
    }
}
`;

describe(ID, () => {
  it('valid: seed 004 fix, the WireGuard interface is exempt', () => {
    expect(run(ID, { [CONF]: WG0, [NFT]: nft('iifname != "wg0" fib saddr . mark . iif oif missing drop') })).toEqual([]);
  });
  it('valid: no mark routing', () => {
    expect(run(ID, { [CONF]: wg('Address = 10.0.0.1/24'), [NFT]: nft('fib saddr . mark . iif oif missing drop') })).toEqual([]);
  });
  it('valid: loose iptables rpfilter', () => {
    const dump = '*raw\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -m rpfilter --loose --invert -j DROP\nCOMMIT\n';
    expect(run(ID, { [CONF]: WG0, 'etc/iptables/rules.v4': dump })).toEqual([]);
  });
  it('invalid: seed 004 strict fib rule (test/hosts/rpf-nft-fib-strict-with-connmark)', () => {
    const files = { [CONF]: WG0, [NFT]: nft('fib saddr . mark . iif oif missing drop') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('ip rule add fwmark 1 table 123 priority 456');
    expect(ds[0]!.message).toContain('etc/nftables.conf:11');
    expect(ds[0]!.message).toContain('iifname != "wg0" fib saddr . mark . iif oif missing drop');
  });
});
