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
