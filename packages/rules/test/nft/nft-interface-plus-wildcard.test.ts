import { applyEdits } from '@wglint/core';
import { describe, expect, it } from 'vitest';
import { run, texts } from './helpers.js';

const ID = 'nft-interface-plus-wildcard';
const chain = (lines: string) => `table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n${lines}\n\t}\n}\n`;

describe(ID, () => {
  it('valid: nft\'s wildcard, exact names, and a + inside a name', () => {
    expect(run(ID, chain('\t\tiifname "wg*" accept\n\t\toifname "wg0" accept\n\t\tiifname { "eth0", "wg*" } accept\n\t\tiifname "a+b" accept\n\t\tmeta mark 1 accept'))).toEqual([]);
  });

  it('invalid: "wg+" (accepted by nft 1.0.6, matching only an interface named wg+), fixed to "wg*"', () => {
    const text = chain('\t\tiifname "wg+" accept\n\t\tmeta oifname { "eth0", "ppp+" } accept\n\t\tiifname vmap { "tun+" : accept }');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['"wg+"', '"ppp+"', '"tun+"']);
    expect(ds[0]!.message).toContain('`+` is the wildcard of iptables (`-i wg+`); nft\'s is `*`: `"wg*"`');
    const once = applyEdits(text, ds[0]!.fix!.edits).text;
    expect(once).toContain('\t\tiifname "wg*" accept\n');
    expect(run(ID, once)).toHaveLength(2);
  });
});
