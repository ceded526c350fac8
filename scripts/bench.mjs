#!/usr/bin/env node
// `npm run bench`: wglint's parse+lint time and peak memory next to the real tools, measured in
// the same run on the same generated inputs. Ratios matter, not absolute times.
//
//   npm run bench                      sizes 1k, 10k, 100k rules (the 100k `nft -c` alone takes minutes)
//   npm run bench -- --quick           sizes 1k and 10k only
//   npm run bench -- --sizes 1000,5000 custom sizes
//   npm run bench -- --write           also replace the results block of docs/performance.md
//   npm run bench -- --profile         CPU-profile wglint on the largest inputs, top functions by module
//   npm run bench -- --startup-only    only the start-up comparison (prints it; writes nothing)
//
// Each child runs under /usr/bin/time: CPU time (user + system, from wait4 rusage) is the figure
// the targets use, because it barely moves when other processes load the machine; wall time is
// reported next to it. Peak memory is the child's maximum RSS. Small cases take the median of
// several runs. Real tools run in a fresh network namespace (`unshare -n`) so they never touch the
// host's ruleset.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { genIptables, genNft, genWgConfig, genWgFleet } from './bench/generate.mjs';
import { summarizeProfile } from './bench/profile-summary.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};
const sizes = flag('--quick') ? [1000, 10000] : opt('--sizes', '1000,10000,100000').split(',').map(Number);
const runs = Number(opt('--runs', '15'));
const work = join(tmpdir(), 'wglint-bench');
const log = (...a) => console.error('[bench]', ...a);

// ---------------------------------------------------------------------------------------------
// measuring

/** Runs a command under /usr/bin/time; returns wall and CPU ms, peak RSS (KB), exit status, stderr head. */
function measureOnce(cmd, args, { timeoutMs = 1_800_000, cwd = work } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '@@TIME %M %x %U %S', cmd, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
    // the CLI's code cache (packages/cli/launcher/bin.cjs) lives in the bench's own directory
    env: { ...process.env, NODE_OPTIONS: '', WGLINT_CACHE_DIR: join(work, 'compile-cache') },
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /@@TIME (\d+) (-?\d+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  const stderr = (r.stderr ?? '').replace(/@@TIME.*\s*$/, '').trim();
  return {
    wallMs,
    cpuMs: m ? (Number(m[3]) + Number(m[4])) * 1000 : NaN,
    rssKB: m ? Number(m[1]) : NaN,
    status: r.error?.code === 'ETIMEDOUT' ? 'timeout' : m ? Number(m[2]) : r.status,
    stdout: r.stdout ?? '',
    stderr: stderr.split('\n').slice(0, 3).join(' | ').slice(0, 300),
  };
}

/** Median wall time over `n` runs (alternating runs are up to the caller), max RSS. */
function measure(cmd, args, n = 1, opts) {
  const all = [];
  for (let i = 0; i < n; i++) all.push(measureOnce(cmd, args, opts));
  const med = (k) => all.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(all.length / 2)];
  return { ...all[all.length - 1], wallMs: med('wallMs'), cpuMs: med('cpuMs'), rssKB: Math.max(...all.map((x) => x.rssKB)), runs: n };
}

// ---------------------------------------------------------------------------------------------
// setup

function writeInputs() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const files = {};
  for (const n of sizes) {
    files[`nft-${n}`] = join(work, `ruleset-${n}.nft`);
    writeFileSync(files[`nft-${n}`], genNft(n));
    files[`ipt-${n}`] = join(work, `rules-${n}.v4.rules`);
    writeFileSync(files[`ipt-${n}`], genIptables(n));
  }
  // the same mix without anonymous sets, at the largest size only: shows how much of `nft -c`'s
  // time is the kernel's quadratic binding of anonymous sets rather than parsing
  const big = Math.max(...sizes);
  files[`nftplain-${big}`] = join(work, `ruleset-${big}-no-inline-sets.nft`);
  writeFileSync(files[`nftplain-${big}`], genNft(big, 1, { inlineSets: false }));
  mkdirSync(join(work, 'single/etc/wireguard'), { recursive: true });
  files.wg0 = join(work, 'single/etc/wireguard/wg0.conf');
  writeFileSync(files.wg0, genWgConfig(8), { mode: 0o600 });
  const fleet = genWgFleet(100);
  for (const [p, text] of Object.entries(fleet)) {
    mkdirSync(dirname(join(work, 'fleet', p)), { recursive: true });
    writeFileSync(join(work, 'fleet', p), text, { mode: 0o600 });
  }
  files.fleet = join(work, 'fleet');
  files.fleetFiles = Object.keys(fleet).map((p) => join(work, 'fleet', p));
  return files;
}

