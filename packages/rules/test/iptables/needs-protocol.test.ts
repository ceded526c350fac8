import { describe, expect, it } from 'vitest';
import { filter, run, table, texts } from './helpers.js';

const ID = 'iptables-needs-protocol';

describe(ID, () => {
  it('valid: TCPMSS and tcp-reset with -p tcp', () => {
    expect(run(ID, filter('-A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu', '-A INPUT -p tcp -j REJECT --reject-with tcp-reset'))).toEqual([]);
  });
  it('valid (near miss): REJECT with an ICMP type needs no protocol', () => {
    expect(run(ID, filter('-A INPUT -j REJECT --reject-with icmp-port-unreachable'))).toEqual([]);
  });
  it('invalid: TCPMSS without -p tcp (facts IPT005), tcp-reset without -p tcp, TPROXY without a protocol', () => {
    const text = filter('-A FORWARD -j TCPMSS --clamp-mss-to-pmtu', '-A INPUT -j REJECT --reject-with tcp-reset');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['TCPMSS', '--reject-with tcp-reset']);
    expect(ds[0]!.message).toMatch(/-p tcp/);
    expect(run(ID, table('mangle', '-A PREROUTING -j TPROXY --on-port 1234'))).toHaveLength(1);
  });
});
