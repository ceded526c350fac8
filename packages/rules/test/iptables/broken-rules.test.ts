import { lintTexts } from '@wglint/engine';
import { describe, expect, it } from 'vitest';

// Rules that iptables-restore refuses still reach the ruleset analyses (duplicates, catch-alls):
// they must report syntax errors, never fail inside a rule (lintTexts rethrows rule failures).
const V4 = 'etc/iptables/rules.v4';
const V6 = 'etc/iptables/rules.v6';
const dump = (...rules: string[]) => `*filter\n:INPUT ACCEPT [0:0]\n${rules.map((r) => `${r}\n`).join('')}COMMIT\n`;

describe('analyses over rules with syntax errors', () => {
  it.each([
    ['an IPv4 prefix over 32', V4, '-A INPUT -s 10.0.0.1/33 -j ACCEPT'],
    ['an IPv6 prefix over 128', V6, '-A INPUT -s ::1/129 -j ACCEPT'],
    ['LOG --log-level without a value', V4, '-A INPUT -j LOG --log-level'],
    ['MARK --set-mark without a value', V4, '-A INPUT -j MARK --set-mark'],
  ])('%s', (_, path, rule) => {
    const ds = lintTexts({ [path]: dump(rule, rule, '-A INPUT -j DROP', rule) });
    expect(ds.filter((d) => d.ruleId === 'syntax-error').length).toBeGreaterThanOrEqual(3);
  });
});
