import { describe, expect, it } from 'vitest';
import { meaningfulHash } from '../../src/wg/wg-hook-hash-truncated.js';
import { GOOD_SERVER, at, conf, lineOf, lint } from './helpers.js';

const ID = 'wg-hook-hash-truncated';
const OLD = { wireguardTools: '1.0.20210914' };

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config (its hook ends in a bash comment)', () => expect(lint(ID, GOOD_SERVER, OLD)).toEqual([]));
    it.each([
      ['a trailing bash comment loses nothing', 'PostUp = iptables -A FORWARD -i %i -j ACCEPT # allow'],
      ['a comment after `;`', 'PostUp = echo up;# note'],
      ['no # at all', "PostUp = echo 'up'"],
    ])('%s', (_n, line) => expect(lint(ID, conf(line), OLD)).toEqual([]));
    it('newer wireguard-tools pass # to bash', () => {
      expect(lint(ID, conf('PostUp = iptables -A FORWARD -m comment --comment "#tag" -j ACCEPT'))).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('a # inside quotes (facts §1.3)', () => {
      const text = conf('PostUp = iptables -A FORWARD -i %i -m comment --comment "#tag" -j ACCEPT # trailing comment');
      const [d, ...rest] = lint(ID, text, OLD);
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('#tag" -j ACCEPT # trailing comment');
      expect(lineOf(text, d!)).toBe(3);
      expect(d!.message).toBe(
        'wg-quick before 1.0.20260223 (the targeted 1.0.20210914) cuts PostUp at the first `#`, so bash runs only `iptables -A FORWARD -i %i -m comment --comment "`, with a quote left open. Avoid `#` in hook commands (e.g. `--comment wg0`), or move the command into a script the hook calls.',
      );
    });
    it.each([["echo '#x'"], ['echo $#'], ['echo ${#a}'], ['echo a\\#b'], ['curl http://h/#frag']])('%s', (cmd) => {
      expect(lint(ID, conf(`PreDown = ${cmd}`), OLD)).toHaveLength(1);
    });
  });
  it('meaningfulHash', () => {
    expect(meaningfulHash('a # b')).toBe(-1);
    expect(meaningfulHash('a "#" b')).toBe(3);
    expect(meaningfulHash("a '#'")).toBe(3);
    expect(meaningfulHash('a\\#')).toBe(2);
    expect(meaningfulHash('#x')).toBe(-1);
  });
});
