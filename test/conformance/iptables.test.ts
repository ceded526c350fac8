// Conformance of @wglint/iptables against the upstream iptables test corpus (../shared/corpus):
// extensions/*.t rule lines (iptables and ip6tables only) and the iptables-save dumps.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkIptCommand, parseIptablesArgs, parseIptablesSave, printIptablesSave, splitRestoreLine } from '@wglint/iptables';
import { describe, expect, it } from 'vitest';
import { sharedCorpusMissing } from '../../packages/nft/test/support/corpus.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus');

interface CorpusEntry {
  source: string;
  line: number;
  tools: string[];
  table: string;
  chains: string[];
  rule: string;
  expect_nft: 'OK' | 'FAIL' | 'NOMATCH';
}

function requireCorpus(file: string): string {
  const p = path.join(corpusDir, file);
  if (!existsSync(p)) throw new Error(`iptables conformance corpus not found at ${p}: check out the shared corpus next to the repository`);
  return p;
}

/** True when the rule line, appended to each of the entry's chains, gives a problem or a validity issue. */
function flagged(e: CorpusEntry, family: 'ipv4' | 'ipv6'): string | undefined {
  for (const chain of e.chains) {
    const line = `-A ${chain} ${e.rule}`;
    const { words, problems: q } = splitRestoreLine(line, 0);
    const r = parseIptablesArgs(words, { family, restore: true, table: e.table });
    const issues = checkIptCommand(r.ast);
    const first = q[0]?.message ?? r.problems[0]?.message ?? issues[0]?.message;
    if (first) return first;
  }
  return undefined;
}

const missing = sharedCorpusMissing('iptables CONFORMANCE TEST');

describe.skipIf(missing !== null)('iptables conformance: extensions/*.t rules', () => {
  it('accepts what iptables accepts and flags what it refuses', () => {
    const entries = readFileSync(requireCorpus('iptables-rules.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as CorpusEntry);
    let skipped = 0;
    let okTotal = 0;
    let okClean = 0;
    let failTotal = 0;
    let failFlagged = 0;
    const falsePositives: string[] = [];
    const misses: string[] = [];
    for (const e of entries) {
      const tools = e.tools.filter((t) => t === 'iptables' || t === 'ip6tables');
      if (tools.length === 0) {
        skipped++;
        continue;
      }
      for (const tool of tools) {
        const family = tool === 'iptables' ? 'ipv4' : 'ipv6';
        const why = flagged(e, family);
        if (e.expect_nft === 'FAIL') {
          failTotal++;
          if (why) failFlagged++;
          else misses.push(`${tool} ${e.source}:${e.line} -t ${e.table} ${e.rule}`);
        } else {
          okTotal++;
          if (!why) okClean++;
          else falsePositives.push(`${tool} ${e.source}:${e.line} -t ${e.table} ${e.rule} => ${why}`);
        }
      }
    }
    const okRate = okClean / okTotal;
    const failRate = failFlagged / failTotal;
    console.log(
      [
        `iptables corpus: ${entries.length} entries, ${skipped} skipped (ebtables/arptables only); counted per (entry, tool)`,
        `  accepted by iptables (expect_nft OK/NOMATCH): ${okClean}/${okTotal} parse clean = ${(100 * okRate).toFixed(1)}% (threshold 99%)`,
        `  refused by iptables (expect_nft FAIL):        ${failFlagged}/${failTotal} flagged = ${(100 * failRate).toFixed(1)}% (threshold 95%)`,
        ...falsePositives.slice(0, 20).map((s) => `  false positive: ${s}`),
        ...misses.slice(0, 20).map((s) => `  missed: ${s}`),
      ].join('\n'),
    );
    expect(okRate).toBeGreaterThanOrEqual(0.99);
    expect(failRate).toBeGreaterThanOrEqual(0.95);
  });
});

interface ManifestEntry {
  file: string;
  format: string;
}

describe.skipIf(missing !== null)('iptables conformance: iptables-save dumps', () => {
  const manifest = (): ManifestEntry[] =>
    readFileSync(requireCorpus('iptables-dumps/MANIFEST.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as ManifestEntry);

  it('parses every dump clean and round-trips it through the printer', () => {
    const dumps = manifest().filter((m) => m.format === 'iptables-save');
    expect(dumps.length).toBeGreaterThanOrEqual(9);
    let clean = 0;
    let roundTrip = 0;
    for (const m of dumps) {
      const text = readFileSync(path.join(corpusDir, 'iptables-dumps', m.file), 'utf8');
      const r = parseIptablesSave(text);
      expect(r.problems, m.file).toEqual([]);
      clean++;
      const printed = printIptablesSave(r.ast, { source: text });
      const significant = (s: string): string[] => s.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
      expect(significant(printed), m.file).toEqual(significant(text));
      // Printing the re-parsed output gives the same text (the printer is a fixed point).
      const again = parseIptablesSave(printed);
      expect(again.problems, m.file).toEqual([]);
      expect(printIptablesSave(again.ast, { source: printed }), m.file).toBe(printed);
      roundTrip++;
    }
    console.log(`iptables dumps: ${clean}/${dumps.length} parse clean, ${roundTrip}/${dumps.length} round-trip`);
  });
});
