// Runs the examples of docs/builder.md: every `ts` block directly followed by an output block
// must produce exactly that output in its `text` variable. Outputs also go through the parsers.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectCommandClean, expectNftClean, expectSaveClean, expectSysctlClean, expectWgAccepted, expectWgClean, iptRestoreTest, nftCheck, realToolMissing } from './support.js';

const here = dirname(fileURLToPath(import.meta.url));
const doc = readFileSync(resolve(here, '../../../docs/builder.md'), 'utf8');
const index = resolve(here, '../src/index.ts');

interface Example {
  readonly code: string;
  readonly lang: string;
  readonly output: string;
  readonly line: number;
}

function examples(): Example[] {
  const out: Example[] = [];
  const re = /```ts\n((?:(?!```)[\s\S])*)```\n\s*```(\w+)\n((?:(?!```)[\s\S])*)```/g;
  for (let m = re.exec(doc); m; m = re.exec(doc)) {
    out.push({ code: m[1]!, lang: m[2]!, output: m[3]!, line: doc.slice(0, m.index).split('\n').length });
  }
  return out;
}

const all = examples();
const dir = mkdtempSync(join(tmpdir(), 'wglint-builder-docs-'));

describe('docs/builder.md examples', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has examples for every builder', () => {
    expect(all.length).toBeGreaterThanOrEqual(7);
  });

  it.each(all.map((e) => [`line ${e.line}`, e] as const))('%s', async (_name, e) => {
    const file = join(dir, `example-${e.line}.ts`);
    const source = [
      `import { wgConfig, hookPair, pairedHooks, nft, match, verdict, stmt, ref, ipt, iptablesSave, sysctlFile, BuilderError } from ${JSON.stringify(index)};`,
      e.code,
      'export { text };',
    ].join('\n');
    writeFileSync(file, source);
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { text: string };
    // files end with one newline; one-line outputs (messages, commands) have none
    const isFile = /\n./.test(mod.text) && !mod.text.startsWith('{');
    expect(mod.text).toBe(isFile ? e.output : e.output.replace(/\n$/, ''));
    if (e.lang === 'nft') {
      expectNftClean(mod.text);
      // real-tool availability is announced loudly by real-tools.test.ts
      if (realToolMissing('nft') === null) expect(nftCheck(mod.text).stderr).toBe('');
    }
    if (mod.text.startsWith('[Interface]')) {
      expectWgClean(mod.text);
      if (realToolMissing('wg') === null) expectWgAccepted(mod.text);
    }
    if (mod.text.startsWith('# WireGuard')) expectSysctlClean(mod.text);
    if (mod.text.startsWith('*')) {
      expectSaveClean(mod.text, 'ipv4');
      if (realToolMissing('iptables-restore') === null) expect(iptRestoreTest(mod.text, 'ipv4').status).toBe(0);
    }
    if (mod.text.startsWith('iptables ')) expectCommandClean(mod.text);
  });
});
