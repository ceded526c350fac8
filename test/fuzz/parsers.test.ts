// Bounded fuzzing in the default suite: fixed seed, small counts. `npm run fuzz` runs the same
// properties for minutes with fresh seeds (parsers.fuzz.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCase, checkShell, LANGS, ok } from './support/checks.js';
import { samples } from './support/corpus.js';
import { grammarCase, mutatedCase, shellLine } from './support/generators.js';
import { sharedCorpusMissing } from '../../packages/nft/test/support/corpus.js';

const sharedMissing = sharedCorpusMissing('fuzzing of the shared corpus and seeds');

const SEED = 20261121;
const RUNS = 60;

describe('grammar-aware inputs', () => {
  for (const lang of LANGS) {
    it(`${lang}: parse, format and lint never throw, ranges stay in bounds, comments survive formatting`, () => {
      fc.assert(
        fc.property(grammarCase[lang], (c) => ok(checkCase(c), c)),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }

  it('shell: hook values split without throwing, ranges offset into the file', () => {
    fc.assert(
      fc.property(shellLine, fc.nat(5000), (text, base) => ok(checkShell(text, base), { label: 'shell', text })),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});

describe('byte-level mutations of the corpus, seeds and examples', () => {
  it('has samples to mutate', () => {
    // the repository's examples always; the shared corpus and seeds when they are beside it
    expect(samples().length).toBeGreaterThan(sharedMissing ? 20 : 100);
  });

  for (const lang of LANGS) {
    it(`${lang}: mutated files never make a parser, formatter or the engine throw`, () => {
      fc.assert(
        fc.property(mutatedCase(lang), (c) => ok(checkCase(c), c)),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }
});

describe('every unmutated sample', () => {
  // Each real file once, as every language: catches what random sampling may miss.
  it('parses, formats and lints without throwing', () => {
    const failures: string[] = [];
    for (const s of samples()) {
      const text = new TextDecoder().decode(s.bytes);
      for (const language of LANGS) {
        const p = checkCase({ language, text, keep: [], label: s.name });
        if (p) failures.push(`${s.name} as ${language}: ${p.split('\n')[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
