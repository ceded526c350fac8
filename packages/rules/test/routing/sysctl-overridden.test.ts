import { describe, expect, it } from 'vitest';
import { SEED_001_SYSCTL, SYSCTL, at, run } from './helpers.js';

const ID = 'sysctl-overridden';

describe(ID, () => {
  it('reports a setting a later file overrides', () => {
    const files = {
      'etc/sysctl.d/10-wireguard.conf': 'net.ipv4.conf.all.rp_filter = 2\n',
      'usr/lib/sysctl.d/50-default.conf': 'net.ipv4.conf.all.rp_filter = 1\n',
    };
    const [d, ...rest] = run(ID, files);
    expect(rest).toEqual([]);
    expect(d!.file).toBe('etc/sysctl.d/10-wireguard.conf');
    expect(at(files, d!)).toBe('net.ipv4.conf.all.rp_filter = 2');
    expect(d!.message).toMatch(/usr\/lib\/sysctl\.d\/50-default\.conf:1/);
  });

  it('treats sysctl.conf as applied last', () => {
    const files = { [SYSCTL]: 'net.ipv4.ip_forward = 1\n', 'etc/sysctl.conf': 'net.ipv4.ip_forward = 0\n' };
    expect(run(ID, files).map((d) => d.file)).toEqual([SYSCTL]);
  });

  it('reports a duplicate in one file', () => {
    const files = { [SYSCTL]: 'net.ipv4.ip_forward = 0\nnet.ipv4.ip_forward = 1\n' };
    expect(run(ID, files).map((d) => at(files, d))).toEqual(['net.ipv4.ip_forward = 0']);
  });

  it('does not fire for equal values, different keys or a masked file', () => {
    expect(run(ID, { [SYSCTL]: SEED_001_SYSCTL })).toEqual([]);
    expect(run(ID, { [SYSCTL]: 'net.ipv4.ip_forward = 1\n', 'etc/sysctl.d/50-a.conf': 'net.ipv4.ip_forward=1\n' })).toEqual([]);
    // /etc/sysctl.d/99-wg.conf masks /usr/lib/sysctl.d/99-wg.conf entirely: nothing is overridden.
    expect(run(ID, { [SYSCTL]: 'net.ipv4.ip_forward = 1\n', 'usr/lib/sysctl.d/99-wg.conf': 'net.ipv4.ip_forward = 0\n' })).toEqual([]);
  });
});
