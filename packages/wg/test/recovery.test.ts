import { describe, expect, test } from 'vitest';
import { getEntries, getInterfaceSection, getPeers, parseWgConfig } from '../src/index.js';
import { checkRanges } from './helpers.js';
import { KEYS } from './keys.js';

const GOOD_PEER = `[Peer]\nPublicKey = ${KEYS[1].public}\nAllowedIPs = 10.0.0.2/32\n`;

/** Parses, checks ranges, and returns the result. */
function parse(text: string) {
  const r = parseWgConfig(text);
  checkRanges(r.ast, text);
  for (const p of r.problems) {
    expect(p.range.start).toBeGreaterThanOrEqual(0);
    expect(p.range.end).toBeLessThanOrEqual(text.length);
  }
  return r;
}

describe('broken lines never hide the rest', () => {
  test('key without `=` (key-without-equals)', () => {
    const text = `[Interface]\nPostUp iptables -A FORWARD -i %i -j ACCEPT\nListenPort = 51820\n${GOOD_PEER}`;
    const { ast, problems } = parse(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('Expected `=` after key `PostUp`: write `PostUp = iptables -A FORWARD -i %i -j ACCEPT`.');
    expect(text.slice(problems[0]!.range.start, problems[0]!.range.end)).toBe('PostUp iptables -A FORWARD -i %i -j ACCEPT');
    expect(getEntries(getInterfaceSection(ast), 'ListenPort')).toHaveLength(1);
    expect(getPeers(ast)).toHaveLength(1);
  });

  test('key without `=` whose value has an `=` (sysctl assignment)', () => {
    const { problems } = parse('[Interface]\nPostUp sysctl -w net.ipv4.ip_forward=1\n');
    expect(problems.map((p) => p.message)).toEqual(['Expected `=` after key `PostUp`: write `PostUp = sysctl -w net.ipv4.ip_forward`.']);
  });

  test('a private key without `=` is reported without echoing the key', () => {
    const { problems } = parse(`[Interface]\nPrivateKey ${KEYS[0].private}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('Expected `=` after key `PrivateKey`: write `PrivateKey = <key>`.');
    expect(JSON.stringify(problems)).not.toContain(KEYS[0].private.slice(0, 20));
  });

  test('unclosed section header still opens its section (section-header-unclosed)', () => {
    const text = `[Interface\nListenPort = 51820\n${GOOD_PEER}`;
    const { ast, problems } = parse(text);
    expect(problems.map((p) => p.message)).toEqual(['Section header `[Interface` is not closed: add `]` (`[Interface]`).']);
    expect(problems[0]!.range).toEqual({ start: 0, end: 10 });
    expect(ast.sections.map((s) => [s.kind, s.header.closed])).toEqual([['Interface', false], ['Peer', true]]);
    expect(getEntries(getInterfaceSection(ast), 'ListenPort')).toHaveLength(1);
  });

  test('unclosed header at the end of the file without newline', () => {
    const { ast, problems } = parse('[Interface]\nListenPort = 1\n[Peer');
    expect(problems).toHaveLength(1);
    expect(ast.sections.map((s) => s.kind)).toEqual(['Interface', 'Peer']);
  });

  test('text after a section header', () => {
    const text = `[Interface]\n[Peer] junk # note\nPublicKey = ${KEYS[1].public}\n`;
    const { ast, problems } = parse(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('Unexpected `junk` after the section header');
    expect(text.slice(problems[0]!.range.start, problems[0]!.range.end)).toBe('junk');
    expect(getPeers(ast)).toHaveLength(1);
    expect(getEntries(getPeers(ast)[0], 'PublicKey')).toHaveLength(1);
  });

  test('garbage lines and a line that is only `=`', () => {
    const text = `[Interface]\n!!! garbage ???\n= 10.0.0.1\n[]]\nListenPort = 51820\n`;
    const { ast, problems } = parse(text);
    expect(problems.map((p) => p.message)).toEqual([
      'Line `!!! garbage ???` is neither a section header nor `Key = value`: add `=` after the key, or start the line with `#` to make it a comment.',
      'Missing key before `=`: write `Key = value`, or remove the line.',
      expect.stringContaining('Unexpected `]`'),
    ]);
    expect(getEntries(ast.sections[ast.sections.length - 1], 'ListenPort')).toHaveLength(1);
  });

  test('BOM: recorded, the rest parses as intended', () => {
    const { ast, problems } = parse(`\ufeff[Interface]\nListenPort = 51820\n`);
    expect(problems).toEqual([]);
    expect(ast.bom).toEqual({ start: 0, end: 1 });
    expect(ast.sections[0]!.header.range.start).toBe(1);
    expect(getEntries(ast.sections[0], 'ListenPort')).toHaveLength(1);
  });

  test('CRLF line endings: values and comments carry no \\r', () => {
    const text = `[Interface]\r\nListenPort = 51820 # port\r\nPostUp = echo hi\r\n\r\n${GOOD_PEER.replace(/\n/g, '\r\n')}`;
    const { ast, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(ast.eol).toBe('\r\n');
    const e = ast.sections[0]!.entries;
    expect(e.map((x) => x.rawValue)).toEqual(['51820', 'echo hi']);
    expect(e[0]!.comment!.text).toBe('# port');
    expect(getPeers(ast)).toHaveLength(1);
  });

  test('a lone CR is whitespace, as for wg-quick (bash read splits at \\n only)', () => {
    const { ast, problems } = parse('[Interface]\rListenPort = 1\n');
    expect(problems).toHaveLength(1);
    expect(ast.sections).toHaveLength(1);
  });

  test('NUL bytes stay inside the value', () => {
    const { ast, problems } = parse('[Interface]\nPostUp = echo a\0b\nListenPort = 1\n');
    expect(problems).toEqual([]);
    expect(ast.sections[0]!.entries[0]!.rawValue).toBe('echo a\0b');
    expect(ast.sections[0]!.entries).toHaveLength(2);
  });

  test('a 100k-character line parses quickly', () => {
    const long = 'x'.repeat(100_000);
    const text = `[Interface]\nPostUp = echo ${long}\nDNS = ${'a '.repeat(50_000)}\n${' '.repeat(100_000)}\nListenPort = 1\n`;
    const started = Date.now();
    const { ast, problems } = parse(text);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(problems).toEqual([]);
    expect(ast.sections[0]!.entries.map((e) => e.canonicalKey)).toEqual(['PostUp', 'DNS', 'ListenPort']);
  });

  test('a 100k-character key without `=` is one problem with a short message', () => {
    const { problems } = parse(`${'k '.repeat(50_000)}\n[Interface]\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message.length).toBeLessThan(300);
  });

  test('empty file, blank file, comment-only file', () => {
    expect(parse('').ast.sections).toEqual([]);
    expect(parse('').problems).toEqual([]);
    expect(parse('\n\n  \n').ast.preamble.map((i) => i.type)).toEqual(['WgBlankLine', 'WgBlankLine', 'WgBlankLine']);
    expect(parse('# only\n').ast.preamble.map((i) => i.type)).toEqual(['WgComment']);
  });

  test('no trailing newline', () => {
    const { ast, problems } = parse(`[Interface]\nListenPort = 51820`);
    expect(problems).toEqual([]);
    expect(ast.sections[0]!.entries[0]!.valueRange).toEqual({ start: 25, end: 30 });
  });

  test('many broken lines in a row each get one problem', () => {
    const text = `[Interface]\n${'oops\n'.repeat(20)}ListenPort = 1\n`;
    const { ast, problems } = parse(text);
    expect(problems).toHaveLength(20);
    expect(getEntries(ast.sections[0], 'ListenPort')).toHaveLength(1);
  });
});
