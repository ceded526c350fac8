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
  it('invalid: Table = 1234 and nothing selects it', () => {
    const files = { [CONF]: wg('Address = 10.0.0.2/32\nTable = 1234') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('1234');
    expect(ds[0]!.message).toContain('ip rule add <selector> table 1234');
  });
});
