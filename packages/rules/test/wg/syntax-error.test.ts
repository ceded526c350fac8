// wg lines the tools refuse reach users as `syntax-error` (CONTRACT.md), with the parser's message.
import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, KEYS, at, conf, lineOf, lint, peer } from './helpers.js';

describe('syntax-error from wg configs', () => {
  it('a realistic server config has none', () => expect(lint('syntax-error', GOOD_SERVER)).toEqual([]));
  it('a PostDown in [Peer] (test/hosts/hmt-postdown-in-peer-section)', () => {
    const text = conf('PostUp = iptables -A FORWARD -i %i -j ACCEPT', `${peer('AllowedIPs = 10.0.0.2/32')}PostDown = iptables -D FORWARD -i %i -j ACCEPT\n`);
    const [d, ...rest] = lint('syntax-error', text);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('error');
    expect(at(text, d!)).toBe('PostDown');
    expect(lineOf(text, d!)).toBe(8);
    expect(d!.message).toContain('`PostDown` belongs in the [Interface] section, not in [Peer]');
  });
  it('missing `=`, unknown key, empty wg value, unknown section: one each', () => {
    const text = conf('Address 10.8.0.1/24\nColour = blue', `[Peer]\nPublicKey = ${KEYS[1].public}\nAllowedIPs =\n[Peers]\n`);
    expect(lint('syntax-error', text).map((d) => lineOf(text, d))).toEqual([3, 4, 8, 9]);
  });
  it('can be suppressed like any rule', () => {
    const text = conf('# wglint-disable-next-line syntax-error -- read by our own tooling\nColour = blue');
    expect(lint('syntax-error', text)).toEqual([]);
  });
});
