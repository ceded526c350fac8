import { applyEdits } from '@wglint/core';
import { describe, expect, it } from 'vitest';
import { HUB, NFT, SEED_002, run, texts } from './helpers.js';

const ID = 'nft-duplicate-define';

describe(ID, () => {
  it('valid: the hub ruleset and seed 002', () => {
    expect(run(ID, HUB)).toEqual([]);
    expect(run(ID, SEED_002)).toEqual([]);
  });
  it('valid (near miss): `redefine` changes a value, `undefine` frees the name', () => {
    const text = 'define p = 22\nredefine p = 23\nundefine p\ndefine p = 24\ntable inet f {\n  chain c {\n    tcp dport $p accept\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): the same name in two sibling tables, and in two chains', () => {
    const text =
      'table inet a {\n  define p = 1\n  chain c {\n    define q = 1\n    tcp dport $p tcp sport $q accept\n  }\n  chain d {\n    define q = 2\n    tcp sport $q accept\n  }\n}\n' +
      'table inet b {\n  define p = 2\n  chain c {\n    tcp dport $p accept\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): a file with syntax problems (a lost line may be an `undefine`)', () => {
    expect(run(ID, 'define p = 22\nundefine p p\ndefine p = 23\n')).toEqual([]);
  });
  it('invalid: `define` twice at the top of the file, with a fix to `redefine`', () => {
    const text = 'define p = 22\ndefine p = 23\ntable inet f {\n  chain c {\n    tcp dport $p accept\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['p']);
    expect(ds[0]!.range.start).toBe(text.lastIndexOf('p = 23'));
    expect(ds[0]!.severity).toBe('error');
    expect(ds[0]!.message).toMatch(/already defined \(line 1\).*redefinition of symbol 'p'/);
    expect(applyEdits(text, ds[0]!.fix!.edits).text).toBe(text.replace('define p = 23', 'redefine p = 23'));
  });
  it('invalid: a chain-block define of a name the file defines (nft looks through every enclosing block)', () => {
    const text = 'define p = 22\ntable inet f {\n  chain c {\n    define p = 23\n    tcp dport $p accept\n  }\n}\n';
    expect(texts(text, run(ID, text))).toEqual(['p']);
  });
  it('invalid: a define in a set block binds in the table, so a second one there repeats it', () => {
    const text = 'table inet f {\n  define x = 22\n  set s {\n    define x = 23\n    type inet_service\n    elements = { $x }\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['x']);
    expect(ds[0]!.message).toMatch(/line 2, in table inet f/);
  });
  it('invalid: the first define in an included file is named by path', () => {
    const files = { [NFT]: 'include "/etc/defs.nft"\ndefine wan = "eth1"\n', 'etc/defs.nft': 'define wan = "eth0"\n' };
    const ds = run(ID, files);
    expect(texts(files, ds)).toEqual(['wan']);
    expect(ds[0]!.message).toMatch(/already defined \(etc\/defs\.nft:1\)/);
  });
});
