// The emitted texts, checked by the real tools in a throw-away network namespace. Needs root
// (CI runs it so); otherwise the tests are skipped with a loud banner.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ipt, iptablesSave, match, nft, stmt, verdict, wgConfig } from '../src/index.js';
import { exampleRules, exampleRuleset } from './examples.js';
import { announceSkip, expectWgAccepted, iptRestoreAndSave, iptRestoreTest, nftCheck, realToolMissing, runCommandsAndSave, testKey, wgSetconf } from './support.js';

const nftMissing = realToolMissing('nft');
const iptMissing = realToolMissing('iptables-restore') ?? realToolMissing('ip6tables-restore');
const wgMissing = realToolMissing('wg');
announceSkip('nft -c', nftMissing);
announceSkip('iptables-restore / ip6tables-restore', iptMissing);
announceSkip('wg setconf', wgMissing);

describe.skipIf(nftMissing !== null)('real nft accepts the builder output', () => {
  it('nft -c -f accepts the example ruleset', () => {
    const r = nftCheck(exampleRuleset());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('nft -c -f accepts every priority spelling the builder prints', () => {
    const t = nft.table('inet', 'prio');
    t.chain('a', { type: 'nat', hook: 'output', priority: -100 }).rule(match.tcp.dport(25), stmt.redirect({ port: 2525 }));
    t.chain('b', { type: 'nat', hook: 'input', priority: 100 }).rule(match.ip.saddr('10.0.0.0/8'), stmt.snat({ to: '10.0.0.1' }));
    t.chain('c', { type: 'filter', hook: 'prerouting', priority: -145 });
    t.chain('d', { type: 'route', hook: 'output', priority: 'mangle' }).rule(stmt.meta.setMark(1));
    const r = nftCheck(t.print());
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('nft 1.0.x refuses `priority dstnat` on output, so the builder prints a number there', () => {
    // why the builder does not reuse printPriority's `dstnat` naming for nat output chains
    const text = nft.table('ip', 'n').chain('o', { type: 'nat', hook: 'output', priority: -100 }).print();
    expect(text).toContain('priority -100;');
    const named = nftCheck(text.replace('priority -100;', 'priority dstnat;'));
    const [major, minor, patch] = nftVersion();
    const old = major < 1 || (major === 1 && minor === 0 && patch < 9);
    expect(named.status !== 0).toBe(old);
  });

  it('real nft refuses what the builder refuses (sanity check of the oracle)', () => {
    // a statement after a verdict: the builder throws; nft agrees
    const bad = 'table inet t {\n\tchain c {\n\t\taccept counter\n\t}\n}\n';
    expect(nftCheck(bad).status).not.toBe(0);
    expect(() => nft.table('inet', 't').chain('c').rule(verdict.accept(), stmt.counter())).toThrow(/terminal/);
  });
});

/** `nft --version` as [major, minor, patch]. */
function nftVersion(): [number, number, number] {
  const out = spawnSync('nft', ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const m = /v(\d+)\.(\d+)\.(\d+)/.exec(out);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
}

describe.skipIf(iptMissing !== null)('real iptables accepts the builder output', () => {
  it('iptables-restore --test accepts the example dump', () => {
    const text = iptablesSave(exampleRules(), { policies: { filter: { INPUT: 'DROP' } } });
    const r = iptRestoreTest(text, 'ipv4');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('a real restore + iptables-save gives back exactly the builder text (canonical form)', () => {
    const text = iptablesSave(exampleRules(), { policies: { filter: { INPUT: 'DROP', FORWARD: 'DROP' } } });
    const r = iptRestoreAndSave(text, 'ipv4');
    expect(r.stderr).toBe('');
    expect(sortTables(r.stdout)).toEqual(sortTables(text));
  });

  it('ip6tables: restore + save round-trips', () => {
    const rules = [
      ipt.rule({ table: 'filter', chain: 'INPUT', family: 'ipv6' }).source('fd00::/64').protocol('udp').dport(51820).reject(),
      ipt.rule({ table: 'filter', chain: 'INPUT', family: 'ipv6' }).protocol('ipv6-icmp').accept(),
      ipt.rule({ table: 'nat', chain: 'PREROUTING', family: 'ipv6' }).protocol('udp').dport(53).dnat('fd00::2', 5353),
      ipt.rule({ table: 'nat', chain: 'POSTROUTING', family: 'ipv6' }).destination('2001:db8::1').snat('2001:db8::2'),
    ];
    const text = iptablesSave(rules);
    expect(iptRestoreTest(text, 'ipv6').status).toBe(0);
    const r = iptRestoreAndSave(text, 'ipv6');
    expect(r.stderr).toBe('');
    expect(sortTables(r.stdout)).toEqual(sortTables(text));
  });

  it('shell commands run by bash load the same rules, and the derived -D commands remove them', () => {
    const rules = exampleRules().filter((r) => r.chain !== 'WG_IN' && r.jumpChain === undefined);
    const up = rules.map((r) => r.hooks().up);
    const down = rules.map((r) => r.hooks().down).reverse();
    const loaded = runCommandsAndSave(up, 'ipv4');
    expect(loaded.stderr).toBe('');
    for (const r of rules) expect(loaded.stdout).toContain(`${r.saveLine()}\n`);
    const removed = runCommandsAndSave([...up, ...down], 'ipv4');
    expect(removed.stderr).toBe('');
    expect(removed.stdout).not.toMatch(/^-A /m);
  });
});

/** iptables-save's table order is not fixed: compare table blocks as a set. */
function sortTables(text: string): string[] {
  return text
    .split(/(?=^\*)/m)
    .map((b) => b.trim())
    .filter(Boolean)
    .sort();
}

describe.skipIf(wgMissing !== null)('real wg parses the builder output', () => {
  it('wg setconf gets past parsing (fails only at the missing interface)', () => {
    const text = wgConfig({
      interface: { privateKey: testKey(7), address: ['10.8.0.1/24'], listenPort: 51820, fwMark: 0xca6c, table: 'off', mtu: 1420, dns: ['1.1.1.1'], postUp: ['true'] },
      peers: [
        { publicKey: testKey(8), presharedKey: testKey(9), allowedIPs: ['10.8.0.2/32', 'fd00::/64'], endpoint: { host: '2001:db8::1', port: 51820 }, persistentKeepalive: 25 },
        { publicKey: testKey(10), allowedIPs: ['0.0.0.0/0'], endpoint: '192.0.2.1:51820', persistentKeepalive: 'off' },
      ],
    });
    expectWgAccepted(text);
  });

  it('the oracle does report parse errors (so the check above means something)', () => {
    const r = wgSetconf(`[Interface]\nPrivateKey = ${testKey(7)}\nListenPort =\n`);
    expect(r.stderr).toMatch(/Line unrecognized|Configuration parsing error/);
  });
});
