import { describe, expect, it } from 'vitest';
import { HUB, run, texts } from './helpers.js';

const ID = 'nft-undefined-chain';

describe(ID, () => {
  it('valid: forward reference inside a table block (nft accepts it)', () => {
    const text = 'table inet f {\n  chain input {\n    type filter hook input priority 0;\n    jump later\n  }\n  chain later {\n    accept\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): a jump into a table this file only extends', () => {
    expect(run(ID, 'add rule inet filter input jump wg_in\n')).toEqual([]);
  });
  it('valid (near miss): jump $var resolved through a define', () => {
    const text = 'define next = "later"\ntable inet f {\n  chain c {\n    type filter hook input priority 0;\n    jump $next\n  }\n  chain later {\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): a file a hook loads jumps into a chain the boot ruleset declares', () => {
    const files = {
      'etc/nftables.conf': 'table inet f {\n  chain wg_in {\n    accept\n  }\n}\n',
      'etc/wireguard/wg0.nft': '#!/usr/sbin/nft -f\ntable inet f {\n  chain fwd_wg {\n    type filter hook forward priority 0;\n    jump wg_in\n  }\n}\n',
    };
    expect(run(ID, files)).toEqual([]);
  });
  it('valid: the hub ruleset (verdict map jumps)', () => {
    expect(run(ID, HUB)).toEqual([]);
  });
  it('invalid: jump to a missing chain', () => {
    const text = 'table inet f {\n  chain input {\n    type filter hook input priority 0;\n    iifname "wg0" jump wg_in\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['wg_in']);
    expect(ds[0]!.message).toMatch(/no chain `wg_in` in table inet f/);
  });
  it('invalid: goto into another table, and a verdict-map jump', () => {
    const text = 'table ip a {\n  chain x {\n  }\n}\ntable ip b {\n  chain c {\n    type filter hook input priority 0;\n    goto x\n    iifname vmap { "lo" : jump y }\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['x', 'jump y']);
    expect(ds[0]!.message).toMatch(/cannot leave its table/);
  });
});
