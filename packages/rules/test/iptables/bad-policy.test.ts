import { describe, expect, it } from 'vitest';
import { run, table, texts } from './helpers.js';

const ID = 'iptables-bad-policy';

describe(ID, () => {
  it('valid: ACCEPT/DROP on built-ins, - on user chains and built-ins', () => {
    expect(run(ID, table('filter', ':INPUT DROP [0:0]', ':FORWARD ACCEPT [0:0]', ':OUTPUT - [0:0]', ':WG - [0:0]'))).toEqual([]);
  });
  it('valid (near miss): DROP in nat is iptables-drop-in-nat, not this rule', () => {
    expect(run(ID, table('nat', ':PREROUTING DROP [0:0]'))).toEqual([]);
  });
  it('invalid: REJECT and lowercase policies, a policy on a user chain, FORWARD in nat', () => {
    const text = table('filter', ':INPUT REJECT [0:0]', ':FORWARD drop [0:0]', ':WG ACCEPT [0:0]');
    const ds = run(ID, text);
    expect(texts(text, ds)).toEqual(['REJECT', 'drop', 'ACCEPT']);
    expect(ds[0]!.message).toMatch(/policy DROP and end the chain with an explicit `-j REJECT`/);
    expect(ds[2]!.message).toMatch(/not a built-in chain/);
    const nat = table('nat', ':FORWARD ACCEPT [0:0]');
    expect(run(ID, nat)[0]!.message).toMatch(/`FORWARD` is not a built-in chain of the nat table/);
  });
});

describe(`${ID} in hooks`, () => {
  const KEY = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEE=';
  const conf = (up: string) => `[Interface]\nPrivateKey = ${KEY}\nAddress = 10.8.0.1/24\nPostUp = ${up}\n`;
  it('valid: iptables -P FORWARD DROP', () => {
    expect(run(ID, { 'etc/wireguard/wg0.conf': conf('iptables -P FORWARD DROP') })).toEqual([]);
  });
  it('invalid: iptables -P INPUT REJECT', () => {
    const files = { 'etc/wireguard/wg0.conf': conf('iptables -P INPUT REJECT') };
    const ds = run(ID, files);
    expect(texts(files, ds)).toEqual(['REJECT']);
    expect(ds[0]!.message).toMatch(/^Bad policy name/);
  });
});
