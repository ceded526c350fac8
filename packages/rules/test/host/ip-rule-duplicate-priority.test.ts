import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'ip-rule-duplicate-priority';
const rule = (sel: string, prio: number) => `PreUp = ip rule add ${sel} priority ${prio}\nPostDown = ip rule del ${sel} priority ${prio}`;

describe(ID, () => {
  it('valid: distinct priorities', () => {
    const files = { 'etc/wireguard/wg-a.conf': wg(`Table = 41\n${rule('from 10.200.200.1 table 41', 100)}`), 'etc/wireguard/wg-b.conf': wg(`Table = 42\n${rule('from 10.200.200.2 table 42', 101)}`) };
    expect(run(ID, files)).toEqual([]);
  });
  it('valid: IPv4 and IPv6 rules may share a priority', () => {
    const files = { 'etc/wireguard/wg-a.conf': wg(`${rule('from 10.0.0.1 table 41', 100)}\n${rule('from fd00::1 table 41', 100).replace(/ip rule/g, 'ip -6 rule')}`) };
    expect(run(ID, files)).toEqual([]);
  });
  it('invalid: seed 002 uses priority 100 in wg-a and wg-b', () => {
    const files = { 'etc/wireguard/wg-a.conf': wg(`Table = 41\n${rule('from 10.200.200.1 table 41', 100)}`), 'etc/wireguard/wg-b.conf': wg(`Table = 42\n${rule('from 10.200.200.2 table 42', 100)}`) };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('info');
    expect(ds[0]!.file).toBe('etc/wireguard/wg-b.conf');
    expect(at(files, ds[0]!)).toBe('ip rule add from 10.200.200.2 table 42 priority 100');
  });
});
