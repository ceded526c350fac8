import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, fixed, lineOf, lint } from './helpers.js';

const ID = 'wg-bom';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('a BOM-like character later in the file is not a BOM', () => expect(lint(ID, `${GOOD_SERVER}# \ufeff\n`)).toEqual([]));
  });
  describe('invalid', () => {
    it('a leading BOM, removed by the fix', () => {
      const text = `\ufeff${GOOD_SERVER}`;
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(d!.range).toEqual({ start: 0, end: 1 });
      expect(lineOf(text, d!)).toBe(1);
      expect(d!.message).toBe(
        'The file starts with a UTF-8 byte order mark: neither wg-quick nor wg recognise the first `[Interface]` behind it ("Line unrecognized"). Save the file as UTF-8 without BOM.',
      );
      expect(fixed(text, d!)).toBe(GOOD_SERVER);
    });
  });
});
