import { describe, expect, it } from 'vitest';
import { HUB, run, texts } from './helpers.js';

const ID = 'nft-unreferenced-chain';

describe(ID, () => {
  it('valid: every regular chain is a jump/goto/vmap target', () => {
    expect(run(ID, HUB)).toEqual([]);
  });
  it('valid (near miss): a base chain needs no jump', () => {
    expect(run(ID, 'table inet f {\n  chain input {\n    type filter hook input priority 0;\n  }\n}\n')).toEqual([]);
  });
  it('valid (near miss): jumped to from a hook command', () => {
    const files = {
      'etc/nftables.conf': 'table inet f {\n  chain wg_in {\n    accept\n  }\n}\n',
      'etc/wireguard/wg0.conf': "[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\nPostUp = nft add rule inet f input iifname %i jump wg_in\n",
    };
    expect(run(ID, files)).toEqual([]);
  });
  it('valid (near miss): a jump through an unresolved variable may reach it', () => {
    const text = 'include "/etc/vars.nft"\ntable inet f {\n  chain input {\n    type filter hook input priority 0;\n    jump $target\n  }\n  chain a {\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): jumped to from another nft file of the host (loaded on its own)', () => {
    const files = {
      'etc/nftables.conf': 'table inet f {\n  chain wg_in {\n    accept\n  }\n}\n',
      'etc/wireguard/wg0.nft': '#!/usr/sbin/nft -f\nadd rule inet f input iifname "wg0" jump wg_in\n',
    };
    expect(run(ID, files)).toEqual([]);
  });
  it('invalid: a regular chain nothing jumps to', () => {
    const text = 'table inet f {\n  chain input {\n    type filter hook input priority 0;\n  }\n  chain wg_in {\n    accept\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['wg_in']);
    expect(ds[0]!.severity).toBe('info');
    expect(ds[0]!.message).toMatch(/add `jump wg_in`/);
  });
});
