import { describe, expect, it } from 'vitest';
import { globBase, globToRegExp } from '../src/glob.js';
import { hostRootOf } from '../src/hosts.js';

describe('globToRegExp', () => {
  it.each([
    ['hosts/gw1/**', 'hosts/gw1/etc/wireguard/wg0.conf', true],
    ['hosts/gw1/**', 'hosts/gw10/etc/wireguard/wg0.conf', false],
    ['hosts/*/etc/*.conf', 'hosts/a/etc/sysctl.conf', true],
    ['hosts/*/etc/*.conf', 'hosts/a/etc/sysctl.d/x.conf', false],
    ['**/rules.v[46]', 'a/b/etc/iptables/rules.v6', true],
    ['**/rules.v[46]', 'rules.v4', true],
    ['{a,b}/x.nft', 'b/x.nft', true],
    ['{a,b}/x.nft', 'c/x.nft', false],
    ['a.b/x?.nft', 'a.b/x1.nft', true],
    ['a.b/x?.nft', 'aXb/x1.nft', false],
  ])('%s vs %s → %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it('finds the base directory to walk', () => {
    expect(globBase('hosts/gw1/**')).toBe('hosts/gw1');
    expect(globBase('**/x')).toBe('.');
    expect(globBase('hosts/gw1/etc/nftables.conf')).toBe('hosts/gw1/etc');
  });
});

describe('hostRootOf', () => {
  it.each([
    ['hosts/gw1/etc/wireguard/wg0.conf', { root: 'hosts/gw1', rel: 'etc/wireguard/wg0.conf' }],
    ['etc/wireguard/wg0.conf', { root: '.', rel: 'etc/wireguard/wg0.conf' }],
    ['./etc/sysctl.conf', { root: '.', rel: 'etc/sysctl.conf' }],
    ['/etc/wireguard/wg0.conf', { root: '/', rel: 'etc/wireguard/wg0.conf' }],
    ['../x/etc/etc/nftables.conf', { root: '../x/etc', rel: 'etc/nftables.conf' }],
    ['a/etc', undefined],
    ['hosts/gw1/usr/lib/sysctl.d/50-default.conf', { root: 'hosts/gw1', rel: 'usr/lib/sysctl.d/50-default.conf' }],
    ['usr/lib/sysctl.d/50-default.conf', { root: '.', rel: 'usr/lib/sysctl.d/50-default.conf' }],
    ['/run/sysctl.d/x.conf', { root: '/', rel: 'run/sysctl.d/x.conf' }],
    ['gw/usr/local/lib/sysctl.d/a.conf', { root: 'gw', rel: 'usr/local/lib/sysctl.d/a.conf' }],
    ['gw/lib/sysctl.d/a.conf', { root: 'gw', rel: 'lib/sysctl.d/a.conf' }],
    ['gw/usr/lib/sysctl.d/sub/a.conf', undefined],
    ['gw/mylib/sysctl.d/a.conf', undefined],
    ['wg0.conf', undefined],
  ])('%s', (path, expected) => {
    expect(hostRootOf(path)).toEqual(expected);
  });
});
