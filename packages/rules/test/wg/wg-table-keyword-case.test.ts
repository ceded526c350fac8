import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, fixed, lineOf, lint } from './helpers.js';

const ID = 'wg-table-keyword-case';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each(['off', 'auto', '1234', 'main', 'Office'])('Table = %s', (v) => expect(lint(ID, conf(`Table = ${v}`))).toEqual([]));
  });
  describe('invalid', () => {
    it('`Table = Off`, fixed to `off`', () => {
      const text = conf('Table = Off');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('Off');
      expect(lineOf(text, d!)).toBe(3);
      expect(d!.message).toBe(
        '`Table = Off` is taken as a routing table named "Off" (wg-quick matches `off`/`auto` only in lowercase), and `ip route add … table Off` fails. Write `off`.',
      );
      expect(fixed(text, d!)).toBe(conf('Table = off'));
    });
    it('`AUTO`', () => expect(lint(ID, conf('Table = AUTO'))[0]!.fix!.edits[0]!.text).toBe('auto'));
  });
});
