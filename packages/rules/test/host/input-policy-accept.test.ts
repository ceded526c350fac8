import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'input-policy-accept';
const CONF = 'etc/wireguard/wg0.conf';
const V4 = 'etc/iptables/rules.v4';
const SERVER = wg('ListenPort = 51820');

describe(ID, () => {
  it('valid: INPUT DROP (seed 001)', () => {
    expect(run(ID, { [CONF]: SERVER, [V4]: '*filter\n:INPUT DROP [0:0]\n-A INPUT -p udp --dport 51820 -j ACCEPT\nCOMMIT\n' })).toEqual([]);
  });
  it('valid: a final REJECT (seed 003)', () => {
    expect(run(ID, { [CONF]: SERVER, [V4]: '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp --dport 51820 -j ACCEPT\n-A INPUT -j REJECT\nCOMMIT\n' })).toEqual([]);
  });
  it('valid: the last rule jumps to a chain that drops the rest (a LOGGING chain; pve-firewall, whose chains RETURN what they accept)', () => {
    const logging = '*filter\n:INPUT ACCEPT [0:0]\n:LOGGING - [0:0]\n-A INPUT -p udp --dport 51820 -j ACCEPT\n-A INPUT -j LOGGING\n-A LOGGING -m limit --limit 2/min -j LOG\n-A LOGGING -j DROP\nCOMMIT\n';
    expect(run(ID, { [CONF]: SERVER, [V4]: logging })).toEqual([]);
    const pve = '*filter\n:INPUT ACCEPT [0:0]\n:FW-IN - [0:0]\n:FW-HOST - [0:0]\n-A INPUT -j FW-IN\n-A FW-IN -j FW-HOST\n-A FW-HOST -p tcp --dport 22 -j RETURN\n-A FW-HOST -j DROP\nCOMMIT\n';
    expect(run(ID, { [CONF]: SERVER, [V4]: pve })).toEqual([]);
  });
  it('invalid (near miss): the chain jumped to logs but drops nothing, or returns everything first', () => {
    const logOnly = '*filter\n:INPUT ACCEPT [0:0]\n:LOGGING - [0:0]\n-A INPUT -j LOGGING\n-A LOGGING -j LOG\nCOMMIT\n';
    expect(run(ID, { [CONF]: SERVER, [V4]: logOnly })).toHaveLength(1);
    const returns = '*filter\n:INPUT ACCEPT [0:0]\n:LOGGING - [0:0]\n-A INPUT -j LOGGING\n-A LOGGING -j RETURN\n-A LOGGING -j DROP\nCOMMIT\n';
    expect(run(ID, { [CONF]: SERVER, [V4]: returns })).toHaveLength(1);
    const onlySome = '*filter\n:INPUT ACCEPT [0:0]\n:LOGGING - [0:0]\n-A INPUT -p tcp -j LOGGING\n-A LOGGING -j DROP\nCOMMIT\n';
    expect(run(ID, { [CONF]: SERVER, [V4]: onlySome })).toHaveLength(1);
  });
  it('valid: no dump', () => {
    expect(run(ID, { [CONF]: SERVER })).toEqual([]);
  });
  it('invalid: INPUT ACCEPT with nothing dropping (info)', () => {
    const files = { [CONF]: SERVER, [V4]: '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp --dport 51820 -j ACCEPT\nCOMMIT\n' };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('info');
    expect(at(files, ds[0]!)).toBe('ACCEPT');
  });
});
