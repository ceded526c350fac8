import { describe, expect, it } from 'vitest';
import { HUB, SEED_002, run, texts } from './helpers.js';

const ID = 'nft-statement-after-terminal';

describe(ID, () => {
  it('valid: realistic rulesets', () => {
    expect(run(ID, HUB)).toEqual([]);
    expect(run(ID, SEED_002)).toEqual([]);
  });
  it('valid (near miss): counter before accept, statements after vmap and continue', () => {
    const text = 'table ip f {\n  chain c {\n    tcp dport 22 counter accept\n    tcp dport vmap { 22 : accept } counter\n    continue\n    log prefix "x" drop\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('invalid: accept counter, masquerade accept, jump counter', () => {
    const text = 'table ip f {\n  chain c {\n    tcp dport 22 accept counter\n    masquerade accept\n    jump d counter\n  }\n  chain d {\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['counter', 'accept', 'counter']);
    expect(ds[0]!.message).toMatch(/after the terminal `accept`.*move it before `accept`/);
  });
  it('invalid: in a command-form rule and inside an anonymous chain (separate rules there are fine)', () => {
    const text = 'add rule inet f c reject counter\nadd rule inet f c jump { drop; counter; }\nadd rule inet f c jump { ip saddr 10.0.0.1 accept log; }\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['counter', 'log']);
  });
});
