import type { Language } from '@wglint/core';
import { describe, expect, it } from 'vitest';
import { buildHostModel, chainsCreatedByLoader, parseSourceFile } from '../src/index.js';

function boot(files: Record<string, string>): Record<string, string[]> {
  const lang = (p: string): Language => (p.endsWith('.rules') || p.endsWith('rules.v4') ? 'iptables-save' : 'wg');
  const m = buildHostModel('.', Object.entries(files).map(([path, text]) => parseSourceFile({ path, text, language: lang(path) })));
  const out: Record<string, string[]> = {};
  for (const c of m.iptables.boot.chains.values()) if (c.rules.length > 0) out[`${c.table} ${c.chain}`] = c.rules.map((r) => r.facts.specKey);
  return out;
}

describe('how dumps are loaded at boot', () => {
  it('a second plain dump replaces the tables it has (iptables-restore flushes them)', () => {
    expect(
      boot({
        'etc/iptables/rules.v4': '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -i lo -j ACCEPT\nCOMMIT\n',
        'etc/iptables/z.rules': '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n',
      }),
    ).toEqual({ 'filter INPUT': ['-p tcp -m tcp --dport 22 -j ACCEPT'] });
  });

  it("ufw's files add up (ufw-init restores them with -n, before then user then after), each emptying only the user chains it declares", () => {
    const files = {
      // alphabetical order would load after.rules first
      'etc/ufw/after.rules': '*filter\n:ufw-after-input - [0:0]\n-A ufw-after-input -p udp --dport 137 -j ufw-skip-to-policy-input\nCOMMIT\n',
      'etc/ufw/before.rules':
        '*nat\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -s 10.8.0.0/24 -o eth0 -j MASQUERADE\nCOMMIT\n*filter\n:ufw-before-input - [0:0]\n:ufw-user-input - [0:0]\n-A ufw-before-input -i lo -j ACCEPT\n-A ufw-user-input -j DROP\nCOMMIT\n',
      'etc/ufw/user.rules': '*filter\n:ufw-user-input - [0:0]\n-A ufw-user-input -p udp --dport 51820 -j ACCEPT\nCOMMIT\n',
    };
    expect(boot(files)).toEqual({
      'nat POSTROUTING': ['-s 10.8.0.0/24 -o eth0 -j MASQUERADE'],
      'filter ufw-before-input': ['-i lo -j ACCEPT'],
      // user.rules comes after before.rules and declares ufw-user-input: before.rules' DROP there is gone
      'filter ufw-user-input': ['-p udp -m udp --dport 51820 -j ACCEPT'],
      'filter ufw-after-input': ['-p udp -m udp --dport 137 -j ufw-skip-to-policy-input'],
    });
  });

  it("knows ufw's own chains for its files only", () => {
    expect(chainsCreatedByLoader('etc/ufw/before6.rules', 'filter').has('ufw6-skip-to-policy-input')).toBe(true);
    expect(chainsCreatedByLoader('etc/ufw/before.rules', 'nat').size).toBe(0);
    expect(chainsCreatedByLoader('etc/iptables/rules.v4', 'filter').size).toBe(0);
  });
});
