import { describe, expect, it } from 'vitest';
import { SEED_001_SYSCTL, SYSCTL, at, fixed, run } from './helpers.js';

const ID = 'sysctl-inline-comment';

describe(ID, () => {
  it('does not fire on comment lines or values without comments', () => {
    expect(run(ID, { [SYSCTL]: SEED_001_SYSCTL })).toEqual([]);
    expect(run(ID, { [SYSCTL]: '# enable routing\n; old style\nnet.ipv4.ip_forward = 1\nkernel.core_pattern = core#%p\n' })).toEqual([]);
  });

  it('reports a trailing comment and moves it above', () => {
    const files = { [SYSCTL]: 'net.ipv4.ip_local_reserved_ports = 51820 # WireGuard\n' };
    const [d] = run(ID, files);
    expect(at(files, d!)).toBe('# WireGuard');
    expect(d!.message).toMatch(/`51820 # WireGuard`/);
    expect(fixed(files, d!)).toBe('# WireGuard\nnet.ipv4.ip_local_reserved_ports = 51820\n');
  });

  it('reports `;` comments too', () => {
    const files = { [SYSCTL]: 'net.ipv4.ip_forward = 1 ; routing\n' };
    expect(run(ID, files).map((d) => at(files, d))).toEqual(['; routing']);
  });
});
