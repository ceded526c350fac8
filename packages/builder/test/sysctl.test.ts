import { describe, expect, it } from 'vitest';
import { BuilderError, sysctlFile } from '../src/index.js';
import { expectSysctlClean } from './support.js';

describe('sysctlFile', () => {
  it('prints key = value lines in order', () => {
    const text = sysctlFile({ 'net.ipv4.ip_forward': 1, 'net.ipv6.conf.all.forwarding': true, 'net.ipv4.conf.wg0.rp_filter': 0, 'net.ipv4.ip_local_port_range': '32768 60999' }, { comment: 'WireGuard router' });
    expect(text).toBe(`# WireGuard router
net.ipv4.ip_forward = 1
net.ipv6.conf.all.forwarding = 1
net.ipv4.conf.wg0.rp_filter = 0
net.ipv4.ip_local_port_range = 32768 60999
`);
    expectSysctlClean(text);
  });

  it('refuses typos, bad keys and multi-line values', () => {
    const err = (fn: () => unknown): BuilderError => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(BuilderError);
        return e as BuilderError;
      }
      throw new Error('expected a BuilderError');
    };
    expect(err(() => sysctlFile({ 'net.ipv4.ip_forwad': 1 })).message).toMatch(/did you mean `net.ipv4.ip_forward`/);
    expect(err(() => sysctlFile({ 'net.ipv4.conf.all.rp_filtr': 1 })).code).toBe('invalid-name');
    expect(err(() => sysctlFile({ ip_forward: 1 })).code).toBe('invalid-name');
    expect(err(() => sysctlFile({ 'net.ipv4.ip_forward': '1\nnet.ipv4.x = 2' })).code).toBe('invalid-value');
    expect(err(() => sysctlFile({ 'net.ipv4.ip_forward': 1.5 })).code).toBe('invalid-number');
    expect(sysctlFile({ 'net.ipv4.conf.all.rp_filtr': 1 }, { allowUnknown: true })).toBe('net.ipv4.conf.all.rp_filtr = 1\n');
    expect(sysctlFile({})).toBe('');
  });
});
