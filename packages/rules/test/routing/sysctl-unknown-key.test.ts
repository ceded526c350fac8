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

  it('reports an unknown key in a hook, where sysctl fails and takes wg-quick up with it', () => {
    const files = { [WG0]: wg('PostUp = sysctl -w net.ipv4.ip_fowrard=1') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.file).toBe(WG0);
    expect(at(files, ds[0]!)).toBe('net.ipv4.ip_fowrard=1');
    expect(ds[0]!.message).toMatch(/did you mean `net\.ipv4\.ip_forward`\?/);
    // procps-ng 4.0.2: `sysctl: cannot stat /proc/sys/net/ipv4/ip_fowrard: No such file or directory`, exit 1
    expect(ds[0]!.message).toMatch(/sysctl fails \(`cannot stat \/proc\/sys\/\.\.\.`\) and `wg-quick up` stops there and deletes wg0/);
    expect(ds[0]!.fix).toBeUndefined();
  });

  it('reports keys a hook reads (`sysctl KEY`, `sysctl -n KEY`): reading a missing key fails too', () => {
    const files = { [WG0]: wg('PostUp = sysctl net.ipv4.ip_fowrard\nPostUp = sysctl -n net.ipv4.conf.all.rp_filtr') };
    const ds = run(ID, files);
    expect(ds.map((d) => at(files, d))).toEqual(['net.ipv4.ip_fowrard', 'net.ipv4.conf.all.rp_filtr']);
    expect(ds[1]!.message).toMatch(/did you mean `net\.ipv4\.conf\.all\.rp_filter`/);
  });

  it('says what a failure does in each hook, and when nothing fails', () => {
    const message = (line: string): string => run(ID, { [WG0]: wg(line) })[0]!.message;
    expect(message('PreUp = sysctl -w net.ipv4.ip_fowrard=0')).toMatch(/`wg-quick up` stops there and deletes wg0/);
    expect(message('PreDown = sysctl -w net.ipv4.ip_fowrard=0')).toMatch(/`wg-quick down` stops there: wg0 is not deleted and no PostDown runs/);
    expect(message('PostDown = sysctl -w net.ipv4.ip_fowrard=0')).toMatch(/the PostDown commands after it do not run/);
    expect(message('PostUp = echo 1 > /proc/sys/net/ipv4/ip_fowrard')).toMatch(/the write to \/proc\/sys fails and `wg-quick up` stops there/);
    // `-e` (procps: exit 0, no message) and `|| true`: nothing fails, and the key still does nothing
    expect(message('PostUp = sysctl -e -w net.ipv4.ip_fowrard=1')).toMatch(/`sysctl -e` skips it silently: this changes nothing/);
    expect(message('PostUp = sysctl -e net.ipv4.ip_fowrard')).toMatch(/this reads nothing/);
    expect(message('PostUp = sysctl -w net.ipv4.ip_fowrard=1 || true')).toMatch(/this changes nothing \(the failure is ignored\)/);
  });

  it('does not fire on hooks that read or write real keys, load files, or use trees it does not know', () => {
    const hooks = [
      'PostUp = sysctl net.ipv4.ip_forward',
      'PostUp = sysctl -n net.ipv4.conf.%i.rp_filter',
      'PostUp = sysctl -w net.ipv4.conf.all.src_valid_mark=1',
      'PostUp = sysctl -p /etc/sysctl.d/99-wg.conf',
      'PostUp = sysctl -w kernel.foo_bar=1',
      'PostUp = sysctl -q net.netfilter.nf_conntrack_max',
    ].join('\n');
    expect(run(ID, { [WG0]: wg(hooks) })).toEqual([]);
  });
});
