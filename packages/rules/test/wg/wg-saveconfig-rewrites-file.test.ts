import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lineOf, lint, peer } from './helpers.js';

const ID = 'wg-saveconfig-rewrites-file';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('SaveConfig = true in a bare, generated file', () => expect(lint(ID, conf('SaveConfig = true'))).toEqual([]));
    it('SaveConfig = false with comments', () => expect(lint(ID, `# managed by hand\n${conf('SaveConfig = false')}`)).toEqual([]));
  });
  describe('invalid', () => {
    it('comments would be lost', () => {
      const text = conf('Address = 10.0.0.1/24 # office\nSaveConfig = true');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(d!.severity).toBe('info');
      expect(at(text, d!)).toBe('true');
      expect(lineOf(text, d!)).toBe(4);
      expect(d!.message).toBe(
        'With `SaveConfig = true` wg-quick rewrites this file from the live interface on every `down`: every comment and the layout are lost, and edits made while the interface is up are overwritten. Use `SaveConfig = false` and run `wg-quick save` deliberately when you want it.',
      );
    });
    it('endpoint host names would be replaced', () => {
      const [d] = lint(ID, conf('SaveConfig = TRUE', peer('Endpoint = vpn.example.com:51820')));
      expect(d!.message).toContain('Endpoint host names (replaced by the resolved addresses)');
    });
  });
});
