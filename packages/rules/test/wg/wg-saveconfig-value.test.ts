import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lineOf, lint } from './helpers.js';

const ID = 'wg-saveconfig-value';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each(['true', 'false', 'TRUE', 'False'])('SaveConfig = %s', (v) => expect(lint(ID, conf(`SaveConfig = ${v}`))).toEqual([]));
  });
  describe('invalid', () => {
    it('`yes`', () => {
      const text = conf('SaveConfig = yes');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('yes');
      expect(lineOf(text, d!)).toBe(3);
      expect(d!.message).toBe(
        "SaveConfig `yes` is neither `true` nor `false`: wg-quick stops with \"`yes' is neither true nor false\" and the interface does not come up. Write `SaveConfig = false` (or `true`).",
      );
    });
    it('empty', () => {
      const text = conf('SaveConfig =');
      expect(at(text, lint(ID, text)[0]!)).toBe('SaveConfig =');
    });
  });
});
