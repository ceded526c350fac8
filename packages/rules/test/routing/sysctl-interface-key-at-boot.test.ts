import { describe, expect, it } from 'vitest';
import { SEED_001_SYSCTL, SYSCTL, WG0, at, run, wg } from './helpers.js';

const ID = 'sysctl-interface-key-at-boot';

describe(ID, () => {
  it('does not fire for all/default/physical interfaces or hooks', () => {
    expect(run(ID, { [SYSCTL]: SEED_001_SYSCTL })).toEqual([]);
    expect(run(ID, { [SYSCTL]: 'net.ipv4.conf.eth0.rp_filter = 2\nnet.ipv6.conf.ens3.accept_ra = 2\n' })).toEqual([]);
    expect(run(ID, { [WG0]: wg('PostUp = sysctl -w net.ipv4.conf.%i.rp_filter=2') })).toEqual([]);
  });

  it('reports a wg interface key in sysctl.d', () => {
    const files = { [SYSCTL]: 'net.ipv4.conf.wg0.rp_filter = 2\n', [WG0]: wg('') };
    const [d] = run(ID, files);
    expect(at(files, d!)).toBe('net.ipv4.conf.wg0.rp_filter');
    expect(d!.severity).toBe('info');
    expect(d!.message).toMatch(/PostUp = sysctl -w net\.ipv4\.conf\.%i\.rp_filter=2/);
  });

  it('knows interfaces by their config even without a wg prefix', () => {
    const files = { [SYSCTL]: 'net.ipv4.conf.office.forwarding = 1\n', 'etc/wireguard/office.conf': wg('') };
    expect(run(ID, files)).toHaveLength(1);
  });
});
