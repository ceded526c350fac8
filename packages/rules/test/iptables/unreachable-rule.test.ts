import { describe, expect, it } from 'vitest';
import { filter, run, texts } from './helpers.js';

const ID = 'iptables-unreachable-rule';

describe(ID, () => {
  it('valid: specific rules before general ones', () => {
    expect(run(ID, filter('-A INPUT -p udp --dport 51820 -j ACCEPT', '-A INPUT -i wg0 -j ACCEPT', '-A INPUT -j ACCEPT'))).toEqual([]);
  });
  it('valid (near miss): an earlier rule that matches something else, or only logs', () => {
    expect(run(ID, filter('-A INPUT -i eth0 -j ACCEPT', '-A INPUT -i wg0 -p udp -j ACCEPT', '-A INPUT -j LOG', '-A INPUT -j ACCEPT'))).toEqual([]);
  });
  it('valid (near miss): behind a catch-all DROP is iptables-append-after-reject, not this rule', () => {
    expect(run(ID, filter('-A INPUT -j DROP', '-A INPUT -p udp --dport 51820 -j ACCEPT'))).toEqual([]);
  });
  it('invalid: a rule behind a catch-all ACCEPT, and behind a wildcard interface ACCEPT', () => {
    const text = filter('-A INPUT -j ACCEPT', '-A INPUT -p udp --dport 51820 -j ACCEPT', '-A FORWARD -i wg+ -j ACCEPT', '-A FORWARD -i wg0 -o eth0 -j DROP');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['-A INPUT -p udp --dport 51820 -j ACCEPT', '-A FORWARD -i wg0 -o eth0 -j DROP']);
    expect(ds[0]!.message).toMatch(/`-A INPUT -j ACCEPT` \(line 5\) already accepts/);
  });
});
