import { describe, expect, it } from 'vitest';
import { at, PUB_1, run, wg } from './helpers.js';

const ID = 'dnat-target-without-peer';
const CONF = 'etc/wireguard/wg0.conf';
const peer = (ips: string) => `[Peer]\nPublicKey = ${PUB_1}\nAllowedIPs = ${ips}\n`;
const dnat = (to: string) => `PreUp = iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 2000 -j DNAT --to-destination ${to}\nPostDown = iptables -t nat -D PREROUTING -i eth0 -p tcp --dport 2000 -j DNAT --to-destination ${to}`;

describe(ID, () => {
  it('valid: seed 004 hub-spoke, the target is a peer', () => {
    expect(run(ID, { [CONF]: wg(`Address = 10.0.0.2/24\n${dnat('10.0.0.3:8080')}`, peer('10.0.0.0/24')) })).toEqual([]);
  });
  it('valid: seed 004 public server, the target is outside the tunnel subnet but in AllowedIPs', () => {
    expect(run(ID, { [CONF]: wg(`Address = 10.0.0.2\n${dnat('172.31.0.3:8080')}`, peer('10.0.0.1, 172.31.0.3')) })).toEqual([]);
  });
  it('valid: a LAN target outside every tunnel subnet', () => {
    expect(run(ID, { [CONF]: wg(`Address = 10.0.0.2/24\n${dnat('192.168.1.10:8080')}`, peer('10.0.0.1/32')) })).toEqual([]);
  });
  it('invalid: the target is in the tunnel subnet but no peer has it', () => {
    const files = { [CONF]: wg(`Address = 10.0.0.2/24\n${dnat('10.0.0.3:8080')}`, peer('10.0.0.1/32')) };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 2000 -j DNAT --to-destination 10.0.0.3:8080');
    expect(ds[0]!.message).toContain('Add 10.0.0.3/32 to the AllowedIPs');
  });
});
