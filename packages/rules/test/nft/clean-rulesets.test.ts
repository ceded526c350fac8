// Realistic, correct rulesets (seeds, examples, a hub) stay clean under every nft rule.
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/nft/index.js';
import { NFT, realistic, run } from './helpers.js';

describe('nft rules on realistic rulesets', () => {
  const cases = realistic();
  it('has the seeds, the hub and at least one example', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });
  it.each(cases)('%s: no nft rule fires', (_name, text) => {
    for (const r of rules) expect(run(r.meta.id, { [NFT]: text }), r.meta.id).toEqual([]);
  });
  it('a suppression comment silences an nft rule on the next line', () => {
    const text = 'table inet f {\n  chain c {\n    type filter hook input priority 0;\n    accept\n    # wglint-disable-next-line nft-unreachable-rule -- kept for documentation\n    udp dport 51820 accept\n  }\n}\n';
    expect(run('nft-unreachable-rule', { [NFT]: text })).toEqual([]);
    expect(run('unused-suppression', { [NFT]: text })).toEqual([]);
  });
  it('the rules are registered sorted by id with unique ids', () => {
    const ids = rules.map((r) => r.meta.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) expect(r.meta.languages).toEqual(['nft']);
  });
});
