import { applyEdits } from '@wglint/core';
import { describe, expect, it } from 'vitest';
import { SEED_001_SYSCTL, SYSCTL, WG0, at, run, runSysctl, wg } from './helpers.js';

const ID = 'sysctl-unknown-key';

describe(ID, () => {
  it('does not fire on the seed 001 file or on real keys', () => {
    expect(runSysctl(ID, SEED_001_SYSCTL)).toEqual([]);
    const near = [
      'net.ipv4.ip_forward = 1',
      'net.ipv4.conf.eth0.rp_filter = 2',
      'net/ipv4/conf/eth0.100/rp_filter = 2',
      'net.ipv6.conf.all.accept_ra = 2',
      'net.ipv4.conf.*.rp_filter = 2',
      'net.core.rmem_max = 2500000',
      'kernel.panic = 10',
      'vm.swappiness = 10',
      'net.netfilter.nf_conntrack_max = 262144',
      'fs.inotify.max_user_watches = 524288',
    ].join('\n');
    expect(runSysctl(ID, near)).toEqual([]);
  });

  it('reports a misspelt key with a suggestion an editor offers but --fix does not apply (it would start changing the kernel)', () => {
    const files = { [SYSCTL]: '# routing\nnet.ipv4.ip_foward = 1\n' };
    const [d, ...rest] = run(ID, files);
    expect(rest).toEqual([]);
    expect(at(files, d!)).toBe('net.ipv4.ip_foward');
    expect(d!.message).toMatch(/did you mean `net\.ipv4\.ip_forward`/);
    expect(d!.fix).toBeUndefined();
    expect(d!.suggestions).toHaveLength(1);
    expect(applyEdits(files[SYSCTL], d!.suggestions![0]!.edits).text).toBe('# routing\nnet.ipv4.ip_forward = 1\n');
  });

  it('reports misspelt per-interface keys and families', () => {
    const files = { [SYSCTL]: 'net.ipv4.conf.all.rp_filer = 2\nnet.ip4.ip_forward = 1\nnet.ipv6.conf.all.forwardin = 1\n' };
    const ds = run(ID, files);
    expect(ds.map((d) => at(files, d))).toEqual(['net.ipv4.conf.all.rp_filer', 'net.ip4.ip_forward', 'net.ipv6.conf.all.forwardin']);
  });

  it('reports an unknown key in a hook', () => {
    const files = { [WG0]: wg('PostUp = sysctl -w net.ipv4.ip_fowrard=1') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe(WG0);
    expect(ds[0]!.fix).toBeUndefined();
  });
});
