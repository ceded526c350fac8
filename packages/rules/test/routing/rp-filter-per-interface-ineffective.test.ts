import { describe, expect, it } from 'vitest';
import { SEED_001_SYSCTL, SYSCTL, WG0, at, run, wg } from './helpers.js';

const ID = 'rp-filter-per-interface-ineffective';

describe(ID, () => {
  it('does not fire when the interface value is at least conf.all (seed 004 loosening)', () => {
    // Seed 004: all = 1 (seed 001 file), wg0 loosened to 2 in a hook: 2 > 1 works.
    expect(run(ID, { [SYSCTL]: SEED_001_SYSCTL, [WG0]: wg('PreUp = sysctl -w net.ipv4.conf.wg0.rp_filter=2') })).toEqual([]);
    expect(run(ID, { [SYSCTL]: 'net.ipv4.conf.all.rp_filter = 0\nnet.ipv4.conf.eth0.rp_filter = 1\n' })).toEqual([]);
    expect(run(ID, { [SYSCTL]: 'net.ipv4.conf.eth0.rp_filter = 0\n' })).toEqual([]);
  });

  it('reports an interface value below conf.all in a file', () => {
    const files = { [SYSCTL]: 'net.ipv4.conf.all.rp_filter = 1\nnet.ipv4.conf.eth0.rp_filter = 0\n' };
    const [d, ...rest] = run(ID, files);
    expect(rest).toEqual([]);
    expect(at(files, d!)).toBe('0');
    expect(d!.message).toMatch(/larger of conf\.all and conf\.eth0/);
    expect(d!.message).toMatch(/99-wg\.conf:1/);
  });

  it('reports conf.default below conf.all', () => {
    const files = { [SYSCTL]: 'net.ipv4.conf.all.rp_filter = 2\nnet.ipv4.conf.default.rp_filter = 0\n' };
    expect(run(ID, files)).toHaveLength(1);
  });

  it('reports a hook that tries to switch rp_filter off for the tunnel', () => {
    const files = { [SYSCTL]: SEED_001_SYSCTL, [WG0]: wg('PostUp = sysctl -w net.ipv4.conf.%i.rp_filter=0') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe(WG0);
  });
});
