import { describe, expect, it } from 'vitest';
import { SYSCTL, WG0, at, run, runSysctl, wg } from './helpers.js';

const ID = 'sysctl-port-range-invalid';

describe(ID, () => {
  it('accepts ranges the kernel accepts', () => {
    for (const v of ['32768 60999', '1024 65535', '40000\t50000', '50000 50000']) {
      expect(runSysctl(ID, `net.ipv4.ip_local_port_range = ${v}\n`), v).toEqual([]);
    }
    expect(runSysctl(ID, 'net.ipv4.ip_local_reserved_ports = 60000 50000\n')).toEqual([]);
  });

  it('reports an inverted range (seed fact: Invalid argument)', () => {
    const files = { [SYSCTL]: 'net.ipv4.ip_local_port_range = 60000 50000\n' };
    const [d] = run(ID, files);
    expect(at(files, d!)).toBe('60000 50000');
    expect(d!.severity).toBe('error');
    expect(d!.message).toMatch(/larger than the second/);
  });

  it('reports bounds and malformed values', () => {
    for (const [v, re] of [
      ['1000 60000', /ip_unprivileged_port_start/],
      ['1024 70000', /above 65535/],
      ['32768-60999', /two port numbers/],
      ['32768', /exactly two numbers/],
    ] as const) {
      const ds = runSysctl(ID, `net.ipv4.ip_local_port_range = ${v}\n`);
      expect(ds, v).toHaveLength(1);
      expect(ds[0]!.message).toMatch(re);
    }
  });

  it('reports a hook that writes an inverted range', () => {
    const files = { [WG0]: wg('PostUp = sysctl -w net.ipv4.ip_local_port_range="60000 50000"') };
    expect(run(ID, files)).toHaveLength(1);
  });
});