async function buildHarness() {
  const { build } = await import('esbuild');
  const outfile = join(work, 'harness.bundle.mjs');
  await build({
    entryPoints: [join(repoRoot, 'scripts/bench/harness.mjs')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

/**
 * The CLI bundle as `npm run build` makes it, built into the bench's own directory (`--outdir`) so
 * the bench measures the current sources and never rewrites packages/cli/dist under someone else.
 */
function findCli() {
  const own = join(work, 'cli');
  if (!flag('--no-build') && existsSync(join(repoRoot, 'scripts/build-cli.mjs'))) {
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/build-cli.mjs'), '--outdir', own], { cwd: repoRoot, encoding: 'utf8' });
    if (r.status === 0 && existsSync(join(own, 'bin.js'))) return join(own, 'bin.js');
    log('CLI build failed:', (r.stderr || r.stdout).slice(0, 400));
  }
  const dist = join(repoRoot, 'packages/cli/dist/bin.js');
  return existsSync(dist) ? dist : undefined;
}

function toolVersion(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return ((r.stdout || r.stderr || '').split('\n')[0] ?? '').trim();
}

// ---------------------------------------------------------------------------------------------
// main

// The inputs are generated in a child process: generating 100k-rule rulesets leaves this process
// with a large heap, and children timed after that (start-up above all) came out 100 ms slower.
if (flag('--inputs-only')) {
  process.stdout.write(JSON.stringify(writeInputs()));
  process.exit(0);
}
const started = new Date();
const loadAtStart = loadavg().map((x) => x.toFixed(1)).join(' ');
log('writing inputs to', work);
const gen = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...argv, '--inputs-only'], { encoding: 'utf8', maxBuffer: 1 << 26 });
if (gen.status !== 0) throw new Error(`generating the inputs failed: ${gen.stderr}`);
const files = JSON.parse(gen.stdout);
const harness = await buildHarness();
const cli = findCli();
log(cli ? `CLI bundle: ${cli}` : 'no CLI bundle (packages/cli/dist/bin.js): wglint measured with the harness process only');

const node = process.execPath;
const rows = [];
const results = {};

/** wglint as a user runs it: the CLI bundle when built, else the harness (which loads everything eagerly). */
function wglint(paths, n = 1) {
  if (cli) return { via: 'cli', ...measure(node, [cli, '--format', 'json', ...paths], n) };
  return { via: 'harness', ...measure(node, [harness, ...paths], n) };
}
function inProcess(paths, iterations = 1) {
  const r = measure(node, [harness, '--iterations', String(iterations), ...paths], 1);
  try {
    return { ...JSON.parse(r.stdout.trim().split('\n').pop()), processMs: r.wallMs, processRssKB: r.rssKB, status: r.status };
  } catch {
    return { error: `status ${r.status}: ${r.stderr}`, status: r.status };
  }
}

// start-up: node -e 0 against linting one wg0.conf, interleaved so drift hits both equally
{
  const a = [];
  const b = [];
  const h = [];
  // The first run of a new build compiles the bundle and writes its code cache; every later run
  // (every commit of a pre-commit hook) reads the cache. Both are reported; the target uses the later.
  const cold = cli ? measureOnce(node, [cli, '--format', 'json', files.wg0]) : undefined;
  // Right after the inputs are written (tens of MB) this VM runs short processes up to 100 ms
  // slower for a while (page-cache writeback and reclaim): flush, then run untimed until it settles.
  spawnSync('sync');
  for (let i = 0; i < 10; i++) {
    measureOnce(node, ['-e', '0']);
    measureOnce(node, cli ? [cli, '--format', 'json', files.wg0] : [harness, files.wg0]);
  }
  const wglintArgs = cli ? [cli, '--format', 'json', files.wg0] : [harness, files.wg0];
  for (let i = 0; i < runs; i++) {
    a.push(measureOnce(node, ['-e', '0']));
    b.push(measureOnce(node, wglintArgs));
    h.push(measureOnce(node, [harness, files.wg0]));
  }
  const aMem = a[a.length - 1];
  const bMem = b[b.length - 1];
  // /usr/bin/time gives CPU time in 10 ms steps, a fifth of `node -e 0`: the mean of the middle half
  // of the runs resolves finer than the median of steps would
  const med = (xs, k = 'cpuMs') => {
    const v = xs.map((x) => x[k]).sort((p, q) => p - q);
    const mid = v.slice(Math.floor(v.length / 4), v.length - Math.floor(v.length / 4));
    return mid.reduce((t, x) => t + x, 0) / mid.length;
  };
  results.startup = {
    nodeMs: med(a),
    wglintMs: med(b),
    coldMs: cold?.cpuMs,
    harnessMs: med(h),
    nodeWallMs: med(a, 'wallMs'),
    wglintWallMs: med(b, 'wallMs'),
    via: cli ? 'cli' : 'harness',
    status: bMem.status,
    stderr: bMem.stderr,
    nodeRssKB: Math.max(...a.map((x) => x.rssKB)),
    wglintRssKB: Math.max(...b.map((x) => x.rssKB)),
  };
  log('startup', results.startup);
  if (flag('--startup-only')) process.exit(0);
}

const kindSizes = (kind) => (kind === 'nftplain' ? [Math.max(...sizes)] : sizes);
const KINDS = ['nft', 'nftplain', 'ipt'];
for (const kind of KINDS) {
  for (const n of kindSizes(kind)) {
    const file = files[`${kind}-${n}`];
    const small = n <= 10000 ? 5 : 1;
    const realArgs = kind !== 'ipt' ? ['-n', 'nft', '-c', '-f', file] : ['-n', 'iptables-restore', '--test', file];
    log(`${kind} ${n}: real tool...`);
    const real = measure('unshare', realArgs, small);
    log(`${kind} ${n}: wglint...`);
    const w = wglint([file], small);
    // the same count at every size, so the scaling ratio compares warm runs with warm runs
    const ip = inProcess([file], 3);
    results[`${kind}-${n}`] = { real, wglint: w, inProcess: ip, bytes: readFileSync(file).length };
    log(`${kind} ${n}:`, { realCpuMs: real.cpuMs, realWallMs: real.wallMs, realStatus: real.status, wglintCpuMs: w.cpuMs, wglintWallMs: w.wallMs, wglintStatus: w.status, inProcessMs: ip.totalMs });
  }
}

// What splitting and numbering alone cost in Node at the largest size (scripts/bench/ipt-floor.mjs):
// the part of the iptables target no design of wglint's parser can go below.
if (files[`ipt-${Math.max(...sizes)}`] && Math.max(...sizes) >= 100000) {
  log('ipt floor...');
  results.iptFloor = measure(node, [join(repoRoot, 'scripts/bench/ipt-floor.mjs'), files[`ipt-${Math.max(...sizes)}`]], 3);
}

{
  log('fleet...');
  const w = cli ? { via: 'cli', ...measure(node, [cli, '--format', 'json', files.fleet], 3) } : wglint(files.fleetFiles, 3);
  const ip = inProcess(files.fleetFiles, 3);
  results.fleet = { wglint: w, inProcess: ip, configs: files.fleetFiles.length };
}

if (flag('--profile')) {
  const big = Math.max(...sizes);
  const dir = join(work, 'prof');
  mkdirSync(dir, { recursive: true });
  results.profiles = {};
  for (const kind of ['nft', 'ipt']) {
    const sub = join(dir, kind);
    mkdirSync(sub, { recursive: true });
    spawnSync(node, ['--cpu-prof', '--cpu-prof-dir', sub, harness, files[`${kind}-${big}`]], { encoding: 'utf8' });
    const prof = readdirSync(sub).find((f) => f.endsWith('.cpuprofile'));
    if (prof) results.profiles[kind] = summarizeProfile(join(sub, prof), harness);
  }
}

// ---------------------------------------------------------------------------------------------
// report

const fmtMs = (ms) => (Number.isFinite(ms) ? (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`) : 'n/a');
const fmtMB = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a');
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 0)}x` : 'n/a');
const both = (m) => `${fmtMs(m.cpuMs)} (${fmtMs(m.wallMs)})`;
const ok = (status) => (status === 0 || status === 1 ? '' : ` (exit ${status})`);
const lines = [];
const via = cli ? 'wglint CLI bundle' : 'wglint (harness process; CLI bundle missing)';
lines.push(`Measured ${started.toISOString().replace(/\.\d+Z$/, 'Z')} with \`${['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' ')}\`.`);
lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, ${toolVersion('nft', ['--version'])}, ${toolVersion('iptables-restore', ['--version'])}; load average ${loadAtStart} at the start, ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end.`);
lines.push('');
lines.push('Times are CPU time (user + system) with wall-clock time in brackets; the ratios and targets use CPU time.');
lines.push('');
lines.push(`| input | size | real tool | time | peak RSS | ${via} | time | peak RSS | real ÷ wglint | wglint in-process parse + lint |`);
lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const kind of KINDS) {
  for (const n of kindSizes(kind)) {
    const r = results[`${kind}-${n}`];
    const tool = kind !== 'ipt' ? '`nft -c -f`' : '`iptables-restore --test`';
    const ip = r.inProcess;
    const ipText = ip.error
      ? `error: ${ip.error}`
      : `${fmtMs(ip.parseCpuMs)} + ${fmtMs(ip.lintCpuMs)} (${fmtMs(ip.parseMs)} + ${fmtMs(ip.lintMs)}); ${ip.problems} syntax problems, ${ip.diagnostics} diagnostics`;
    lines.push(
      `| ${{ nft: 'nft ruleset', nftplain: 'nft ruleset, no anonymous sets', ipt: 'iptables-save' }[kind]} | ${n.toLocaleString('en')} rules, ${(r.bytes / 1024).toFixed(0)} KiB | ${tool}${ok(r.real.status)} | ${both(r.real)} | ${fmtMB(r.real.rssKB)} | \`wglint\`${ok(r.wglint.status)} | ${both(r.wglint)} | ${fmtMB(r.wglint.rssKB)} | ${ratio(r.real.cpuMs / r.wglint.cpuMs)} | ${ipText} |`,
    );
  }
}
const s = results.startup;
lines.push('');
lines.push(`Start-up (${runs} interleaved runs, mean of the middle half, CPU time (wall)): \`node -e 0\` ${fmtMs(s.nodeMs)} (${fmtMs(s.nodeWallMs)}), ${fmtMB(s.nodeRssKB)}; \`wglint --format json wg0.conf\` (${s.via}${ok(s.status)}) ${fmtMs(s.wglintMs)} (${fmtMs(s.wglintWallMs)}), ${fmtMB(s.wglintRssKB)}: ${ratio(s.wglintMs / s.nodeMs)} of \`node -e 0\` in CPU time, ${ratio(s.wglintWallMs / s.nodeWallMs)} in wall time; the eager harness bundle (no lazy loading, no code cache) on the same file ${fmtMs(s.harnessMs)}${s.coldMs ? `; the CLI's first run after a build, which writes its code cache, ${fmtMs(s.coldMs)}` : ''}.`);
const f = results.fleet;
lines.push(`Fleet: ${f.configs} wg-quick configs in 100 host roots: ${via} ${both(f.wglint)}${ok(f.wglint.status)}, ${fmtMB(f.wglint.rssKB)}; in-process ${fmtMs(f.inProcess.totalCpuMs)} (${fmtMs(f.inProcess.totalCpuMs / f.configs)} per config).`);

// targets
const big = Math.max(...sizes);
const mid = sizes.includes(big / 10) ? big / 10 : undefined;
const target = (name, met, detail) => lines.push(`| ${name} | ${met === undefined ? 'not measured' : met ? '**met**' : '**missed**'} | ${detail} |`);
lines.push('');
lines.push('| target | result | measured |');
lines.push('| --- | --- | --- |');
for (const kind of ['nft', 'ipt']) {
  if (!mid) {
    target(`linear scaling (${kind})`, undefined, `needs sizes N and N/10`);
    continue;
  }
  const a = results[`${kind}-${mid}`].inProcess.totalCpuMs;
  const b = results[`${kind}-${big}`].inProcess.totalCpuMs;
  const wa = results[`${kind}-${mid}`].wglint.cpuMs;
  const wb = results[`${kind}-${big}`].wglint.cpuMs;
  target(`linear scaling, ${kind}: ${big.toLocaleString('en')} rules ≤ 12 × ${mid.toLocaleString('en')}`, b / a <= 12, `in-process parse + lint ${ratio(b / a)}; whole CLI process ${ratio(wb / wa)} (CPU time)`);
}
if (big >= 100000) {
  const n = results[`nft-${big}`];
  const i = results[`ipt-${big}`];
  const np = results[`nftplain-${big}`];
  target(
    `nft ${big.toLocaleString('en')} rules ≥ 50 × faster than \`nft -c\``,
    n.real.cpuMs / n.wglint.cpuMs >= 50 && n.real.status === 0,
    `${ratio(n.real.cpuMs / n.wglint.cpuMs)} (${fmtMs(n.real.cpuMs)} vs ${fmtMs(n.wglint.cpuMs)}); without anonymous sets ${ratio(np.real.cpuMs / np.wglint.cpuMs)} (${fmtMs(np.real.cpuMs)} vs ${fmtMs(np.wglint.cpuMs)})`,
  );
  const floor = results.iptFloor;
  target(
    `iptables-save ${big.toLocaleString('en')} rules no slower than \`iptables-restore --test\``,
    i.wglint.cpuMs <= i.real.cpuMs && i.real.status === 0,
    `${fmtMs(i.wglint.cpuMs)} vs ${fmtMs(i.real.cpuMs)} (${ratio(i.wglint.cpuMs / i.real.cpuMs)} of it)` +
      (floor ? `; splitting the lines into words and numbering the conditions alone (scripts/bench/ipt-floor.mjs, start-up included) ${fmtMs(floor.cpuMs)}, ${ratio(floor.cpuMs / i.real.cpuMs)} of it` : ''),
  );
  target(`peak memory at ${big.toLocaleString('en')} rules below \`nft -c\``, Math.max(n.wglint.rssKB, i.wglint.rssKB) < n.real.rssKB, `wglint ${fmtMB(n.wglint.rssKB)} (nft input), ${fmtMB(i.wglint.rssKB)} (iptables input); nft -c ${fmtMB(n.real.rssKB)}`);
} else {
  target('100k-rule targets', undefined, 'run without --quick');
}
target('one wg0.conf ≤ 2 × `node -e 0`', s.wglintMs <= 2 * s.nodeMs && (s.status === 0 || s.status === 1), `${ratio(s.wglintMs / s.nodeMs)} in CPU time (${fmtMs(s.wglintMs)} vs ${fmtMs(s.nodeMs)}), ${ratio(s.wglintWallMs / s.nodeWallMs)} in wall time, via ${s.via}`);

if (results.profiles) {
  for (const [kind, p] of Object.entries(results.profiles)) {
    lines.push('', `CPU profile of the harness on the ${big.toLocaleString('en')}-rule ${kind} input (${fmtMs(p.totalMs)} sampled), self time by module:`, '');
    for (const m of p.modules.slice(0, 6)) lines.push(`- ${m.name}: ${fmtMs(m.ms)} (${(m.share * 100).toFixed(0)}%)`);
    lines.push('', 'top functions:', '');
    for (const m of p.functions.slice(0, 8)) lines.push(`- ${m.name}: ${fmtMs(m.ms)} (${(m.share * 100).toFixed(0)}%)`);
  }
}

const report = lines.join('\n');
console.log(report);
writeFileSync(join(work, 'results.json'), JSON.stringify(results, (k, v) => (k === 'stdout' ? undefined : v), 2));
if (flag('--write')) {
  const doc = join(repoRoot, 'docs/performance.md');
  const text = readFileSync(doc, 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) log('docs/performance.md has no bench markers; not written');
  else {
    writeFileSync(doc, `${text.slice(0, i + begin.length)}\n${report}\n${text.slice(j)}`);
    log('wrote docs/performance.md');
  }
}
