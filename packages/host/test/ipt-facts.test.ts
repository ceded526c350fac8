import type { Word } from '@wglint/core';
import { parseIptablesArgs } from '@wglint/iptables';
import { describe, expect, it } from 'vitest';
import { iptFactsOf } from '../src/ipt-facts.js';
import { iptCovers } from '../src/index.js';

function facts(cmd: string) {
  let at = 0;
  const words: Word[] = cmd.split(' ').map((text) => {
    const w = { text, range: { start: at, end: at + text.length } };
    at += text.length + 1;
    return w;
  });
  return iptFactsOf(parseIptablesArgs(words, { family: 'ipv4' }).ast)!;
}

describe('iptFactsOf', () => {
  it('reads interfaces, ports, states and the target', () => {
    const f = facts('-A INPUT -i eth0 -p udp --dport 51820 -m conntrack --ctstate NEW -j ACCEPT');
    expect(f.inIface).toEqual({ name: 'eth0', negated: false, wildcard: false });
    expect(f.dports?.ranges).toEqual([{ from: 51820, to: 51820 }]);
    expect(f.states?.values).toEqual(['NEW']);
    expect(f.target).toBe('ACCEPT');
    expect(f.matchesAll).toBe(false);
  });
  it('a comment does not restrict a rule', () => {
    expect(facts('-A FORWARD -m comment --comment x -j REJECT').matchesAll).toBe(true);
  });
  it('the spec key ignores the command and pairs -A with -D', () => {
    expect(facts('-A FORWARD -i wg0 -j ACCEPT').specKey).toBe(facts('-D FORWARD -i wg0 -j ACCEPT').specKey);
    expect(facts('-A INPUT -p tcp --dport 22 -m comment --comment x -j ACCEPT').specKey).not.toBe(facts('-D INPUT -m comment --comment x -p tcp --dport 22 -j ACCEPT').specKey);
  });
});

describe('iptCovers', () => {
  const covers = (a: string, b: string) => iptCovers(facts(a), facts(b));
  it.each([
    ['-A X -j REJECT', '-A X -i wg0 -j ACCEPT', true],
    ['-A X -p udp -j DROP', '-A X -p udp --dport 51820 -j ACCEPT', true],
    ['-A X -p udp -j DROP', '-A X -p tcp --dport 22 -j ACCEPT', false],
    ['-A X -i eth0 -j DROP', '-A X -j ACCEPT', false],
    ['-A X ! -i lo -j DROP', '-A X -i eth0 -j ACCEPT', true],
    ['-A X -i wg+ -j DROP', '-A X -i wg0 -j ACCEPT', true],
    ['-A X -s 10.0.0.0/8 -j DROP', '-A X -s 10.1.0.0/16 -j ACCEPT', true],
    ['-A X -s 10.1.0.0/16 -j DROP', '-A X -s 10.0.0.0/8 -j ACCEPT', false],
    ['-A X -p udp -m multiport --dports 51000:52000 -j DROP', '-A X -p udp --dport 51820 -j ACCEPT', true],
    ['-A X -m limit --limit 1/s -j DROP', '-A X -j ACCEPT', false],
    ['-A X -m conntrack --ctstate INVALID,NEW -j DROP', '-A X -m conntrack --ctstate NEW -j ACCEPT', true],
  ])('%s covers %s: %s', (a, b, expected) => {
    expect(covers(a, b)).toBe(expected);
  });
});
