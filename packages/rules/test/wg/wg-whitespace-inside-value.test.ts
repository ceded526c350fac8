import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, KEYS, at, conf, expectNoSecrets, fixed, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-whitespace-inside-value';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('blanks around list commas and inside hook commands', () => {
      expect(lint(ID, conf('PostUp = echo a b   c\nAddress = 10.0.0.1/24 , fd00::1/64', peer('AllowedIPs = 10.0.0.2/32 ,  10.0.0.3/32')))).toEqual([]);
    });
    it('a value that is wrong anyway is left to its own rule', () => {
      expect(lint(ID, conf('', peer("Endpoint = <host2's real IP>"))))  .toEqual([]);
    });
  });
  describe('invalid', () => {
    it('a space inside an Endpoint host name, fixed the way wg reads it', () => {
      const text = conf('', peer('Endpoint = my host.example:51820\nAllowedIPs = 10.0.0.2/32'));
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('my host.example:51820');
      expect(lineOf(text, d!)).toBe(6);
      expect(d!.message).toBe(
        'The Endpoint value `my host.example:51820` contains whitespace: wg deletes every blank in the line, so it reads `myhost.example:51820`. Remove the blanks (a space in a host name is a typo).',
      );
      expect(fixed(text, d!)).toBe(conf('', peer('Endpoint = myhost.example:51820\nAllowedIPs = 10.0.0.2/32')));
    });
    it('inside an AllowedIPs element', () => {
      const text = conf('', peer('AllowedIPs = 10.0.0. 2/32, 10.0.0.3/32'));
      const [d] = lint(ID, text);
      expect(fixed(text, d!)).toBe(conf('', peer('AllowedIPs = 10.0.0.2/32, 10.0.0.3/32')));
    });
    it('inside a private key: reported without the key', () => {
      const spaced = `${KEYS[0].private.slice(0, 10)} ${KEYS[0].private.slice(10)}`;
      const ds = lint(ID, `[Interface]\nPrivateKey = ${spaced}\n`);
      expect(ds).toHaveLength(1);
      expect(ds[0]!.message).toContain('The PrivateKey value contains whitespace');
      expectNoSecrets(ds);
      expect(JSON.stringify(ds.map((d) => d.message))).not.toContain(KEYS[0].private.slice(10, 30));
    });
  });
});
