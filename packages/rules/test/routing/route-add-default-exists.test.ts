import { describe, expect, it } from 'vitest';
import { WG0, at, run, wg } from './helpers.js';

const ID = 'route-add-default-exists';

describe(ID, () => {
  it('reports a default route into main', () => {
    const files = { [WG0]: wg('PostUp = ip route add default dev %i') };
    const [d] = run(ID, files);
    expect(at(files, d!)).toBe('ip route add default dev %i');
    expect(d!.message).toMatch(/File exists/);
    expect(run(ID, { [WG0]: wg('PostUp = ip route add 0.0.0.0/0 dev %i table main') })).toHaveLength(1);
  });

  it('does not fire for other tables, replace, deletes or Down hooks', () => {
    const files = {
      [WG0]: wg(`PostUp = ip route add default via 172.31.0.1 dev eth0 table 123
PostUp = ip route replace default dev %i
PostUp = ip route add 10.0.0.0/8 dev %i
PreDown = ip route del default dev %i
PostUp = ip route add default dev %i metric 500 || true`),
    };
    expect(run(ID, files)).toEqual([]);
  });
});
