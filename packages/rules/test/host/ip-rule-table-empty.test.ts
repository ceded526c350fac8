import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'ip-rule-table-empty';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it.each([
    ['Table = 123 fills the table (seed 004)', 'Table = 123\nPreUp = ip rule add fwmark 1 table 123 priority 456\nPostDown = ip rule del fwmark 1 table 123 priority 456'],
    ['a hook route fills the table', 'PostUp = ip route add default via 172.31.0.1 dev eth0 table 123; ip rule add from 10.0.0.3 table 123 priority 5'],
    ['lookup main', 'PostUp = ip rule add to 192.168.0.0/16 lookup main priority 10'],
    ['a table number in hex, as iproute2 reads it', 'Table = 1234\nPostUp = ip rule add from 10.0.0.2 table 0x4d2 priority 1234\nPostDown = ip rule del from 10.0.0.2 table 0x4d2 priority 1234'],
    ['Table in hex, the rule in decimal', 'Table = 0x4d2\nPostUp = ip rule add from 10.0.0.2 tab 1234 priority 1234\nPostDown = ip rule del from 10.0.0.2 table 1234 priority 1234'],
    ['a script may fill it', 'PostUp = /usr/local/bin/routes.sh; ip rule add fwmark 1 table 123 priority 456'],
  ])('valid: %s', (_n, hooks) => {
    expect(run(ID, { [CONF]: wg(hooks) })).toEqual([]);
  });
  it('valid: the rule names a table the host rt_tables maps to the number the interface fills', () => {
    const files = { [CONF]: wg('Table = 200\nPostUp = ip rule add fwmark 1 table vpn priority 456\nPostDown = ip rule del fwmark 1 table vpn priority 456'), 'etc/iproute2/rt_tables': '200 vpn\n' };
    expect(run(ID, files)).toEqual([]);
  });
  it('invalid: table 124 while the interface fills 123', () => {
    const files = { [CONF]: wg('Table = 123\nPreUp = ip rule add fwmark 1 table 124 priority 456\nPostDown = ip rule del fwmark 1 table 124 priority 456') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('ip rule add fwmark 1 table 124 priority 456');
    expect(ds[0]!.message).toContain('`Table = 124`');
  });
});
