import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIptablesSave, parseIptablesSave } from '../src/index.js';

const BASE = `*filter
:INPUT DROP [0:0]
:WG - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -p udp -m udp --dport 51820 -m comment --comment "wg port" -j ACCEPT
-A INPUT -j WG
-A WG -s 10.8.0.0/24 -j RETURN
COMMIT
*nat
:POSTROUTING ACCEPT [0:0]
-A POSTROUTING -s 10.8.0.0/24 -o eth0 -j MASQUERADE
COMMIT
`;

function inBounds(text: string): void {
  const r = parseIptablesSave(text);
  for (const p of r.problems) {
    expect(p.range.start).toBeGreaterThanOrEqual(0);
    expect(p.range.end).toBeLessThanOrEqual(text.length);
    expect(p.range.start).toBeLessThanOrEqual(p.range.end);
    expect(p.message.length).toBeGreaterThan(0);
  }
  for (const t of r.ast.tables) for (const rule of t.rules) expect(rule.range.end).toBeLessThanOrEqual(text.length);
  const f = formatIptablesSave(text);
  expect(formatIptablesSave(f)).toBe(f);
}

describe('parser robustness', () => {
  it('never throws on arbitrary text, keeps ranges in bounds, formatting is idempotent', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => inBounds(s)), { numRuns: 300 });
  });
  it('never throws on mutated valid dumps (lines deleted, duplicated, swapped, words dropped)', () => {
    const lines = BASE.split('\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(lines.length - 1), fc.nat(lines.length - 1), fc.integer({ min: 0, max: 3 })), { maxLength: 6 }), (ops) => {
        const ls = [...lines];
        for (const [a, b, op] of ops) {
          if (op === 0) ls.splice(a % ls.length, 1);
          else if (op === 1) ls.splice(a % ls.length, 0, ls[b % ls.length] ?? '');
          else if (op === 2) [ls[a % ls.length], ls[b % ls.length]] = [ls[b % ls.length] ?? '', ls[a % ls.length] ?? ''];
          else ls[a % ls.length] = (ls[a % ls.length] ?? '').split(' ').filter((_, k) => k !== b % 5).join(' ');
        }
        inBounds(ls.join('\n'));
      }),
      { numRuns: 300 },
    );
  });
});
