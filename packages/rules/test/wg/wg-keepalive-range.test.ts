import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, fixed, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-keepalive-range';
const withKeepalive = (v: string) => conf('', peer(`AllowedIPs = 10.0.0.2/32\nPersistentKeepalive = ${v}`));

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each(['25', '0', 'off', 'OFF', '65535'])('%s', (v) => expect(lint(ID, withKeepalive(v))).toEqual([]));
  });
  describe('invalid', () => {
    it('`25s`, fixed to `25`', () => {
      const text = withKeepalive('25s');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('25s');
      expect(lineOf(text, d!)).toBe(7);
      expect(d!.message).toBe(
        'PersistentKeepalive `25s` is not `off` or a number of seconds from 0 to 65535: wg refuses it ("Persistent keepalive interval is neither 0/off nor 1-65535"). Write `25` (the unit is always seconds).',
      );
      expect(fixed(text, d!)).toBe(withKeepalive('25'));
    });
    it.each(['65536', 'yes', '-1'])('%s, without a fix', (v) => {
      const [d] = lint(ID, withKeepalive(v));
      expect(d!.message).toContain('Use e.g. `25`');
      expect(d!.fix).toBeUndefined();
    });
  });
});
