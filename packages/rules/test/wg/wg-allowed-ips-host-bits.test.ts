import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-allowed-ips-host-bits';
const withIps = (v: string) => conf('Address = 10.0.0.1/24', peer(`AllowedIPs = ${v}`));

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each(['10.0.0.2/32', '10.0.0.0/24', '10.0.0.2', '0.0.0.0/0, ::/0', 'fd00::/64', '192.0.2.144/30'])('%s', (v) => expect(lint(ID, withIps(v))).toEqual([]));
    it('Address with host bits is normal', () => expect(lint(ID, conf('Address = 10.0.0.1/24, fd00::1/64'))).toEqual([]));
  });
  describe('invalid', () => {
    it('10.0.0.2/24', () => {
      const text = withIps('10.0.0.3/32, 10.0.0.2/24');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(d!.severity).toBe('warning');
      expect(at(text, d!)).toBe('10.0.0.2/24');
      expect(lineOf(text, d!)).toBe(7);
      expect(d!.message).toBe(
        'AllowedIPs `10.0.0.2/24` has host bits set: wg warns ("AllowedIP has nonzero host part") and routes the whole network 10.0.0.0/24 to this peer. Write `10.0.0.2/32` for the single host, or `10.0.0.0/24` for the network.',
      );
      expect(d!.fix).toBeUndefined();
    });
    it('IPv6', () => {
      expect(lint(ID, withIps('fd00::5/64'))[0]!.message).toContain('Write `fd00::5/128` for the single host, or `fd00::/64` for the network.');
    });
  });
});
