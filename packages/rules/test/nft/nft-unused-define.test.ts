import { describe, expect, it } from 'vitest';
import { HUB, run, texts } from './helpers.js';

const ID = 'nft-unused-define';

describe(ID, () => {
  it('valid: every define used (also inside another define and a set)', () => {
    const text = 'define a = 10.0.0.1\ndefine nets = { $a, 10.0.0.2 }\ntable ip f {\n  set s {\n    type ipv4_addr\n    elements = { $a }\n  }\n  chain c {\n    ip saddr $nets accept\n    ip saddr @s accept\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): used only by a file that includes this one', () => {
    const files = {
      'etc/nftables.conf': 'include "defs.nft"\ntable inet f {\n  chain c {\n    iifname $wan accept\n  }\n}\n',
      'etc/defs.nft': 'define wan = "eth0"\n',
    };
    expect(run(ID, files)).toEqual([]);
  });
  it('valid (near miss): an unresolvable include may use it', () => {
    expect(run(ID, 'define wan = "eth0"\ninclude "/etc/nftables.d/*.nft"\n')).toEqual([]);
  });
  it('valid (near miss): defines offered to a drop-in directory that resolves (fw4 declares zone defines before its include)', () => {
    const files = {
      'etc/fw4.nft':
        'table inet fw4 {\n  define lan_devices = { "br-lan" }\n  define wan_devices = { "eth1" }\n  include "/etc/nftables.d/*.nft"\n' +
        '  chain input {\n    type filter hook input priority filter; policy drop;\n  }\n}\n',
      'etc/nftables.d/10-custom-filter-chains.nft': '## comments only, as fw4 ships it\n',
    };
    expect(run(ID, files)).toEqual([]);
  });
  it('invalid: a define after the drop-in include, or in another table, is not offered to it', () => {
    const files = {
      'etc/nftables.conf':
        'table inet f {\n  include "/etc/nftables.d/*.nft"\n  define late = 1\n  chain c {\n    type filter hook input priority 0;\n  }\n}\n' +
        'table ip g {\n  define other = 2\n}\n',
      'etc/nftables.d/a.nft': '# nothing\n',
    };
    expect(texts(files['etc/nftables.conf'], run(ID, files))).toEqual(['late', 'other']);
  });
  it('valid: the hub ruleset', () => {
    expect(run(ID, HUB)).toEqual([]);
  });
  it('invalid: a define nobody uses', () => {
    const text = 'define wan = "eth0"\ndefine lan = "eth1"\ntable inet f {\n  chain c {\n    iifname $wan accept\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['lan']);
    expect(ds[0]!.severity).toBe('info');
    expect(ds[0]!.message).toMatch(/never used as `\$lan`/);
  });
});
