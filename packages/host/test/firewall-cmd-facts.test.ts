import type { Word } from '@wglint/core';
import { describe, expect, it } from 'vitest';
import { firewallCmdFactOf } from '../src/firewall-cmd-facts.js';

/** Words of a command line split on blanks, with their offsets (no quoting: the shell did that). */
function words(line: string): Word[] {
  const out: Word[] = [];
  for (const m of line.matchAll(/\S+/g)) out.push({ text: m[0], range: { start: m.index, end: m.index + m[0].length } });
  return out;
}

const fact = (line: string) => firewallCmdFactOf(words(line));
const changes = (line: string) => fact(line)?.changes.map((c) => `${c.op} ${c.setting}${c.value ? ` ${c.value}` : ''}`);

describe('firewallCmdFactOf', () => {
  it('reads --add/--remove/--change of zone settings, with `=` or the next word as the value', () => {
    expect(changes('--zone=public --add-interface=wg0 --add-port 51820/udp --remove-service=ssh --add-masquerade')).toEqual([
      'add interface wg0',
      'add port 51820/udp',
      'remove service ssh',
      'add masquerade',
    ]);
    expect(changes('--change-interface=wg0')).toEqual(['add interface wg0']);
    expect(fact('--zone public --add-port=1/udp')?.scope).toBe('public');
    expect(fact('--policy=out --add-rich-rule=x')?.scope).toBe('policy out');
  });

  it('spans the option and its value', () => {
    const line = '--add-port 51820/udp';
    const c = fact(line)!.changes[0]!;
    expect(line.slice(c.range.start, c.range.end)).toBe('--add-port 51820/udp');
  });

  it('keeps --permanent and --timeout, and reads direct rules to the end of the line', () => {
    expect(fact('--permanent --add-port=1/udp')?.permanent).toBe(true);
    expect(fact('--add-port=1/udp --timeout=1h')?.timeout).toBe(true);
    expect(changes('--direct --add-rule ipv4 filter FORWARD 0 -i wg0 -j ACCEPT')).toEqual(['add direct-rule ipv4 filter FORWARD 0 -i wg0 -j ACCEPT']);
  });

  it('compares rich rules as firewalld does, without quotes and extra blanks', () => {
    const a = firewallCmdFactOf([{ text: '--add-rich-rule=rule family="ipv4"  source address="10.0.0.0/24" masquerade', range: { start: 0, end: 1 } }]);
    expect(a?.changes[0]?.key).toBe('rule family=ipv4 source address=10.0.0.0/24 masquerade');
    expect(a?.changes[0]?.value).toBe('rule family="ipv4"  source address="10.0.0.0/24" masquerade');
  });

  it('changes nothing for queries, and gives up on what it does not follow', () => {
    expect(changes('--list-all')).toEqual([]);
    expect(changes('-q --query-port=51820/udp')).toEqual([]);
    for (const line of ['--reload', '--complete-reload', '--runtime-to-permanent', '--direct --passthrough ipv4 -A FORWARD -j ACCEPT', '--new-zone=wg', '--add-bogus=1', '--change-port=1/udp', '--zone', '--add-port']) {
      expect(fact(line), line).toBeUndefined();
    }
  });
});
