import { describe, expect, it } from 'vitest';
import { filter, run, texts } from './helpers.js';

const ID = 'iptables-match-wrong-hook';

describe(ID, () => {
  it('valid: owner in OUTPUT, mac in INPUT/FORWARD', () => {
    expect(run(ID, filter('-A OUTPUT -m owner --uid-owner 0 -j ACCEPT', '-A INPUT -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT'))).toEqual([]);
  });
  it('valid (near miss): addrtype without --limit-iface-out in INPUT', () => {
    expect(run(ID, filter('-A INPUT -m addrtype --dst-type LOCAL -j ACCEPT'))).toEqual([]);
  });
  it('invalid: owner in INPUT, mac in OUTPUT, --limit-iface-out in INPUT', () => {
    const text = filter('-A INPUT -m owner --uid-owner 0 -j ACCEPT', '-A OUTPUT -m mac --mac-source 00:11:22:33:44:55 -j DROP', '-A INPUT -m addrtype --dst-type LOCAL --limit-iface-out -j ACCEPT');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['-m owner --uid-owner 0', '-m mac --mac-source 00:11:22:33:44:55', '--limit-iface-out']);
    expect(ds[0]!.message).toMatch(/OUTPUT\/POSTROUTING/);
  });
});
