import { describe, expect, it } from 'vitest';
import { WG0, at, run, wg } from './helpers.js';

const ID = 'ip-table-name-unknown';

describe(ID, () => {
  it('does not fire on numbers and built-in names', () => {
    const files = {
      [WG0]: wg(`PreUp = ip rule add fwmark 1 table 123 priority 456
PostDown = ip rule del fwmark 1 table 123 priority 456
PostUp = ip -4 rule add table main suppress_prefixlength 0 priority 99
PostUp = ip route add 10.9.0.0/16 dev %i table local`),
    };
    expect(run(ID, files)).toEqual([]);
  });

  it('reports a table name', () => {
    const files = { [WG0]: wg('PostUp = ip rule add fwmark 1 table vpn priority 5\nPostUp = ip route add default dev %i table vpn') };
    const ds = run(ID, files);
    expect(ds.map((d) => at(files, d))).toEqual(['vpn', 'vpn']);
    expect(ds[0]!.message).toMatch(/invalid table ID/);
    expect(ds[1]!.message).toMatch(/"table" value is invalid/);
  });

  it('does not fire on names the host defines in etc/iproute2/rt_tables or rt_tables.d/*.conf', () => {
    const files = {
      [WG0]: wg('PostUp = ip rule add fwmark 1 table vpn priority 5\nPostUp = ip route add default dev %i table office\nPostDown = ip rule del fwmark 1 table vpn priority 5'),
      'etc/iproute2/rt_tables': '255\tlocal\n254\tmain\n253\tdefault\n0\tunspec\n200 vpn\n',
      'etc/iproute2/rt_tables.d/office.conf': '201 office # the branch office\n',
    };
    expect(run(ID, files)).toEqual([]);
  });

  it('(near miss) still reports a name the host rt_tables does not list, and says which files it read', () => {
    const files = {
      [WG0]: wg('PostUp = ip rule add fwmark 1 table vpm priority 5'),
      'etc/iproute2/rt_tables': '200 vpn\nbroken line\n201 vpm\n',
      'etc/iproute2/rt_tables.d/x.txt': '202 vpm\n',
    };
    const ds = run(ID, files);
    expect(ds.map((d) => at(files, d))).toEqual(['vpm']);
    expect(ds[0]!.message).toBe(
      'Routing table `vpm` is not defined on this host: etc/iproute2/rt_tables does not list it, so `ip rule` fails with "Error: argument "vpm" is wrong: invalid table ID". ' +
        'Add a line `ID vpm` (an unused number from 1 to 252) to etc/iproute2/rt_tables, or use the table number.',
    );
  });

  it('reports `Table = NAME` that the host does not define, where wg-quick adds routes into it', () => {
    const files = { [WG0]: wg('Table = vpn') };
    const ds = run(ID, files);
    expect(ds.map((d) => at(files, d))).toEqual(['vpn']);
    expect(ds[0]!.message).toMatch(/^`Table = vpn` names a routing table that is not defined on this host \(unless \/etc\/iproute2\/rt_tables/);
    expect(ds[0]!.message).toMatch(/"table" value is invalid/);
  });

  it.each([
    ['a number', 'Table = 1234', {}],
    ['off and auto', 'Table = off', {}],
    ['a built-in name', 'Table = main', {}],
    ['a name the host defines', 'Table = vpn', { 'etc/iproute2/rt_tables': '200 vpn\n' }],
    ['Off (wg-table-keyword-case reports it)', 'Table = Off', {}],
  ])('(near miss) does not fire on `Table =` with %s', (_n, line, extra) => {
    expect(run(ID, { [WG0]: wg(line), ...extra })).toEqual([]);
  });

  it('(near miss) does not fire on `Table = NAME` without AllowedIPs: wg-quick adds no route', () => {
    const text = `[Interface]\nAddress = 10.0.0.1/24\nTable = vpn\n\n[Peer]\nPublicKey = fE/wdxzl0klVp/IR8UcaoGUMjqaWi3jAd7KzHKFS6Ds=\n`;
    expect(run(ID, { [WG0]: text })).toEqual([]);
  });
});
