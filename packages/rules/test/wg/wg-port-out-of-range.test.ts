import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-port-out-of-range';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it.each(['ListenPort = 65535', 'ListenPort = 0', 'ListenPort = 1'])('%s', (line) => expect(lint(ID, conf(line))).toEqual([]));
    // getaddrinfo reads `-0` as 0 and `+5` as 5 (checked with wg setconf)
    it.each(['ListenPort = -0', 'ListenPort = +5'])('%s (near miss: signs wg accepts)', (line) => expect(lint(ID, conf(line))).toEqual([]));
    it('endpoint port 65535', () => expect(lint(ID, conf('', peer('Endpoint = 192.0.2.1:65535')))).toEqual([]));
  });
  describe('invalid', () => {
    it('ListenPort 65536 becomes a random port', () => {
      const text = conf('ListenPort = 65536');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('65536');
      expect(lineOf(text, d!)).toBe(3);
      expect(d!.message).toBe(
        'ListenPort 65536 is above 65535: wg accepts it but glibc wraps it to 0 (a random port), so the interface listens somewhere else. Use a port from 1 to 65535 (51820 is the usual one).',
      );
    });
    it.each([['ListenPort = -1', '-1'], ['ListenPort = -51820', '-51820']])('%s is refused by wg', (line, value) => {
      const text = conf(line);
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe(value);
      expect(d!.message).toContain('wg refuses it');
      expect(lint('wg-port-not-numeric', text)).toEqual([]);
    });
    it('a negative Endpoint port is refused by wg', () => {
      const text = conf('', peer('Endpoint = 192.0.2.1:-1'));
      expect(lint(ID, text).map((d) => at(text, d))).toEqual(['-1']);
    });
    it('Endpoint port 70000 wraps to 4464', () => {
      const text = conf('', peer('Endpoint = [2001:db8::1]:70000'));
      const [d] = lint(ID, text);
      expect(at(text, d!)).toBe('70000');
      expect(d!.message).toContain('glibc wraps it to 4464');
    });
  });
});
