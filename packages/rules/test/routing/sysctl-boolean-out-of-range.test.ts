import { describe, expect, it } from 'vitest';
import { SEED_001_SYSCTL, SYSCTL, WG0, at, run, runSysctl, wg } from './helpers.js';

const ID = 'sysctl-boolean-out-of-range';

describe(ID, () => {
  it('accepts 0 and 1, and non-boolean keys with other values', () => {
    expect(runSysctl(ID, SEED_001_SYSCTL)).toEqual([]);
    expect(runSysctl(ID, 'net.ipv4.conf.all.src_valid_mark = 1\nnet.ipv4.tcp_syncookies = 2\nnet.ipv6.conf.eth0.accept_ra = 2\nnet.ipv4.conf.all.rp_filter = 2\n')).toEqual([]);
    expect(run(ID, { [WG0]: wg('PreUp = sysctl -w net.ipv4.ip_forward=1') })).toEqual([]);
  });

  it('reports ip_forward = 2', () => {
    const files = { [SYSCTL]: 'net.ipv4.ip_forward = 2\n' };
    const [d] = run(ID, files);
    expect(at(files, d!)).toBe('2');
    expect(d!.message).toMatch(/is a boolean/);
  });

  it('reports words and per-interface booleans', () => {
    const files = { [SYSCTL]: 'net.ipv4.ip_forward = yes\nnet.ipv4.conf.all.src_valid_mark = 2\nnet.ipv6.conf.all.disable_ipv6 = true\n' };
    expect(run(ID, files).map((d) => at(files, d))).toEqual(['yes', '2', 'true']);
  });

  it('reports a hook value', () => {
    expect(run(ID, { [WG0]: wg('PreUp = sysctl -w net.ipv4.ip_forward=on') })).toHaveLength(1);
  });
});
