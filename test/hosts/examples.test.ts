/**
 * The seed scenarios in examples/: each folder is one host with an expected.json (same format as the
 * host fixtures) holding exactly the findings of the contract's fixed rule ids.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseDirs, checkExpected, lintFindings, readExpected, readHost, sortFindings } from './harness.js';

const root = fileURLToPath(new URL('../../examples/', import.meta.url));
const scenarios = caseDirs(root);

describe('seed examples (examples/)', () => {
  it('covers the four seeds', () => {
    for (const seed of ['001', '002', '003', '004']) expect(scenarios.some((s) => s.startsWith(`${seed}-`)), seed).toBe(true);
  });

  for (const name of scenarios) {
    it(name, () => {
      const dir = join(root, name);
      const files = readHost(dir);
      const expected = readExpected(dir);
      expect(checkExpected(expected, files), `${name}/expected.json is well-formed`).toEqual([]);
      expect(lintFindings(files)).toEqual(sortFindings(expected));
    });
  }
});
