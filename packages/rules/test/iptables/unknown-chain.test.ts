import { describe, expect, it } from 'vitest';
import { filter, run, table, texts } from './helpers.js';

const ID = 'iptables-unknown-chain';

describe(ID, () => {
  it('valid: declared user chains and built-ins', () => {
    expect(run(ID, filter(':WG - [0:0]', '-A FORWARD -j WG', '-A WG -s 10.8.0.0/24 -j ACCEPT', '-A WG -j RETURN'))).toEqual([]);
  });
  it('valid (near miss): targets are not chains, and -N creates a chain', () => {
    expect(run(ID, filter('-A INPUT -j LOG --log-prefix x', '-A INPUT -j NFQUEUE --queue-num 1', '-N WG', '-A WG -j ACCEPT'))).toEqual([]);
  });
  it('invalid: lowercase built-in, FORWARD in nat, undeclared jump target with a case hint', () => {
    const text = filter(':WG_IN - [0:0]', '-A input -j ACCEPT', '-A INPUT -j wg_in', '-A INPUT -j MISSING');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['input', 'wg_in', 'MISSING']);
    expect(ds[0]!.message).toMatch(/case-sensitive: use `INPUT'/);
    expect(ds[1]!.message).toMatch(/did you mean `WG_IN`/);
    expect(ds[2]!.message).toMatch(/Chain 'MISSING' does not exist/);
    expect(run(ID, table('nat', '-A FORWARD -j ACCEPT'))).toHaveLength(1);
  });
});
