import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dumpWgAst, getEntries, getInterfaceSection, getPeers, parseWgConfig } from '../src/index.js';

import { checkRanges } from './helpers.js';

const dir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.conf')).sort();
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');

describe('seed fixtures', () => {
  test('there are fixtures from every seed with wg configs', () => {
    expect(fixtures.filter((f) => f.startsWith('seed002')).length).toBeGreaterThanOrEqual(4);
    expect(fixtures.filter((f) => f.startsWith('seed003')).length).toBeGreaterThanOrEqual(1);
    expect(fixtures.filter((f) => f.startsWith('seed004')).length).toBeGreaterThanOrEqual(5);
  });

  test.each(fixtures)('%s parses with sound ranges (and no syntax problems unless blog-damaged)', (f) => {
    const text = read(f);
    const { ast, problems } = parseWgConfig(text, { interfaceName: 'wg0' });
    if (!f.includes('damaged')) expect(problems).toEqual([]);
    checkRanges(ast, text);
    expect(dumpWgAst(ast)).toMatchSnapshot();
  });

  test('seed 002 wg-a: interface, hooks and one peer', () => {
    const { ast } = parseWgConfig(read('seed002-wg-a.conf'), { interfaceName: 'wg-a' });
    expect(ast.interfaceName).toBe('wg-a');
    const iface = getInterfaceSection(ast)!;
    expect(getEntries(iface, 'Table')[0]!.value).toEqual({ kind: 'table', mode: 'number', table: 41 });
    expect(getEntries(iface, 'PreUp').map((e) => e.rawValue)).toEqual(['ip rule add from 10.200.200.1 table 41 priority 100']);
    expect(getEntries(iface, 'PostUp')[0]!.value).toMatchObject({ kind: 'hook', command: 'ip route add 10.100.100.1 dev %i' });
    expect(getEntries(iface, 'ListenPort')[0]!.value).toEqual({ kind: 'port', port: 51821, service: null, error: null });
    const peers = getPeers(ast);
    expect(peers).toHaveLength(1);
    expect(getEntries(peers[0], 'PublicKey')[0]!.value).toEqual({ kind: 'key', error: null });
    expect(getEntries(peers[0], 'AllowedIPs')[0]!.value).toMatchObject({ kind: 'cidr-list', items: [{ text: '10.0.0.1', prefix: 32, family: 4 }] });
  });

  test('seed 004 hub: two peers, comments kept in their sections', () => {
    const { ast } = parseWgConfig(read('seed004-hub-wg0.conf'));
    expect(ast.sections.map((s) => s.kind)).toEqual(['Interface', 'Peer', 'Peer']);
    expect(ast.preamble.map((i) => i.type)).toEqual(['WgComment']);
    const comments = ast.sections[0]!.items.filter((i) => i.type === 'WgComment').map((c) => (c.type === 'WgComment' ? c.text : ''));
    expect(comments).toEqual(['# packet forwarding', '# remote settings for the public server spoke']);
  });

  test('seed 003 (blog-damaged): lost headers make every wg line a refusal; values stay typed', () => {
    const text = read('seed003-wg-damaged.conf');
    const { ast, problems } = parseWgConfig(text);
    // The blog lost `[Interface]`/`[Peer]`: wg-quick passes everything to wg, which refuses it.
    expect(problems.map((p) => text.slice(p.range.start, p.range.end))).toEqual(['Address', 'PrivateKey', 'ListenPort', 'Endpoint', 'PublicKey', 'AllowedIPs']);
    expect(problems.every((p) => p.message.includes('comes before any section header'))).toBe(true);
    expect(ast.sections).toHaveLength(0);
    const byKey = Object.fromEntries(ast.preamble.flatMap((i) => (i.type === 'WgEntry' ? [[i.key, i.value]] : [])));
    expect(byKey['Address']).toEqual({ kind: 'empty' });
    expect(byKey['AllowedIPs']).toEqual({ kind: 'empty' });
    expect(byKey['PublicKey']).toEqual({ kind: 'key', error: 'length' });
    expect(byKey['Endpoint']).toMatchObject({ kind: 'endpoint', port: '51821', hostKind: 'hostname' });
  });
});
