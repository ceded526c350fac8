// iptables-unknown-chain on hook commands: only names nobody else can have created.
import { lintTexts } from '@wglint/engine';
import { describe, expect, it } from 'vitest';

const ID = 'iptables-unknown-chain';
const CONF = 'etc/wireguard/wg0.conf';
const KEY = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
const wg = (hooks: string) => `[Interface]\nPrivateKey = ${KEY}\nAddress = 10.8.0.1/24\n${hooks}\n`;
const run = (files: Record<string, string>) => lintTexts(files).filter((d) => d.ruleId === ID);
const at = (text: string, d: { range: { start: number; end: number } }) => text.slice(d.range.start, d.range.end);

describe(`${ID} in hooks`, () => {
  it.each([
    ['built-in chains of the right table', 'PostUp = iptables -A FORWARD -i %i -j ACCEPT; iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE'],
    ['a chain docker or a script may create (DOCKER-USER)', 'PostUp = iptables -I DOCKER-USER -i %i -j ACCEPT\nPostDown = iptables -D DOCKER-USER -i %i -j ACCEPT'],
    ['a user chain created with -N', 'PostUp = iptables -N forward; iptables -A forward -j ACCEPT; iptables -A FORWARD -j forward'],
    ['a user chain in lowercase jumped to after -N', 'PostUp = iptables -N accept; iptables -A FORWARD -j accept'],
    ['an up script may create anything', 'PostUp = /etc/wireguard/fw.sh; iptables -A forward -j ACCEPT'],
  ])('valid: %s', (_n, hooks) => {
    expect(run({ [CONF]: wg(hooks) })).toEqual([]);
  });
  it('valid: a chain the dump declares', () => {
    const files = { [CONF]: wg('PostUp = iptables -A forward_wg -j ACCEPT'), 'etc/iptables/rules.v4': '*filter\n:forward_wg - [0:0]\nCOMMIT\n' };
    expect(run(files)).toEqual([]);
  });
  it.each([
    ['a built-in chain in the wrong case', 'PostUp = iptables -A forward -i %i -j ACCEPT', 'forward', /case-sensitive, write `FORWARD`/],
    ['POSTROUTING without -t nat', 'PostUp = iptables -A POSTROUTING -o eth0 -j MASQUERADE', 'POSTROUTING', /built-in chain of the nat\/mangle tables; add `-t nat`/],
    ['FORWARD in the nat table', 'PostUp = iptables -t nat -A FORWARD -i %i -j ACCEPT', 'FORWARD', /built-in chain of the filter\/mangle\/security tables/],
    ['a standard target in lowercase', 'PostUp = iptables -A FORWARD -i %i -j accept', 'accept', /targets are case-sensitive, write `ACCEPT`/],
  ])('invalid: %s', (_n, hooks, word, message) => {
    const text = wg(hooks);
    const ds = run({ [CONF]: text });
    expect(ds.map((d) => at(text, d))).toEqual([word]);
    expect(ds[0]!.message).toMatch(message);
  });
});
