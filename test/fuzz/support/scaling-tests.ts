// No catastrophic backtracking, no quadratic paths: every stage (parse, format, lint) of every
// language costs at most ~linear time in its input, judged by the cost ratio of 8n against n.
// scaling.test.ts registers the quick subset, scaling.fuzz.ts (npm run fuzz) all of it, bigger.
import { describe, expect, it } from 'vitest';
import type { Language } from '@wglint/core';
import { genIptables, genNft, genWgConfig } from '../../../scripts/bench/generate.mjs';
import { ipOf, RATIO_BOUND, repeat, scaling } from './scaling.js';
import { formatterFor, HOST_PATH, lintTexts } from './targets.js';
import { WG_CONTEXT } from './checks.js';

const KEY = 'YHnGA+2Fb6CkQpBzMNbYlFTr5qA2h0cHtUe2BBmz0nU=';

/** Pathological and bulk inputs per language: name → text of "size" k. */
const PATTERNS: Record<Language, Record<string, (k: number) => string>> = {
  wg: {
    'many peers': (k) => repeat(k, (i) => `[Peer]\nPublicKey = ${KEY}\nAllowedIPs = ${ipOf(i)}/32\nEndpoint = 192.0.2.1:${1000 + (i % 60000)}\n`, '[Interface]\nPrivateKey = ' + KEY + '\n'),
    'long AllowedIPs line': (k) => repeat(k, (i) => `${ipOf(i)}/32, `, '[Interface]\n[Peer]\nAllowedIPs = ', '10.255.255.255/32\n'),
    'long hook line': (k) => repeat(k, (i) => `iptables -A FORWARD -i %i -s ${ipOf(i)} -j ACCEPT; `, '[Interface]\nPostUp = ', 'true\n'),
    'many hooks': (k) => repeat(k, (i) => `PostUp = ip rule add fwmark ${i + 1} table ${100 + (i % 100)}\nPostDown = ip rule del fwmark ${i + 1} table ${100 + (i % 100)}\n`, '[Interface]\n'),
    'unclosed quote in hook': (k) => repeat(k, () => 'a b ', '[Interface]\nPostUp = echo "', '\n'),
    'nested command substitution': (k) => repeat(k, () => '$(', '[Interface]\nPostUp = echo ', '\n'),
    'brackets only': (k) => repeat(k, () => '['),
    'equals only': (k) => repeat(k, () => '=', 'a'),
    'comment lines': (k) => repeat(k, (i) => `# comment ${i}\n`, '[Interface]\n'),
    backslashes: (k) => repeat(k, () => '\\', '[Interface]\nPostUp = echo ', '\n'),
  },
  nft: {
    'one chain, many rules': (k) => repeat(k, (i) => `    ip saddr ${ipOf(i)} tcp dport ${i % 65535} accept\n`, 'table inet t {\n  chain c {\n    type filter hook input priority 0;\n', '  }\n}\n'),
    'many chains with jumps': (k) => repeat(k, (i) => `  chain c${i} {\n    jump c${i + 1}\n  }\n`, 'table inet t {\n', `  chain c${1 << 30} {\n  }\n}\n`),
    'long anonymous set': (k) => repeat(k, (i) => `${ipOf(i)}, `, 'table inet t {\n  chain c {\n    ip saddr { ', '10.255.255.255 } accept\n  }\n}\n'),
    'deep braces': (k) => repeat(k, () => '{'),
    'unterminated string': (k) => repeat(k, () => 'ab ', 'table inet t {\n  chain c {\n    meta comment "'),
    'chained defines': (k) => repeat(k, (i) => `define v${i + 1} = $v${i}\n`, 'define v0 = 10.0.0.1\n'),
    'junk lines': (k) => repeat(k, () => '@@@ ; } ] ) \n'),
    'line continuations': (k) => repeat(k, () => 'tcp \\\n', 'table inet t {\n  chain c {\n    ', 'accept\n  }\n}\n'),
    'realistic ruleset': (k) => genNft(k * 20),
    // each `insert rule` once searched and spliced the whole rule list (long run only: quadratic
    // in a few ns per rule, too cheap to show at the quick sizes)
    'insert rule one-liners': (k) => repeat(k, (i) => `insert rule inet t c${i % 7} tcp dport ${i % 65535} accept\n`, repeat(7, (c) => `add chain inet t c${c} { type filter hook input priority ${c}; }\n`, 'add table inet t\n')),
  },
  'iptables-save': {
    'many rules': (k) => repeat(k, (i) => `-A INPUT -s ${ipOf(i)}/32 -p tcp -m tcp --dport ${i % 65535} -j ACCEPT\n`, '*filter\n:INPUT DROP [0:0]\n', 'COMMIT\n'),
    'appends after a REJECT': (k) => repeat(k, (i) => `-A FORWARD -i wg${i % 10} -j ACCEPT\n`, '*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -j REJECT\n', 'COMMIT\n'),
    // droppingBefore once scanned every rule before the insertion point for each append (long run
    // only: the scan is a few ns per rule, too cheap to show at the quick sizes)
    'ACCEPTs, a REJECT, then appends': (k) =>
      repeat(k, (i) => `-A FORWARD -s ${ipOf(i)}/32 -j ACCEPT\n`, '*filter\n:FORWARD ACCEPT [0:0]\n') +
      repeat(k, (i) => `-A FORWARD -i wg${i % 10} -j ACCEPT\n`, '-A FORWARD -j REJECT\n', 'COMMIT\n'),
    'jump chain': (k) =>
      `*filter\n${repeat(k, (i) => `:C${i} - [0:0]\n`)}${repeat(k, (i) => `-A C${i} -j C${(i + 1) % k}\n`)}-A INPUT -j C0\nCOMMIT\n`,
    'long comment option line': (k) => repeat(k, (i) => `-m comment --comment "x${i}" `, '*filter\n-A INPUT ', '-j ACCEPT\nCOMMIT\n'),
    'unbalanced quotes': (k) => repeat(k, () => '"', '*filter\n-A INPUT -m comment --comment ', '\nCOMMIT\n'),
    'tables without COMMIT': (k) => repeat(k, () => '*filter\n:INPUT ACCEPT [0:0]\n'),
    // mark-not-rerouting once searched every chain's rules for the jumps to each chain (long run
    // only: at the quick sizes the quadratic stayed under the bound); WG_CONTEXT has the fwmark ip rule
    'user chains that set marks': (k) =>
      `*mangle\n:FORWARD ACCEPT [0:0]\n${repeat(k, (i) => `:M${i} - [0:0]\n`)}${repeat(k, (i) => `-A FORWARD -s ${ipOf(i)}/32 -j M${i}\n-A M${i} -j MARK --set-mark 51820\n`)}COMMIT\n`,
    'realistic dump': (k) => genIptables(k * 20),
  },
  sysctl: {
    'many keys': (k) => repeat(k, (i) => `net.ipv4.conf.wg${i}.rp_filter = ${i % 3}\n`),
    'many globs': (k) => repeat(k, (i) => `net.ipv4.conf.*.rp_filter = ${i % 3}\nnet.ipv4.conf.eth${i}.rp_filter = 2\n`),
    'dots only': (k) => repeat(k, () => '.', '', ' = 1\n'),
    'equals only': (k) => repeat(k, () => '=', 'a'),
    'slashes and dots': (k) => repeat(k, () => '/.', 'net', ' = 1\n'),
  },
};

