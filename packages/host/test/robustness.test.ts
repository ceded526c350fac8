import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHostModel, parseSourceFile } from '../src/index.js';

const HOOK_WORDS = ['iptables', 'ip6tables', '-A', '-I', '-D', 'FORWARD', 'INPUT', '1', '-i', '%i', '-j', 'ACCEPT', 'REJECT', 'ip', 'rule', 'route', 'add', 'del', 'fwmark', 'table', '123', 'nft', 'add', 'table', 'inet', 'sysctl', '-w', 'net.ipv4.ip_forward=1', ';', '&&', '||', '"', "'", '$(wg show %i fwmark)', '#', '{', '}', '-t', 'nat', 'dev', 'priority'];

describe('buildHostModel robustness', () => {
  it('never throws on arbitrary hook commands, and every range stays inside the file', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('PreUp', 'PostUp', 'PreDown', 'PostDown'), fc.array(fc.constantFrom(...HOOK_WORDS), { maxLength: 12 })), { maxLength: 6 }), (hooks) => {
        const text = `[Interface]\nPrivateKey = AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEE=\n${hooks.map(([k, ws]) => `${k} = ${ws.join(' ')}`).join('\n')}\n`;
        const m = buildHostModel('.', [parseSourceFile({ path: 'etc/wireguard/wg0.conf', text, language: 'wg' })]);
        for (const p of m.extraProblems) expect(p.range.end).toBeLessThanOrEqual(text.length);
        for (const h of m.interfaces[0]!.hooks) expect(text.slice(h.range.start, h.range.end)).toBe(h.sourceText);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary text as any language', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const files = (['wg', 'nft', 'iptables-save', 'sysctl'] as const).map((language, k) =>
          parseSourceFile({ path: ['etc/wireguard/wg0.conf', 'etc/nftables.conf', 'etc/iptables/rules.v4', 'etc/sysctl.d/a.conf'][k]!, text: s, language }),
        );
        expect(() => buildHostModel('.', files)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});
