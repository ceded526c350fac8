import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'table-without-ip-rule';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it.each([
    ['rule in the same file (seed 002)', 'Table = 41\nPreUp = ip rule add from 10.200.200.1 table 41 priority 100\nPostDown = ip rule del from 10.200.200.1 table 41 priority 100'],
    ['Table = off', 'Table = off'],
    ['Table = auto', 'Table = auto'],
    ['a script may add the rule', 'Table = 41\nPostUp = /etc/wireguard/rules.sh up'],
  ])('valid: %s', (_n, iface) => {
    expect(run(ID, { [CONF]: wg(iface) })).toEqual([]);
  });
  it('valid: the rule comes from another interface of the host', () => {
    const files = { [CONF]: wg('Table = 41'), 'etc/wireguard/wg1.conf': wg('PostUp = ip rule add iif wg1 table 41 priority 7\nPostDown = ip rule del iif wg1 table 41 priority 7') };
    expect(run(ID, files)).toEqual([]);
  });
  it('valid: Table in hex and the rule in decimal, and a name the host rt_tables gives the same number', () => {
    expect(run(ID, { [CONF]: wg('Table = 0x4d2\nPostUp = ip rule add from 10.0.0.2 table 1234 priority 1234\nPostDown = ip rule del from 10.0.0.2 table 1234 priority 1234') })).toEqual([]);
    const named = { [CONF]: wg('Table = vpn\nPostUp = ip rule add from 10.0.0.2 table 200 priority 9\nPostDown = ip rule del from 10.0.0.2 table 200 priority 9'), 'etc/iproute2/rt_tables': '200 vpn\n' };
    expect(run(ID, named)).toEqual([]);
  });
  it('invalid (near miss): the name is another number in the host rt_tables', () => {
    const files = { [CONF]: wg('Table = vpn\nPostUp = ip rule add from 10.0.0.2 table 200 priority 9\nPostDown = ip rule del from 10.0.0.2 table 200 priority 9'), 'etc/iproute2/rt_tables': '201 vpn\n' };
    expect(run(ID, files).map((d) => at(files, d))).toEqual(['vpn']);
  });
  it('invalid: Table = 1234 and nothing selects it', () => {
    const files = { [CONF]: wg('Address = 10.0.0.2/32\nTable = 1234') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('1234');
    expect(ds[0]!.message).toContain('ip rule add <selector> table 1234');
  });
});
