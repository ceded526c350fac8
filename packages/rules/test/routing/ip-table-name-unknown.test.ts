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
});
