import { describe, expect, it } from 'vitest';
import { WG0, at, run, wg } from './helpers.js';

const ID = 'mark-collides-with-wireguard-fwmark';

describe(ID, () => {
  it('reports MARK 51820 under a wg-quick full tunnel', () => {
    const files = { [WG0]: wg('PostUp = iptables -t mangle -A OUTPUT -p tcp --dport 25 -j MARK --set-mark 51820', '0.0.0.0/0') };
    const [d, ...rest] = run(ID, files);
    expect(rest).toEqual([]);
    expect(at(files, d!)).toBe('iptables -t mangle -A OUTPUT -p tcp --dport 25 -j MARK --set-mark 51820');
    expect(d!.message).toMatch(/0xca6c/);
  });

  it('reports a collision with an explicit FwMark, hex and masked', () => {
    const files = { [WG0]: wg('FwMark = 0x1234\nPostUp = iptables -t mangle -A PREROUTING -i eth1 -j MARK --set-xmark 0x1234/0xffff') };
    expect(run(ID, files)).toHaveLength(1);
  });

  it('does not fire for the seed 004 connmark rules without a WireGuard fwmark', () => {
    const files = {
      [WG0]: wg(`PreUp = iptables -t mangle -A PREROUTING -i wg0 -m state --state NEW -j CONNMARK --set-mark 1
PostDown = iptables -t mangle -D PREROUTING -i wg0 -m state --state NEW -j CONNMARK --set-mark 1
PreUp = iptables -t mangle -A PREROUTING ! -i wg0 -m connmark --mark 1 -j MARK --set-mark 1
PostDown = iptables -t mangle -D PREROUTING ! -i wg0 -m connmark --mark 1 -j MARK --set-mark 1`),
    };
    expect(run(ID, files)).toEqual([]);
  });

  it('does not fire for distinct marks or masks that leave the WireGuard bits alone', () => {
    const files = {
      [WG0]: wg('PostUp = iptables -t mangle -A OUTPUT -j MARK --set-mark 1\nPostUp = iptables -t mangle -A OUTPUT -j MARK --set-xmark 0x10000/0xff0000', '0.0.0.0/0'),
    };
    expect(run(ID, files)).toEqual([]);
  });
});
