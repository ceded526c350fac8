import { describe, expect, it } from 'vitest';
import { SYSCTL, at, run, runSysctl } from './helpers.js';

const ID = 'sysctl-reserved-ports-invalid';

describe(ID, () => {
  it('accepts lists the kernel accepts', () => {
    for (const v of ['51820', '51820,51821-51830', '1,2-4,10-10', '']) {
      expect(runSysctl(ID, `net.ipv4.ip_local_reserved_ports = ${v}\n`), v).toEqual([]);
    }
  });

  it('points at the bad item', () => {
    const files = { [SYSCTL]: 'net.ipv4.ip_local_reserved_ports = 51820,51830-51821\n' };
    const [d, ...rest] = run(ID, files);
    expect(rest).toEqual([]);
    expect(at(files, d!)).toBe('51830-51821');
    expect(d!.message).toMatch(/inverted range/);
    expect(d!.message).toMatch(/none of these ports is reserved/);
  });

  it('reports spaces, stray commas and ports above 65535', () => {
    for (const [v, bad] of [
      ['51820, 51821', ' 51821'],
      ['51820,,51821', ''],
      ['70000', '70000'],
      ['51820 51821', '51820 51821'],
    ] as const) {
      const files = { [SYSCTL]: `net.ipv4.ip_local_reserved_ports = ${v}\n` };
      const ds = run(ID, files);
      expect(ds, v).toHaveLength(1);
      if (bad !== '') expect(at(files, ds[0]!)).toBe(bad);
    }
  });
});
