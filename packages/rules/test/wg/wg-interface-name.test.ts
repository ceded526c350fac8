import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, run } from './helpers.js';

const ID = 'wg-interface-name';
const lintAt = (path: string, text = conf('')) => run(ID, { [path]: text });

describe(ID, () => {
  describe('valid', () => {
    it.each(['etc/wireguard/wg0.conf', 'etc/wireguard/wg-a.conf', 'etc/wireguard/office_vpn.1.conf', 'etc/wireguard/abcdefghijklmno.conf', 'wg+.conf'])('%s', (path) => {
      expect(lintAt(path, GOOD_SERVER)).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('16+ characters', () => {
      const [d, ...rest] = lintAt('etc/wireguard/wireguard-office-vpn.conf');
      expect(rest).toEqual([]);
      expect(d!.range).toEqual({ start: 0, end: 11 });
      expect(d!.message).toBe(
        'The interface name `wireguard-office-vpn` (from the file name) has 20 characters, but Linux allows at most 15: wg-quick refuses the file ("The config file must be a valid interface name, followed by .conf"). Rename the file, e.g. to `wireguard-offic.conf`.',
      );
    });
    it('characters wg-quick refuses', () => {
      const text = conf('');
      const [d] = lintAt('etc/wireguard/my vpn.conf', text);
      expect(at(text, d!)).toBe('[Interface]');
      expect(d!.message).toContain('may only use `a-z A-Z 0-9 _ = + . -`');
      expect(d!.message).toContain('`myvpn.conf`');
    });
    it('names the kernel reserves', () => {
      expect(lintAt('etc/wireguard/default.conf')[0]!.message).toContain('reserved by the kernel');
    });
  });
});
