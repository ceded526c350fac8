import { type Diagnostic, type Suppression, suppresses } from '@wglint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressionIndexes } from '../src/run-rules.js';

const IDS = ['a-rule', 'b-rule', 'c-rule', 'd-rule'];

const suppression = fc
  .record({ from: fc.nat(400), len: fc.nat(120), ids: fc.subarray(IDS), block: fc.boolean() })
  .map(({ from, len, ids, block }): Suppression => ({
    kind: block ? 'block' : 'next-line',
    ruleIds: ids,
    range: { start: Math.max(0, from - 5), end: from },
    from,
    to: from + len,
  }));

const diagnostic = fc
  .record({ start: fc.nat(600), id: fc.constantFrom(...IDS) })
  .map(({ start, id }): Diagnostic => ({ ruleId: id, severity: 'warning', message: 'm', file: 'f', range: { start, end: start + 3 } }));

describe('suppressionIndexes', () => {
  it('finds the first covering suppression of each diagnostic, as a scan would', () => {
    fc.assert(
      // both paths: a plain scan (up to 16 suppressions) and the sweep (more)
      fc.property(fc.oneof(fc.array(suppression, { maxLength: 16 }), fc.array(suppression, { minLength: 17, maxLength: 80 })), fc.array(diagnostic, { maxLength: 120 }), (sups, diags) => {
        const want = diags.map((d) => sups.findIndex((s) => suppresses(s, d.ruleId, d.range.start)));
        expect([...suppressionIndexes(sups, diags)]).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('handles thousands of suppressions and diagnostics', () => {
    const sups: Suppression[] = Array.from({ length: 5000 }, (_, i) => ({
      kind: 'next-line',
      ruleIds: i % 3 === 0 ? [] : [IDS[i % 4]!],
      range: { start: i * 10, end: i * 10 + 5 },
      from: i * 10 + 6,
      to: i * 10 + 9,
    }));
    const diags: Diagnostic[] = Array.from({ length: 20000 }, (_, i) => ({ ruleId: IDS[i % 4]!, severity: 'error', message: 'm', file: 'f', range: { start: (i * 7) % 50000, end: (i * 7) % 50000 } }));
    const got = suppressionIndexes(sups, diags);
    for (let k = 0; k < diags.length; k += 97) {
      const d = diags[k]!;
      expect(got[k]).toBe(sups.findIndex((s) => suppresses(s, d.ruleId, d.range.start)));
    }
  });
});