/**
 * The default suite runs these (the likeliest to backtrack or go quadratic) at small sizes; `npm
 * run fuzz` runs every pattern, every stage, bigger.
 */
const QUICK = new Set([
  'long hook line',
  'many hooks',
  'unclosed quote in hook',
  'nested command substitution',
  'brackets only',
  'deep braces',
  'unterminated string',
  'long anonymous set',
  'appends after a REJECT',
  'long comment option line',
  'unbalanced quotes',
  'many globs',
  'dots only',
]);

// lint includes parse; a failing lint case is located with a CPU profile (npm run bench -- --profile)
type Stage = 'format' | 'lint';
const STAGES: Record<Stage, (language: Language) => ((text: string) => void) | undefined> = {
  format: (l) => formatterFor(l),
  lint: (l) => (t) => void lintTexts(l === 'wg' ? { [HOST_PATH.wg]: t } : { [HOST_PATH[l]]: t, [HOST_PATH.wg]: WG_CONTEXT }),
};

/** Registers the scaling tests: the QUICK patterns at small sizes, or (`long`) every one. */
export function registerScalingTests(long: boolean): void {
  describe.each(Object.keys(PATTERNS) as Language[])('%s costs grow linearly', (language) => {
    for (const [name, build] of Object.entries(PATTERNS[language])) {
      if (!long && !QUICK.has(name)) continue;
      for (const stage of Object.keys(STAGES) as Stage[]) {
        const run = STAGES[stage](language);
        // A language without this stage (no formatter, say) registers no test rather than a skipped one.
        if (!run) continue;
        it(`${stage}: ${name}`, () => {
          const s = scaling(build, run);
          expect(s.ratio, `${stage} of "${name}": ${s.baseMs.toFixed(1)} ms at ${s.chars} chars, ${s.bigMs.toFixed(1)} ms at 8x`).toBeLessThan(RATIO_BOUND);
        });
      }
    }
  });

  // The host-sized case runs only in the long fuzz run (`npm run fuzz`), not in `npm test`.
  if (!long) return;
  describe('hosts', () => {
    it('lint: a wg config with n peers and hooks next to an iptables dump', () => {
      // inputs are generated in `build`, outside the timed `run`
      const hosts = new Map<string, Record<string, string>>();
      const s = scaling(
        (k) => {
          const files = { [HOST_PATH.wg]: genWgConfig(k * 4), [HOST_PATH['iptables-save']]: genIptables(k * 10) };
          const id = `${k}:${files[HOST_PATH.wg]!.length}`;
          hosts.set(id, files);
          return id;
        },
        (id) => void lintTexts(hosts.get(id)!),
      );
      expect(s.ratio, `${s.baseMs.toFixed(1)} ms at k=${s.k}, ${s.bigMs.toFixed(1)} ms at 8k`).toBeLessThan(RATIO_BOUND);
    });
  });
}
