import { test } from 'vitest';
import { parseNftCommandLine, parseNft } from '../../packages/nft/src/index.js';
import { loadRules, ruleCommand, isSyntaxFailure, loadManifest, readCorpusFile } from './nft-corpus.js';
test('probe', () => {
  const rules = loadRules().filter((r) => !r.disabled);
  const ok = rules.filter((r) => r.expect === 'ok');
  const bad = ok.filter((r) => parseNftCommandLine(ruleCommand(r)).problems.length > 0);
  console.log('ok parse', ok.length - bad.length, '/', ok.length);
  for (const r of bad.slice(0, 80)) console.log('OKFAIL', r.rule, '=>', parseNftCommandLine(ruleCommand(r)).problems[0]!.message);
  const syn = rules.filter((r) => r.expect === 'fail' && isSyntaxFailure(r));
  const missed = syn.filter((r) => parseNftCommandLine(ruleCommand(r)).problems.length === 0);
  console.log('syntax fail flagged', syn.length - missed.length, '/', syn.length);
  for (const r of missed) console.log('MISSED', r.rule);
  const dumps = loadManifest('nft-dumps').filter((m) => m.format !== 'json');
  let clean = 0;
  for (const m of dumps) {
    const p = parseNft(readCorpusFile('nft-dumps', m.file)).problems;
    if (p.length === 0) clean++;
    else console.log('DUMP', m.file, JSON.stringify(p[0]));
  }
  console.log('dumps clean', clean, '/', dumps.length);
});
test('bogons', async () => {
  const m = await import('./nft-corpus.js');
  const files = m.listCorpus('nft-bogons');
  let rej = 0;
  for (const f of files) {
    const t0 = Date.now();
    const p = parseNft(m.readCorpusFile('nft-bogons', f)).problems;
    const dt = Date.now() - t0;
    if (p.length) rej++; else console.log('BOGON-ACCEPTED', f);
    if (dt > 200) console.log('SLOW', f, dt);
  }
  console.log('bogons rejected', rej, '/', files.length);
});
