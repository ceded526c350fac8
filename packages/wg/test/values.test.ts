import { describe, expect, test } from 'vitest';
import { type WgEntry, type WgValue, keyError, parseWgConfig } from '../src/index.js';
import { KEYS } from './keys.js';

/** The entry of `Key = value` in the section `section`. */
function entry(line: string, section = 'Interface'): WgEntry {
  // Misplaced or unknown keys are syntax problems (refusals.test.ts) but still entries here.
  const { ast } = parseWgConfig(`[${section}]\n${line}\n`);
  return ast.sections[0]!.entries[0]!;
}
const value = (line: string, section = 'Interface'): WgValue => entry(line, section).value;

describe('keys (src/encoding.c key_from_base64)', () => {
  test.each(KEYS.flatMap((k) => [k.private, k.public]))('real key %s is valid', (k) => {
    expect(keyError(k)).toBeNull();
  });
  test('refusals', () => {
    expect(keyError('abc')).toBe('length');
    expect(keyError(`${KEYS[0].public.slice(0, 43)}A`)).toBe('padding');
    expect(keyError(`${KEYS[0].public.slice(0, 41)}!A=`)).toBe('characters');
    // `kB=`: the last base64 digit leaves low bits set, wg refuses it.
    expect(keyError(`${KEYS[0].public.slice(0, 41)}kB=`)).toBe('noncanonical');
  });
  test('wg removes whitespace before reading the key', () => {
    expect(value(`PublicKey = ${KEYS[0].public.slice(0, 10)} ${KEYS[0].public.slice(10)}`, 'Peer')).toEqual({ kind: 'key', error: null });
  });
});

describe('keys and section names are case-insensitive', () => {
  test('key case and inner spaces', () => {
    expect(entry('listenport = 1').canonicalKey).toBe('ListenPort');
    expect(entry('Private Key = x').canonicalKey).toBe('PrivateKey');
    expect(entry('Allowed IPs = 10.0.0.1', 'Peer').canonicalKey).toBe('AllowedIPs');
    // wg-quick matches its own keys exactly: `Post Up` goes to wg, which rejects it.
    expect(entry('Post Up = echo').canonicalKey).toBeNull();
    expect(entry('Colour = blue').canonicalKey).toBeNull();
  });
  test('headers', () => {
    const { ast } = parseWgConfig('[interface]\n[PEER]\n[ Interface ]\n[Peers]\n[]\n');
    expect(ast.sections.map((s) => [s.kind, s.header.innerSpace])).toEqual([
      ['Interface', false],
      ['Peer', false],
      ['Interface', true],
      ['unknown', false],
      ['unknown', false],
    ]);
  });
});

describe('comments and hooks (facts §1.3)', () => {
  test('a normal value ends at #', () => {
    const e = entry('Table = 1234 # main');
    expect(e.rawValue).toBe('1234');
    expect(e.comment?.text).toBe('# main');
    expect(e.value).toEqual({ kind: 'table', mode: 'number', table: 1234 });
  });
  test('a hook value keeps #: it belongs to the command', () => {
    const e = entry('PostUp = iptables -A FORWARD -m comment --comment "#tag" -j ACCEPT # trailing');
    expect(e.comment).toBeNull();
    expect(e.rawValue).toBe('iptables -A FORWARD -m comment --comment "#tag" -j ACCEPT # trailing');
    expect(e.value).toEqual({
      kind: 'hook',
      command: 'iptables -A FORWARD -m comment --comment "#tag" -j ACCEPT # trailing',
      legacyCommand: 'iptables -A FORWARD -m comment --comment "',
    });
  });
  test('hook keys match case-insensitively', () => {
    expect(entry('postup = echo # x').rawValue).toBe('echo # x');
  });
  test('outside [Interface] a hook line goes to wg, which cuts it at #', () => {
    const e = entry('PostUp = echo in-peer # c', 'Peer');
    expect(e.rawValue).toBe('echo in-peer');
    expect(e.comment?.text).toBe('# c');
  });
  test('repeated keys are all kept, in order', () => {
    const { ast } = parseWgConfig('[Interface]\nPostUp = a\nPostUp = b\nAddress = 10.0.0.1/24\naddress = fd00::1/64\n');
    expect(ast.sections[0]!.entries.map((e) => e.rawValue)).toEqual(['a', 'b', '10.0.0.1/24', 'fd00::1/64']);
  });
});

