import { describe, expect, it } from 'vitest';
import { decodeSource, encodeSource, MAX_FILE_BYTES } from '../src/read-source.js';

describe('decodeSource', () => {
  it('decodes UTF-8 and keeps CRLF', () => {
    const s = decodeSource(Buffer.from('a = 1\r\nb = ü\r\n'));
    expect(s).toMatchObject({ text: 'a = 1\r\nb = ü\r\n', bom: false, writable: true, parseable: true });
    expect(s.problem).toBeUndefined();
  });

  it('strips a BOM and restores it on write', () => {
    const bytes = Buffer.from('\uFEFF[Interface]\n', 'utf8');
    const s = decodeSource(bytes);
    expect(s.text).toBe('[Interface]\n');
    expect(s.bom).toBe(true);
    expect(encodeSource(s.text, s.bom).equals(bytes)).toBe(true);
  });

  it('flags binary content and does not parse it', () => {
    const s = decodeSource(Buffer.from([0x2a, 0x66, 0x00, 0x01]));
    expect(s.parseable).toBe(false);
    expect(s.problem?.message).toMatch(/binary.*NUL byte at byte 2/);
  });

  it('flags invalid UTF-8, lints the rest and never writes it', () => {
    const s = decodeSource(Buffer.from([0x61, 0x0a, 0xff, 0x62]));
    expect(s.parseable).toBe(true);
    expect(s.writable).toBe(false);
    expect(s.problem).toMatchObject({ offset: 2 });
    expect(s.problem?.message).toMatch(/not valid UTF-8 \(byte 0xff\)/);
  });

  it('refuses oversized files with a sentence, not an exception', () => {
    const s = decodeSource(new Uint8Array(MAX_FILE_BYTES + 1));
    expect(s.parseable).toBe(false);
    expect(s.problem?.message).toMatch(/too large to lint \(8\.0 MiB; the limit is 8 MiB\)/);
  });
});
