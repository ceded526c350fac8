import { describe, expect, it } from 'vitest';
import { filter, run, table, texts } from './helpers.js';

const ID = 'iptables-unknown-chain';

describe(ID, () => {
  it('valid: declared user chains and built-ins', () => {
    expect(run(ID, filter(':WG - [0:0]', '-A FORWARD -j WG', '-A WG -s 10.8.0.0/24 -j ACCEPT', '-A WG -j RETURN'))).toEqual([]);
  });
  it('valid (near miss): targets are not chains, and -N creates a chain', () => {
    expect(run(ID, filter('-A INPUT -j LOG --log-prefix x', '-A INPUT -j NFQUEUE --queue-num 1', '-N WG', '-A WG -j ACCEPT'))).toEqual([]);
  });
  it('invalid: lowercase built-in, FORWARD in nat, undeclared jump target with a case hint', () => {
    const text = filter(':WG_IN - [0:0]', '-A input -j ACCEPT', '-A INPUT -j wg_in', '-A INPUT -j MISSING');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['input', 'wg_in', 'MISSING']);
    expect(ds[0]!.message).toMatch(/case-sensitive: use `INPUT'/);
    expect(ds[1]!.message).toMatch(/did you mean `WG_IN`/);
    expect(ds[2]!.message).toMatch(/Chain 'MISSING' does not exist/);
    expect(run(ID, table('nat', '-A FORWARD -j ACCEPT'))).toHaveLength(1);
  });
  // Near miss from a real host (Ubuntu's /etc/ufw/before.rules with pivpn's NAT section, test/wild/pivpn-ufw):
  // ufw-init creates ufw-logging-deny & co. before it runs `iptables-restore -n < before.rules`.
  it('valid (near miss): ufw rules files jump to the chains ufw-init creates', () => {
    const text = filter(':ufw-before-input - [0:0]', '-A ufw-before-input -m conntrack --ctstate INVALID -j ufw-logging-deny', '-A ufw-before-input -j ufw-not-local');
    expect(run(ID, { 'etc/ufw/before.rules': text })).toEqual([]);
    expect(run(ID, { 'etc/ufw/before6.rules': text.replace(/ufw-/g, 'ufw6-') })).toEqual([]);
  });
  it('invalid: the same jump in a dump that ufw does not load, or to a chain ufw does not create', () => {
    const text = filter(':ufw-before-input - [0:0]', '-A ufw-before-input -j ufw-logging-deny', '-A ufw-before-input -j ufw-typo');
    expect(texts({ 'etc/iptables/rules.v4': text }, run(ID, { 'etc/iptables/rules.v4': text }))).toEqual(['ufw-logging-deny', 'ufw-typo']);
    expect(texts({ 'etc/ufw/before.rules': text }, run(ID, { 'etc/ufw/before.rules': text }))).toEqual(['ufw-typo']);
  });
});

