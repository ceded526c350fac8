import { describe, expect, it } from 'vitest';
import { at, run } from './helpers.js';

const ID = 'rate-limit-without-drop';
const V4 = 'etc/iptables/rules.v4';
const dump = (policy: string, rules: string) => `*filter\n:INPUT ${policy} [0:0]\n${rules}COMMIT\n`;
const LIMIT = '-A INPUT -p udp --dport 51820 -m conntrack --ctstate NEW -m limit --limit 30/min --limit-burst 5 -j ACCEPT\n';

describe(ID, () => {
  it.each([
    ['seed 001: the DROP follows', dump('ACCEPT', `${LIMIT}-A INPUT -p udp --dport 51820 -j DROP\n`)],
    ['policy DROP takes the excess', dump('DROP', LIMIT)],
    ['a limited LOG is not an accept', dump('ACCEPT', '-A INPUT -m limit --limit 5/min -j LOG\n')],
    ['a catch-all REJECT later', dump('ACCEPT', `${LIMIT}-A INPUT -j REJECT\n`)],
  ])('valid: %s', (_n, text) => {
    expect(run(ID, { [V4]: text })).toEqual([]);
  });
  it('invalid: the DROP is missing', () => {
    const files = { [V4]: dump('ACCEPT', LIMIT) };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe(LIMIT.trim());
    expect(ds[0]!.message).toContain('`-A INPUT -p udp --dport 51820 -j DROP`');
  });
  it('invalid: a DROP for another port does not take the excess', () => {
    expect(run(ID, { [V4]: dump('ACCEPT', `${LIMIT}-A INPUT -p udp --dport 53 -j DROP\n`) })).toHaveLength(1);
  });
});
