/**
 * Host fixtures: every directory under test/hosts/ is one machine (files under etc/...) with an
 * expected.json listing exactly the findings of the contract's fixed rule ids (syntax-error,
 * iptables-append-after-reject, hook-missing-teardown, rp-filter-strict-with-mark-routing,
 * listen-port-in-ephemeral-range). Other rules may report anything; they are not compared here.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintTexts } from '@wglint/engine';
import { caseDirs, checkExpected, lintFindings, readExpected, readHost, sortFindings } from './harness.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const cases = caseDirs(root);

describe('host fixtures (test/hosts)', () => {
  it('has at least 40 cases, each with a README.md and host files under etc/', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const dirs = readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory());
    expect(dirs.filter((d) => !cases.includes(d))).toEqual([]);
    for (const name of cases) {
      expect(existsSync(join(root, name, 'README.md')), `${name}/README.md`).toBe(true);
      const files = Object.keys(readHost(join(root, name)));
      expect(files.length, `${name} has host files`).toBeGreaterThan(0);
      expect(files.filter((f) => !f.startsWith('etc/')), `${name}: host files live under etc/`).toEqual([]);
    }
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name);
      const files = readHost(dir);
      const expected = readExpected(dir);
      expect(checkExpected(expected, files), `${name}/expected.json is well-formed`).toEqual([]);
      expect(lintFindings(files)).toEqual(sortFindings(expected));
      if (name.startsWith('seed-')) {
        // The seeds' final, corrected configurations must be clean of warnings and errors from every rule.
        const loud = lintTexts(files).filter((d) => d.severity !== 'info');
        expect(loud.map((d) => `${d.file}: ${d.ruleId} (${d.severity}): ${d.message}`)).toEqual([]);
      }
    });
  }
});
