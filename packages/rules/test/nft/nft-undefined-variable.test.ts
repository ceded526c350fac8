import { describe, expect, it } from 'vitest';
import { HUB, run, texts } from './helpers.js';

const ID = 'nft-undefined-variable';

describe(ID, () => {
  it('valid: defines at file level and in the table block, used after', () => {
    const text = `define wan = "eth0"
table inet f {
  define lan = "eth1"
  chain input {
    type filter hook input priority 0; policy accept;
    iifname $wan accept
    iifname $lan accept
  }
}
`;
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): a define from an included host file', () => {
    const files = {
      'etc/nftables.conf': 'include "/etc/nftables.d/*.nft"\ntable inet f {\n  chain input {\n    type filter hook input priority 0;\n    iifname $wan accept\n  }\n}\n',
      'etc/nftables.d/defs.nft': 'define wan = "eth0"\n',
    };
    expect(run(ID, files)).toEqual([]);
  });
  it('valid (near miss): an include the host does not have may define it', () => {
    expect(run(ID, 'include "/etc/nft-vars.nft"\ntable inet f {\n  chain c {\n    iifname $wan accept\n  }\n}\n')).toEqual([]);
  });
  it('valid (near miss): a define inside the chain block', () => {
    expect(run(ID, 'table inet f {\n  chain c {\n    define x = "lo"\n    iifname $x accept\n  }\n}\n')).toEqual([]);
  });
  it('valid (near miss): a define in a set or counter block binds in the table (nft opens no scope there)', () => {
    const text =
      'table inet f {\n  set s {\n    define x = 22\n    type inet_service\n    elements = { $x }\n  }\n  counter k {\n    define y = 23\n  }\n  chain c {\n    tcp dport $x tcp sport $y accept\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('invalid: used in a set block before the define that follows it there', () => {
    const text = 'table inet f {\n  set s {\n    type inet_service\n    elements = { $x }\n    define x = 22\n  }\n}\n';
    expect(texts(text, run(ID, text))).toEqual(['$x']);
  });
  it('invalid: a chain-block define used in another chain says the chain block is its scope', () => {
    const text = 'table inet f {\n  chain c {\n    define p = 22\n    tcp dport $p accept\n  }\n  chain d {\n    tcp dport $p accept\n  }\n}\n';
    const ds = run(ID, text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.range.start).toBe(text.lastIndexOf('$p'));
    expect(ds[0]!.message).toMatch(/in chain c of table inet f is visible only inside that chain block/);
  });
  it('valid (near miss): a fragment in a `.d` directory nobody in the host includes', () => {
    expect(run(ID, { 'etc/nftables.d/wg.nft': 'table inet f {\n  chain c {\n    iifname $wan accept\n  }\n}\n' })).toEqual([]);
  });
  it('invalid: the same fragment with a `#!/usr/sbin/nft -f` line is loaded on its own', () => {
    const text = '#!/usr/sbin/nft -f\ntable inet f {\n  chain c {\n    iifname $wan accept\n  }\n}\n';
    expect(texts({ 'etc/nftables.d/wg.nft': text }, run(ID, { 'etc/nftables.d/wg.nft': text }))).toEqual(['$wan']);
  });
  it('valid: the hub ruleset', () => {
    expect(run(ID, HUB)).toEqual([]);
  });
  it('invalid: never defined', () => {
    const text = 'define wan = "eth0"\ntable inet f {\n  chain c {\n    iifname $lan accept\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['$lan']);
    expect(ds[0]!.message).toMatch(/unknown identifier 'lan'.*add `define lan = …`/);
  });
  it('invalid: used before the define', () => {
    const text = 'table inet f {\n  chain c {\n    iifname $wan accept\n  }\n}\ndefine wan = "eth0"\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['$wan']);
    expect(ds[0]!.message).toMatch(/move `define wan` above its first use/);
  });
  it('invalid: a table-block define used in another table', () => {
    const text = 'table ip f {\n  define y = "lo"\n  chain c {\n    iifname $y accept\n  }\n}\ntable ip g {\n  chain c {\n    iifname $y accept\n  }\n}\n';
    const ds = run(ID, text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.range.start).toBe(text.lastIndexOf('$y'));
    expect(ds[0]!.message).toMatch(/visible only inside that table block/);
  });
  it('invalid: in a jump target and a device', () => {
    const text = 'table netdev n {\n  chain c {\n    type filter hook ingress device $dev priority 0;\n    jump $next\n  }\n}\n';
    expect(texts(text, run(ID, text))).toEqual(['$dev', '$next']);
  });
});
