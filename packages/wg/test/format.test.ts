import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatWgConfig, parseWgConfig, printWgConfig } from '../src/index.js';

const dir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.conf')).sort();
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');

/** What the formatter may not change: everything but whitespace and letter case. */
const content = (s: string) => s.replace(/[\s\ufeff]/g, '').toLowerCase();

const MESSY = [
  '  # header comment  ',
  '',
  '',
  '[interface]   # iface',
  '  privatekey=yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=',
  'Address=10.0.0.1/24,fd00::1/64   ',
  '',
  '',
  '',
  'PostUp   =   iptables -A FORWARD -m comment --comment "#tag" -j ACCEPT   # keep me   ',
  'Allowed IPs = 1.2.3.4',
  'broken line without equals',
  '# peer comment',
  '[PEER]',
  '',
  'PublicKey=xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=',
  '[ Interface ]',
  '[Peer',
  'Unknown Thing = kept as is',
  '',
].join('\n');

describe('formatWgConfig', () => {
  test('canonical layout', () => {
    expect(formatWgConfig(MESSY)).toBe(
      [
        '# header comment',
        '',
        '[Interface] # iface',
        'PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=',
        'Address = 10.0.0.1/24,fd00::1/64',
        '',
        'PostUp = iptables -A FORWARD -m comment --comment "#tag" -j ACCEPT   # keep me',
        'AllowedIPs = 1.2.3.4',
        'broken line without equals',
        '',
        '# peer comment',
        '[Peer]',
        'PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=',
        '',
        '[ Interface ]',
        '',
        '[Peer',
        'Unknown Thing = kept as is',
        '',
      ].join('\n'),
    );
  });

  test('idempotent and content-preserving on the messy sample', () => {
    const once = formatWgConfig(MESSY);
    expect(formatWgConfig(once)).toBe(once);
    expect(content(once)).toBe(content(MESSY));
  });

  test.each(fixtures)('%s: idempotent, content kept, parses the same', (f) => {
    const text = read(f);
    const once = formatWgConfig(text);
    expect(formatWgConfig(once)).toBe(once);
    expect(content(once)).toBe(content(text));
    const before = parseWgConfig(text).ast.sections.flatMap((s) => s.entries.map((e) => [s.kind, e.canonicalKey, e.rawValue]));
    const after = parseWgConfig(once).ast.sections.flatMap((s) => s.entries.map((e) => [s.kind, e.canonicalKey, e.rawValue]));
    expect(after).toEqual(before);
  });

  test('seed fixtures written the canonical way are unchanged', () => {
    const text = read('seed004-wg1.conf');
    expect(formatWgConfig(text)).toBe(text.endsWith('\n') ? text : `${text}\n`);
  });

  test('keeps CRLF and the BOM (the bom rule removes it, not the formatter)', () => {
    expect(formatWgConfig('\ufeff[interface]\r\nlistenport=1\r\n')).toBe('\ufeff[Interface]\r\nListenPort = 1\r\n');
  });

  test('hook values are kept byte for byte, NUL included', () => {
    const hook = `iptables -A x -m comment --comment 'a  #  b' \0 ;   true`;
    expect(formatWgConfig(`[Interface]\nPostUp=${hook}\n`)).toBe(`[Interface]\nPostUp = ${hook}\n`);
  });

  test('empty input and blank input', () => {
    expect(formatWgConfig('')).toBe('');
    expect(formatWgConfig('\n \n\t\n')).toBe('');
  });

  test('printWgConfig prints the AST', () => {
    expect(printWgConfig(parseWgConfig('[peer]\nendpoint=h:1').ast)).toBe('[Peer]\nEndpoint = h:1\n');
  });
});

// Lines built from wg-ish fragments hit the interesting paths far more often than random text.
const fragment = fc.constantFrom('[Interface]', '[Peer]', '[ Peer ]', '[Peer', 'PostUp = a # b', 'Key', '= x', '#c', 'ListenPort=1', ' ', '\t', '\r', '=', '#', '[', ']', 'AllowedIPs = 10.0.0.1/24,', '\ufeff', '\0', 'é');
const wgish = fc.array(fc.array(fragment, { maxLength: 4 }).map((parts) => parts.join('')), { maxLength: 12 }).map((lines) => lines.join('\n'));

describe('properties', () => {
  test('the parser is total and its ranges stay in the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), wgish), (text) => {
        const { ast, problems } = parseWgConfig(text);
        for (const p of problems) expect(p.range.end).toBeLessThanOrEqual(text.length);
        for (const s of ast.sections) for (const i of s.items) expect(i.range.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });

  test('the formatter is idempotent and keeps every non-blank character', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), wgish), (text) => {
        const once = formatWgConfig(text);
        expect(formatWgConfig(once)).toBe(once);
        expect(content(once)).toBe(content(text));
      }),
      { numRuns: 500 },
    );
  });
});