describe('typed values', () => {
  test('ports', () => {
    expect(value('ListenPort = 51820')).toEqual({ kind: 'port', port: 51820, service: null, error: null });
    expect(value('ListenPort = 65536')).toEqual({ kind: 'port', port: 65536, service: null, error: 'out-of-range' });
    expect(value('ListenPort = wireguard')).toEqual({ kind: 'port', port: null, service: 'wireguard', error: null });
    // as getaddrinfo reads them (checked with wg setconf): a sign is allowed, a negative port refused
    expect(value('ListenPort = +5')).toEqual({ kind: 'port', port: 5, service: null, error: null });
    expect(value('ListenPort = -0')).toEqual({ kind: 'port', port: 0, service: null, error: null });
    expect(value('ListenPort = -1')).toEqual({ kind: 'port', port: null, service: null, error: 'negative' });
    expect(value('Endpoint = 192.0.2.1:-1')).toMatchObject({ portNumber: null, error: 'negative-port' });
    expect(value('Endpoint = 192.0.2.1:+51820')).toMatchObject({ portNumber: 51820, error: null });
  });
  test('MTU', () => {
    expect(value('MTU = 1420')).toEqual({ kind: 'mtu', mtu: 1420, error: null });
    expect(value('MTU = auto')).toEqual({ kind: 'mtu', mtu: null, error: 'not-a-number' });
    expect(value('MTU = 60')).toMatchObject({ error: 'too-small' });
  });
  test('FwMark (src/config.c parse_fwmark)', () => {
    expect(value('FwMark = off')).toEqual({ kind: 'fwmark', off: true, mark: 0, error: null });
    expect(value('FwMark = OFF')).toMatchObject({ off: true, error: null });
    expect(value('FwMark = 0xca6c')).toEqual({ kind: 'fwmark', off: false, mark: 0xca6c, error: null });
    expect(value('FwMark = 0xCA6C')).toMatchObject({ mark: 0xca6c, error: null });
    expect(value('FwMark = 51820')).toMatchObject({ mark: 51820, error: null });
    expect(value('FwMark = 0')).toMatchObject({ off: true, mark: 0 });
    expect(value('FwMark = 0X10')).toMatchObject({ error: 'uppercase-hex-prefix' });
    expect(value('FwMark = 0x')).toMatchObject({ error: 'format' });
    expect(value('FwMark = x10')).toMatchObject({ error: 'format' });
    expect(value('FwMark = 4294967296')).toMatchObject({ error: 'out-of-range' });
    expect(value('FwMark = 0xffffffff')).toMatchObject({ mark: 0xffffffff, error: null });
  });
  test('PersistentKeepalive', () => {
    expect(value('PersistentKeepalive = 25', 'Peer')).toEqual({ kind: 'keepalive', off: false, seconds: 25, error: null });
    expect(value('PersistentKeepalive = Off', 'Peer')).toMatchObject({ off: true, error: null });
    expect(value('PersistentKeepalive = 25s', 'Peer')).toMatchObject({ error: 'format' });
    expect(value('PersistentKeepalive = 65536', 'Peer')).toMatchObject({ error: 'out-of-range' });
  });
  test('Endpoint (src/config.c parse_endpoint)', () => {
    expect(value('Endpoint = 203.0.113.2:51820', 'Peer')).toMatchObject({ host: '203.0.113.2', hostKind: 'ipv4', port: '51820', portNumber: 51820, error: null });
    expect(value('Endpoint = [2001:db8::1]:51820', 'Peer')).toMatchObject({ host: '2001:db8::1', hostKind: 'ipv6', bracketed: true, error: null });
    expect(value('Endpoint = vpn.example.com:51820', 'Peer')).toMatchObject({ hostKind: 'hostname', error: null });
    expect(value('Endpoint = 203.0.113.2', 'Peer')).toMatchObject({ error: 'missing-port' });
    expect(value('Endpoint = [2001:db8::1]', 'Peer')).toMatchObject({ error: 'missing-port' });
    expect(value('Endpoint = [2001:db8::1:51820', 'Peer')).toMatchObject({ error: 'unmatched-bracket' });
    expect(value('Endpoint = 2001:db8::1:51820', 'Peer')).toMatchObject({ host: '2001:db8::1', port: '51820', error: 'unbracketed-ipv6' });
    expect(value('Endpoint = host:http', 'Peer')).toMatchObject({ port: 'http', portNumber: null, error: null });
  });
  test('Endpoint ranges point into the text', () => {
    const text = '[Peer]\nEndpoint = [fd00::1]:51820\n';
    const v = parseWgConfig(text).ast.sections[0]!.entries[0]!.value;
    if (v.kind !== 'endpoint') throw new Error('not an endpoint');
    expect(text.slice(v.hostRange!.start, v.hostRange!.end)).toBe('fd00::1');
    expect(text.slice(v.portRange!.start, v.portRange!.end)).toBe('51820');
  });
  test('AllowedIPs (src/config.c parse_allowedips)', () => {
    const text = '[Peer]\nAllowedIPs = 10.0.0.2/32, fd00::/64 ,10.1.0.1/24,,+10.2.0.0/16, 10.0.0.1/33, nope\n';
    const v = parseWgConfig(text).ast.sections[0]!.entries[0]!.value;
    if (v.kind !== 'cidr-list') throw new Error('not a list');
    expect(v.items.map((i) => [i.text, i.family, i.prefix, i.hostBits, i.sign, i.error])).toEqual([
      ['10.0.0.2/32', 4, 32, false, null, null],
      ['fd00::/64', 6, 64, false, null, null],
      ['10.1.0.1/24', 4, 24, true, null, null],
      ['', null, null, false, null, 'empty'],
      ['+10.2.0.0/16', 4, 16, false, '+', null],
      ['10.0.0.1/33', 4, null, false, null, 'prefix'],
      ['nope', null, null, false, null, 'address'],
    ]);
    for (const i of v.items) expect(text.slice(i.range.start, i.range.end)).toBe(i.text);
  });
  test('AllowedIPs without a prefix is a host route; no leading zeros (inet_pton)', () => {
    const v = value('AllowedIPs = 10.0.0.2, ::1, 10.0.0.01', 'Peer');
    expect(v).toMatchObject({ items: [{ prefix: 32, explicitPrefix: false }, { prefix: 128 }, { error: 'address' }] });
  });
  test('Address splits at commas and blanks (wg-quick ${value//,/ })', () => {
    expect(value('Address = 10.0.0.1/24 fd00::1/64,10.9.0.1/24')).toMatchObject({
      items: [{ text: '10.0.0.1/24', hostBits: true }, { text: 'fd00::1/64' }, { text: '10.9.0.1/24' }],
    });
  });
  test('DNS: IPs are nameservers, other words search domains', () => {
    expect(value('DNS = 1.1.1.1, example.com,2606:4700::1111')).toMatchObject({
      items: [
        { text: '1.1.1.1', role: 'nameserver', family: 4 },
        { text: 'example.com', role: 'search', family: null },
        { text: '2606:4700::1111', role: 'nameserver', family: 6 },
      ],
    });
  });
  test('Table: off/auto are case-sensitive in wg-quick', () => {
    expect(value('Table = off')).toEqual({ kind: 'table', mode: 'off', table: null });
    expect(value('Table = auto')).toEqual({ kind: 'table', mode: 'auto', table: null });
    expect(value('Table = Off')).toEqual({ kind: 'table', mode: 'name', table: null });
    expect(value('Table = main')).toEqual({ kind: 'table', mode: 'name', table: null });
    expect(value('Table = 1234')).toEqual({ kind: 'table', mode: 'number', table: 1234 });
  });
  test('SaveConfig', () => {
    expect(value('SaveConfig = TRUE')).toEqual({ kind: 'bool', bool: true });
    expect(value('SaveConfig = false')).toEqual({ kind: 'bool', bool: false });
    expect(value('SaveConfig = yes')).toEqual({ kind: 'bool', bool: null });
  });
  test('empty values and unknown keys', () => {
    expect(value('AllowedIPs =', 'Peer')).toEqual({ kind: 'empty' });
    expect(value('Colour = blue')).toEqual({ kind: 'text' });
    const e = entry('AllowedIPs =', 'Peer');
    expect(e.valueRange.start).toBe(e.valueRange.end);
  });
});

describe('wg-quick reads hooks only under an exact [Interface] header', () => {
  test('under `[ Interface ]` a hook line goes to wg, which cuts it at #', () => {
    const e = parseWgConfig('[ Interface ]\nPostUp = echo a # b\n').ast.sections[0]!.entries[0]!;
    expect(e.rawValue).toBe('echo a');
    expect(e.comment?.text).toBe('# b');
  });
});
