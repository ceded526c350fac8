// In-process measurement of wglint's parse and lint phases, bundled by bench.mjs with esbuild (the
// workspace packages export TypeScript sources) and run as a child process per measurement:
//
//   node harness.bundle.mjs [--iterations N] FILE...
//
// Files are grouped into hosts by the part of their path before `etc/` (CONTRACT.md), each host is
// parsed (`parseSourceFile`), modelled (`buildHostModel`) and linted (`runRules` with every rule).
// Prints one JSON line: wall and CPU times in ms (best over iterations, and each iteration's CPU
// times in `cpuRuns`), counts, and peak RSS.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { detectLanguage, runRules } from '@wglint/engine';
import { buildHostModel, parseSourceFile } from '@wglint/host';
import { allRules } from '@wglint/rules';

const args = process.argv.slice(2);
let iterations = 1;
const paths = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--iterations') iterations = Number(args[++i]);
  else paths.push(args[i]);
}

const hosts = new Map();
let bytes = 0;
for (const path of paths) {
  const text = readFileSync(path, 'utf8');
  bytes += text.length;
  const language = detectLanguage(path, text);
  if (!language) continue;
  const i = path.lastIndexOf('etc/');
  const root = i >= 0 ? path.slice(0, i) || '.' : path.slice(0, path.lastIndexOf('/') + 1) || '.';
  if (!hosts.has(root)) hosts.set(root, []);
  hosts.get(root).push({ path, text, language });
}

const parseTimes = [];
const lintTimes = [];
const parseCpu = [];
const lintCpu = [];
const cpuMs = (c) => (c.user + c.system) / 1000;
let problems = 0;
let diagnostics = 0;
for (let it = 0; it < iterations; it++) {
  let parseMs = 0;
  let lintMs = 0;
  let parseC = 0;
  let lintC = 0;
  problems = 0;
  diagnostics = 0;
  for (const [root, files] of hosts) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const parsed = files.map((f) => parseSourceFile(f));
    const t1 = performance.now();
    parseC += cpuMs(process.cpuUsage(c0));
    const c1 = process.cpuUsage();
    const diags = runRules(buildHostModel(root, parsed), allRules);
    const t2 = performance.now();
    lintC += cpuMs(process.cpuUsage(c1));
    parseMs += t1 - t0;
    lintMs += t2 - t1;
    problems += parsed.reduce((n, p) => n + p.problems.length, 0);
    diagnostics += diags.length;
  }
  parseTimes.push(parseMs);
  lintTimes.push(lintMs);
  parseCpu.push(parseC);
  lintCpu.push(lintC);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const totals = parseTimes.map((p, i) => p + lintTimes[i]);
process.stdout.write(
  JSON.stringify({
    files: paths.length,
    hosts: hosts.size,
    bytes,
    iterations,
    parseMs: Math.min(...parseTimes),
    lintMs: Math.min(...lintTimes),
    totalMs: Math.min(...totals),
    totalMedianMs: median(totals),
    firstMs: totals[0],
    parseCpuMs: Math.min(...parseCpu),
    lintCpuMs: Math.min(...lintCpu),
    totalCpuMs: Math.min(...parseCpu.map((p, i) => p + lintCpu[i])),
    // every iteration's parse and lint CPU time in order: the first is the cold one
    cpuRuns: parseCpu.map((p, i) => [Math.round(p), Math.round(lintCpu[i])]),
    problems,
    diagnostics,
    maxRssKB: process.resourceUsage().maxRSS,
  }) + '\n',
);
