import { describe, expect, it } from 'vitest';
import { LineIndex } from './range.js';

/** Line/column of every offset, by walking the text: LF, CRLF and a lone CR each end a line. */
function walk(text: string): Array<{ line: number; column: number }> {
  const out: Array<{ line: number; column: number }> = [];
  let line = 1;
  let column = 1;
  for (let i = 0; i <= text.length; i++) {
    out.push({ line, column });
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      column = 1;
    } else column++;
  }
  return out;
}

describe('LineIndex', () => {
  const texts = {
    'LF only (the indexOf path)': 'a\nbc\n\nd',
    'CRLF': 'a\r\nbc\r\n\r\nd',
    'lone CR': 'a\rbc\r\rd',
    'mixed, ending with a newline': 'a\r\nb\rc\nd\n',
    'no newline': 'abc',
    'empty': '',
  };
  for (const [name, text] of Object.entries(texts)) {
    it(`maps every offset of ${name} as walking the text does`, () => {
      const index = new LineIndex(text);
      const expected = walk(text);
      for (let o = 0; o <= text.length; o++) expect(index.positionAt(o)).toEqual(expected[o]);
      expect(index.lineCount).toBe(expected[text.length]!.line);
    });
  }

  it('clamps offsets outside the text and round-trips positions', () => {
    const index = new LineIndex('ab\ncd');
    expect(index.positionAt(-5)).toEqual({ line: 1, column: 1 });
    expect(index.positionAt(99)).toEqual({ line: 2, column: 3 });
    expect(index.offsetAt({ line: 2, column: 2 })).toBe(4);
    expect(index.lineStart(2)).toBe(3);
  });
});
