// Summarises a V8 .cpuprofile of an esbuild bundle: self time per function, attributed to the
// source module the bundle took it from (esbuild writes a `// packages/x/src/y.ts` comment before
// each module's code when it does not minify).
import { readFileSync } from 'node:fs';

/** Line ranges of the bundle's modules: [{ line, module }] sorted by line (0-based). */
function moduleMap(bundlePath) {
  const lines = readFileSync(bundlePath, 'utf8').split('\n');
  const out = [];
  lines.forEach((l, i) => {
    const m = /^\/\/ ((?:packages|node_modules|scripts)\/\S+)$/.exec(l);
    if (m) out.push({ line: i, module: m[1] });
  });
  return out;
}

function moduleAt(map, line) {
  let lo = 0;
  let hi = map.length - 1;
  let best = '(bundle)';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid].line <= line) {
      best = map[mid].module;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best.replace(/^node_modules\/([^/]+)\/.*/, '$1 (dependency)');
}

/** Top `n` functions by self time, and self time per module, as markdown-ready rows. */
export function summarizeProfile(profilePath, bundlePath, n = 12) {
  const prof = JSON.parse(readFileSync(profilePath, 'utf8'));
  const map = moduleMap(bundlePath);
  const byId = new Map(prof.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const dt = prof.timeDeltas;
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0));
  }
  const fns = new Map();
  const mods = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    const cf = node.callFrame;
    total += us;
    const inBundle = cf.url && cf.url.endsWith(bundlePath.split('/').pop());
    const mod = inBundle ? moduleAt(map, cf.lineNumber) : cf.url ? cf.url.replace(/^.*\//, '') : `(${cf.functionName || 'native'})`;
    const key = `${cf.functionName || '(anonymous)'} — ${mod}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    mods.set(mod, (mods.get(mod) ?? 0) + us);
  }
  // inclusive time: a function's own samples plus its callees', counted once per call stack
  const incl = new Map();
  const keyOf = (node) => {
    const cf = node.callFrame;
    const inBundle = cf.url && cf.url.endsWith(bundlePath.split('/').pop());
    const mod = inBundle ? moduleAt(map, cf.lineNumber) : cf.url ? cf.url.replace(/^.*\//, '') : `(${cf.functionName || 'native'})`;
    return `${cf.functionName || '(anonymous)'} — ${mod}`;
  };
  const walk = (id, onStack) => {
    const node = byId.get(id);
    let total = self.get(id) ?? 0;
    const key = keyOf(node);
    const fresh = !onStack.has(key);
    if (fresh) onStack.add(key);
    for (const c of node.children ?? []) total += walk(c, onStack);
    if (fresh) {
      onStack.delete(key);
      incl.set(key, (incl.get(key) ?? 0) + total);
    }
    return total;
  };
  walk(prof.nodes[0].id, new Set());
  const top = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => ({ name: k, ms: us / 1000, share: total ? us / total : 0 }));
  return { totalMs: total / 1000, functions: top(fns), modules: top(mods), inclusive: top(incl) };
}
