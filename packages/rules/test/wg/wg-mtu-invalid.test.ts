import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, fixed, lineOf, lint } from './helpers.js';

const ID = 'wg-mtu-invalid';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each(['MTU = 1420', 'MTU = 68', 'MTU = 9000', 'MTU ='])('%s', (line) => expect(lint(ID, conf(line))).toEqual([]));
  });
  describe('invalid', () => {
    it('`MTU = auto`, with a fix removing the line', () => {
      const text = conf('Address = 10.0.0.1/24\nMTU = auto\nListenPort = 51820');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('auto');
      expect(lineOf(text, d!)).toBe(4);
      expect(d!.message).toBe(
        'MTU `auto` is not a number: wg-quick passes it to `ip link set mtu`, which refuses it, and the interface does not come up. Remove the line: without MTU wg-quick picks one automatically.',
      );
      expect(fixed(text, d!)).toBe(conf('Address = 10.0.0.1/24\nListenPort = 51820'));
    });
    it('below 68 and above 65535, without a fix', () => {
      const [low] = lint(ID, conf('MTU = 60'));
      expect(low!.message).toContain('below the kernel minimum of 68');
      expect(low!.fix).toBeUndefined();
      expect(lint(ID, conf('MTU = 70000'))[0]!.message).toContain('above 65535');
      expect(lint(ID, conf('MTU = 1420b'))[0]!.message).toContain('Write a number such as 1420');
    });
  });
});
