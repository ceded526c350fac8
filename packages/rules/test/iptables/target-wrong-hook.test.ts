import { describe, expect, it } from 'vitest';
import { run, table, texts } from './helpers.js';

const ID = 'iptables-target-wrong-hook';

describe(ID, () => {
  it('valid: SNAT in POSTROUTING/INPUT, DNAT in PREROUTING/OUTPUT, clamping in FORWARD', () => {
    expect(run(ID, table('nat', '-A POSTROUTING -j SNAT --to-source 1.2.3.4', '-A INPUT -j SNAT --to-source 1.2.3.4', '-A OUTPUT -j DNAT --to-destination 10.0.0.1'))).toEqual([]);
    expect(run(ID, table('mangle', '-A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu'))).toEqual([]);
  });
  it('valid (near miss): TCPMSS --set-mss works in any chain', () => {
    expect(run(ID, table('mangle', '-A PREROUTING -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1380'))).toEqual([]);
  });
  it('invalid: SNAT in PREROUTING, MASQUERADE in OUTPUT, clamping in PREROUTING', () => {
    const text = table('nat', '-A PREROUTING -j SNAT --to-source 1.2.3.4', '-A OUTPUT -j MASQUERADE');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['SNAT', 'MASQUERADE']);
    expect(ds[0]!.message).toMatch(/POSTROUTING/);
    expect(run(ID, table('mangle', '-A PREROUTING -p tcp -j TCPMSS --clamp-mss-to-pmtu'))).toHaveLength(1);
  });
});
