// Conformance of the nft parser and printers against the upstream nftables test corpus
// (../shared/corpus, see its README). Prints the measured figures; fails below the thresholds.
import { describe, expect, it } from 'vitest';
import { formatNft, parseNft, parseNftCommandLine, printNftCanonical } from '@wglint/nft';
import {
  isSyntaxFailure, listCorpus, loadManifest, loadRules, readCorpusFile, requireCorpus, ruleCommand, sharedCorpusMissing,
} from '../../packages/nft/test/support/corpus.js';

const pct = (a: number, b: number): string => `${a}/${b} = ${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

const missing = sharedCorpusMissing('nft CONFORMANCE TEST');

describe.skipIf(missing !== null)('nft conformance corpus', () => {
  it('the corpus is present (fails loudly when missing)', () => {
    expect(() => requireCorpus()).not.toThrow();
  });

  it('parses >= 99.5% of the enabled `ok` rule lines with no syntax problem', () => {
    const rules = loadRules().filter((r) => !r.disabled && r.expect === 'ok');
    const failed = rules.filter((r) => parseNftCommandLine(ruleCommand(r)).problems.length > 0);
    console.log(`[nft conformance] ok rules parsed clean: ${pct(rules.length - failed.length, rules.length)}`);
    for (const r of failed.slice(0, 20)) console.log(`  not parsed: ${r.source}:${r.line}: ${r.rule}`);
    expect(rules.length).toBeGreaterThan(1700);
    expect((rules.length - failed.length) / rules.length).toBeGreaterThanOrEqual(0.995);
  });

  it('flags >= 95% of the `fail` rule lines that nft refuses for syntax', () => {
    const rules = loadRules().filter((r) => !r.disabled && r.expect === 'fail' && isSyntaxFailure(r));
    const missed = rules.filter((r) => parseNftCommandLine(ruleCommand(r)).problems.length === 0);
    console.log(`[nft conformance] syntax-error rules flagged: ${pct(rules.length - missed.length, rules.length)}`);
    for (const r of missed) console.log(`  not flagged: ${r.source}:${r.line}: ${r.rule}`);
    expect(rules.length).toBeGreaterThan(40);
    expect((rules.length - missed.length) / rules.length).toBeGreaterThanOrEqual(0.95);
  });

  it('every nft dump parses clean; listings round-trip through the canonical printer', () => {
    const dumps = loadManifest('nft-dumps').filter((m) => m.format !== 'json');
    let clean = 0;
    let listings = 0;
    let listingsEqual = 0;
    let nonEmpty = 0;
    let nonEmptyEqual = 0;
    let formatUnchanged = 0;
    const unclean: string[] = [];
    const listingDiffs: string[] = [];
    for (const m of dumps) {
      const src = readCorpusFile('nft-dumps', m.file);
      const r = parseNft(src);
      if (r.problems.length === 0) clean++;
      else unclean.push(`${m.file}: ${r.problems[0]!.message}`);
      const printed = printNftCanonical(r.ast);
      const isListing = m.path.startsWith('tests/shell/testcases/') && !m.empty;
      if (!m.empty) {
        nonEmpty++;
        if (printed === src) nonEmptyEqual++;
      }
      if (isListing) {
        listings++;
        if (printed === src) listingsEqual++;
        else listingDiffs.push(m.file);
      }
      const f = formatNft(src);
      if (f === src) formatUnchanged++;
      expect(formatNft(f)).toBe(f);
    }
    console.log(`[nft conformance] dumps parsed clean: ${pct(clean, dumps.length)}`);
    console.log(`[nft conformance] canonical print == dump, nft listings (tests/shell dumps): ${pct(listingsEqual, listings)}`);
    console.log(`[nft conformance] canonical print == dump, all non-empty files (incl. hand-written examples): ${pct(nonEmptyEqual, nonEmpty)}`);
    console.log(`[nft conformance] formatNft leaves the file unchanged: ${pct(formatUnchanged, dumps.length)}`);
    for (const u of unclean) console.log(`  not clean: ${u}`);
    for (const d of listingDiffs) console.log(`  listing differs: ${d}`);
    expect(unclean).toEqual([]);
    expect(listingsEqual).toBe(listings);
  });

  it('reports how many fuzzer bogons are rejected', () => {
    const files = listCorpus('nft-bogons');
    let rejected = 0;
    for (const f of files) {
      const t0 = Date.now();
      const r = parseNft(readCorpusFile('nft-bogons', f));
      expect(Date.now() - t0).toBeLessThan(5000);
      if (r.problems.length > 0) rejected++;
    }
    console.log(`[nft conformance] bogons rejected by the parser: ${pct(rejected, files.length)} (many bogons are semantic, not syntax, errors)`);
    expect(files.length).toBe(84);
    expect(rejected).toBeGreaterThan(0);
  });
});
