import { describe, expect, it } from 'vitest';
import { SEED_001_SYSCTL, SYSCTL, WG0, at, run, wg } from './helpers.js';

const ID = 'ipv6-forwarding-disables-ra';

describe(ID, () => {
  it('reports the seed 001 file (IPv6 forwarding, accept_ra left at 1)', () => {
    const files = { [SYSCTL]: SEED_001_SYSCTL };
    const [d, ...rest] = run(ID, files);
    expect(rest).toEqual([]);
    expect(at(files, d!)).toBe('net.ipv6.conf.all.forwarding = 1');
    expect(d!.message).toMatch(/accept_ra = 2/);
  });

  it('reports a hook that enables IPv6 forwarding', () => {
    expect(run(ID, { [WG0]: wg('PostUp = sysctl -w net.ipv6.conf.all.forwarding=1') })).toHaveLength(1);
  });

  it('does not fire when accept_ra = 2 is set, RA is off, or forwarding stays off', () => {
    expect(run(ID, { [SYSCTL]: `${SEED_001_SYSCTL}net.ipv6.conf.eth0.accept_ra = 2\n` })).toEqual([]);
    expect(run(ID, { [SYSCTL]: 'net.ipv6.conf.all.forwarding = 1\nnet.ipv6.conf.eth0.accept_ra = 0\n' })).toEqual([]);
    expect(run(ID, { [SYSCTL]: 'net.ipv6.conf.all.forwarding = 0\nnet.ipv4.ip_forward = 1\n' })).toEqual([]);
  });
});
