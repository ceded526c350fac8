import { describe, expect, it } from 'vitest';
import { SEED_001_SYSCTL, SYSCTL, WG0, at, run, runSysctl, wg } from './helpers.js';

const ID = 'rp-filter-value-invalid';

describe(ID, () => {
  it('accepts 0, 1 and 2', () => {
    expect(runSysctl(ID, SEED_001_SYSCTL)).toEqual([]);
    expect(runSysctl(ID, 'net.ipv4.conf.all.rp_filter = 2\nnet.ipv4.conf.eth0.rp_filter = 0\nnet.ipv4.conf.default.rp_filter=1\n')).toEqual([]);
    // Not an rp_filter key.
    expect(runSysctl(ID, 'net.ipv4.conf.all.accept_local = 3\n')).toEqual([]);
  });

  it('reports 3 (the kernel accepts it silently)', () => {
    const files = { [SYSCTL]: 'net.ipv4.conf.all.rp_filter = 3\n' };
    const [d] = run(ID, files);
    expect(at(files, d!)).toBe('3');
    expect(d!.message).toMatch(/0 \(no check\), 1 \(strict\) or 2 \(loose\)/);
  });

  it('reports a hook value', () => {
    expect(run(ID, { [WG0]: wg('PostUp = sysctl -w net.ipv4.conf.%i.rp_filter=loose') })).toHaveLength(1);
    expect(run(ID, { [WG0]: wg('PostUp = sysctl -w net.ipv4.conf.%i.rp_filter=2') })).toEqual([]);
  });
});
