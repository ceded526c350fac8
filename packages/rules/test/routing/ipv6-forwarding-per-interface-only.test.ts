import { describe, expect, it } from 'vitest';
import { SEED_001_SYSCTL, SYSCTL, at, run } from './helpers.js';

const ID = 'ipv6-forwarding-per-interface-only';

describe(ID, () => {
  it('reports per-interface IPv6 forwarding without conf.all', () => {
    const files = { [SYSCTL]: 'net.ipv6.conf.eth0.forwarding = 1\n' };
    const [d] = run(ID, files);
    expect(at(files, d!)).toBe('net.ipv6.conf.eth0.forwarding = 1');
    expect(d!.message).toMatch(/net\.ipv6\.conf\.all\.forwarding = 1/);
  });

  it('does not fire when conf.all is on, for IPv4, or with force_forwarding', () => {
    expect(run(ID, { [SYSCTL]: SEED_001_SYSCTL })).toEqual([]);
    expect(run(ID, { [SYSCTL]: 'net.ipv6.conf.eth0.forwarding = 1\nnet.ipv6.conf.all.forwarding = 1\n' })).toEqual([]);
    expect(run(ID, { [SYSCTL]: 'net.ipv4.conf.eth0.forwarding = 1\n' })).toEqual([]);
    expect(run(ID, { [SYSCTL]: 'net.ipv6.conf.eth0.forwarding = 1\nnet.ipv6.conf.eth0.force_forwarding = 1\n' })).toEqual([]);
  });
});
