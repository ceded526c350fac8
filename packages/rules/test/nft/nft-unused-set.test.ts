import { describe, expect, it } from 'vitest';
import { HUB, run, texts } from './helpers.js';

const ID = 'nft-unused-set';

describe(ID, () => {
  it('valid: sets and maps used by match, vmap and set statements', () => {
    expect(run(ID, HUB)).toEqual([]);
    const text = 'table ip f {\n  set seen {\n    type ipv4_addr\n    flags dynamic\n  }\n  map m {\n    type ipv4_addr : ipv4_addr\n  }\n  chain c {\n    type nat hook prerouting priority dstnat;\n    add @seen { ip saddr }\n    dnat to ip saddr map @m\n  }\n}\n';
    expect(run(ID, text)).toEqual([]);
  });
  it('valid (near miss): filled and used by a WireGuard hook', () => {
    const files = {
      'etc/nftables.conf': 'table inet f {\n  set peers {\n    type ipv4_addr\n  }\n}\n',
      'etc/wireguard/wg0.conf': "[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\nPostUp = nft add rule inet f input ip saddr @peers accept\nPostDown = nft flush chain inet f input\n",
    };
    expect(run(ID, files)).toEqual([]);
  });
  it('invalid: a set nothing references', () => {
    const text = 'table inet f {\n  set old_admins {\n    type ipv4_addr\n    elements = { 10.0.0.1 }\n  }\n  chain c {\n    type filter hook input priority 0;\n    accept\n  }\n}\n';
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['old_admins']);
    expect(ds[0]!.severity).toBe('info');
    expect(ds[0]!.message).toMatch(/never used as `@old_admins`/);
  });
});
