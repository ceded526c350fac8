import { describe, expect, it } from 'vitest';
import { WG0, at, fixed, run, wg } from './helpers.js';

const ID = 'route-host-bits';

describe(ID, () => {
  it('does not fire on the seed 002/004 routes', () => {
    const files = {
      [WG0]: wg(`PostUp = ip route add 10.100.100.1 dev %i
PostUp = ip route add 192.0.2.144/30 via 172.31.0.1 dev eth0
PostUp = ip route add default via 172.31.0.1 dev eth0 table 123`),
    };
    expect(run(ID, files)).toEqual([]);
  });

  it('reports host bits and fixes them', () => {
    const files = { [WG0]: wg('PostUp = ip route add 10.8.0.1/24 dev %i') };
    const [d] = run(ID, files);
    expect(d!.severity).toBe('error');
    expect(at(files, d!)).toBe('10.8.0.1/24');
    expect(fixed(files, d!)).toContain('PostUp = ip route add 10.8.0.0/24 dev %i');
  });

  it('does not fire on a delete', () => {
    expect(run(ID, { [WG0]: wg('PostDown = ip route del 10.8.0.1/24 dev %i') })).toEqual([]);
  });
});
