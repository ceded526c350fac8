import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lineOf, lint } from './helpers.js';

const ID = 'wg-unknown-section';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('headers in any case, and `[ Peer ]` (another rule)', () => {
      expect(lint(ID, conf('', '[peer]\nPublicKey = xcdtfuYLFnQomdnbMrDMqzul37ZMTt/QC0rMu54WdR8=\n[ Peer ]\nPublicKey = qrJlCs1STdD7yTtMpsBOGw30Kjhsxk/dFxtRKxr9lHY=\n'))).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('`[Peers]` with a suggestion', () => {
      const text = conf('', '[Peers] # typo\nPublicKey = xcdtfuYLFnQomdnbMrDMqzul37ZMTt/QC0rMu54WdR8=\n');
      const [d, ...rest] = lint(ID, text);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('[Peers]');
      expect(lineOf(text, d!)).toBe(4);
      expect(d!.message).toBe(
        'Unknown section `[Peers]`: wg knows only [Interface] and [Peer] and refuses the line ("Line unrecognized"), and wg-quick stops reading [Interface] keys here. Did you mean `[Peer]`?',
      );
    });
    it('any other name', () => {
      const [d] = lint(ID, conf('', '[WireGuard]\n'));
      expect(d!.message).toContain('Unknown section `[WireGuard]`');
      expect(d!.message).not.toContain('Did you mean');
    });
  });
});
