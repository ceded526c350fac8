import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, fixed, lineOf, lint } from './helpers.js';

const ID = 'wg-fwmark-format';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each(['off', 'Off', '0', '51820', '0xca6c', '0xCA6C', '0xffffffff', '4294967295'])('FwMark = %s', (v) => expect(lint(ID, conf(`FwMark = ${v}`))).toEqual([]));
  });
  describe('invalid', () => {
    it('`0XCA6C`, fixed to lowercase `0x`', () => {
      const text = conf('FwMark = 0XCA6C');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('0XCA6C');
      expect(lineOf(text, d!)).toBe(3);
      expect(d!.message).toBe(
        'FwMark `0XCA6C` uses `0X`: wg reads hex only after a lowercase `0x`, so wg refuses it ("Fwmark is neither 0/off nor 0-0xffffffff"). Write `0xCA6C`.',
      );
      expect(fixed(text, d!)).toBe(conf('FwMark = 0xCA6C'));
    });
    it.each([
      ['0x100000000', 'above 0xffffffff'],
      ['mark1', 'not `off`, a decimal number or `0x` hex'],
      ['0x', 'not `off`, a decimal number or `0x` hex'],
    ])('%s', (v, why) => {
      const [d] = lint(ID, conf(`FwMark = ${v}`));
      expect(d!.message).toContain(why);
      expect(d!.fix).toBeUndefined();
    });
  });
});
