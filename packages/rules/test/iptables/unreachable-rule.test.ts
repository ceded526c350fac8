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
  it('valid (near miss): an earlier rule with its own rate limit, counter or quota lets the packets it refuses fall through', () => {
    const text = filter(
      '-A INPUT -p icmp -m icmp --icmp-type 8 -m limit --limit 10/sec -j ACCEPT',
      '-A INPUT -p icmp -m icmp --icmp-type 8 -m limit --limit 10/sec -j ACCEPT',
      '-A INPUT -p tcp -m hashlimit --hashlimit-upto 5/sec --hashlimit-name ssh -j ACCEPT',
      '-A INPUT -p tcp --dport 22 -m hashlimit --hashlimit-upto 5/sec --hashlimit-name ssh -j ACCEPT',
      '-A INPUT -m statistic --mode nth --every 2 -j RETURN',
      '-A INPUT -p udp -m statistic --mode nth --every 2 -j RETURN',
      '-A INPUT -m quota --quota 1000 -j ACCEPT',
      '-A INPUT -m quota --quota 1000 -j ACCEPT',
      '-A INPUT -m recent --name x --update --seconds 60 -j ACCEPT',
      '-A INPUT -m recent --name x --update --seconds 60 -j ACCEPT',
      '-A INPUT -m connlimit --connlimit-upto 4 -j ACCEPT',
      '-A INPUT -p tcp -m connlimit --connlimit-upto 4 -j ACCEPT',
    );
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): a target-less comment marker (the PVESIG line of pve-firewall) behind a RETURN does nothing anywhere', () => {
    const text = filter(
      ':PVEFW-HOST-OUT - [0:0]',
      '-A OUTPUT -j PVEFW-HOST-OUT',
      '-A PVEFW-HOST-OUT -o lo -j ACCEPT',
      '-A PVEFW-HOST-OUT -j RETURN',
      '-A PVEFW-HOST-OUT -m comment --comment "PVESIG:s4OXDjmMp1EH+4kq9LXrMT8slBc"',
    );
    expect(run(ID, text)).toEqual([]);
  });
  it('invalid: a target-less rule with real matches still counts packets, so it is reported', () => {
    const text = filter('-A INPUT -j ACCEPT', '-A INPUT -p tcp -m tcp --dport 80 -m comment --comment "http accounting"');
    expect(texts(text, run(ID, text))).toEqual(['-A INPUT -p tcp -m tcp --dport 80 -m comment --comment "http accounting"']);
  });
  it('invalid: the same rule written twice says so', () => {
    const text = filter('-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT', '-A INPUT -i wg0 -j ACCEPT', '-A INPUT  -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['-A INPUT  -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT']);
    expect(ds[0]!.message).toBe('This rule repeats line 5 (`-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`), which already accepts every packet it matches, so it never matches. Remove it.');
  });
  it('invalid: a rate-limited rule behind a rule without the limit', () => {
    const text = filter('-A INPUT -p icmp -j ACCEPT', '-A INPUT -p icmp -m icmp --icmp-type 8 -m limit --limit 10/sec -j ACCEPT');
    expect(texts(text, run(ID, text))).toEqual(['-A INPUT -p icmp -m icmp --icmp-type 8 -m limit --limit 10/sec -j ACCEPT']);
  });
  it('invalid: a rule behind a catch-all ACCEPT, and behind a wildcard interface ACCEPT', () => {
    const text = filter('-A INPUT -j ACCEPT', '-A INPUT -p udp --dport 51820 -j ACCEPT', '-A FORWARD -i wg+ -j ACCEPT', '-A FORWARD -i wg0 -o eth0 -j DROP');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['-A INPUT -p udp --dport 51820 -j ACCEPT', '-A FORWARD -i wg0 -o eth0 -j DROP']);
    expect(ds[0]!.message).toMatch(/`-A INPUT -j ACCEPT` \(line 5\) already accepts/);
  });
});
