import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'predown-can-fail';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it.each([
    ['delete in PostDown', 'PostDown = iptables -D FORWARD -i %i -j ACCEPT'],
    ['tolerated with || true', 'PreDown = iptables -D FORWARD -i %i -j ACCEPT || true'],
    ['a harmless PreDown', 'PreDown = logger wg down'],
    ['(near miss) the first of an `&&` list that a later command ends', 'PreDown = iptables -D FORWARD -i %i -j ACCEPT && logger ok; logger done'],
    ['(near miss) an `&&` list with `|| true` at its end', 'PreDown = iptables -D FORWARD -i %i -j ACCEPT && ip rule del priority 456 || true'],
  ])('valid: %s', (_n, hooks) => {
    expect(run(ID, { [CONF]: wg(hooks) })).toEqual([]);
  });
  it('invalid: iptables -D in PreDown', () => {
    const files = { [CONF]: wg('PostUp = iptables -A FORWARD -i %i -j ACCEPT\nPreDown = iptables -D FORWARD -i %i -j ACCEPT') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('iptables -D FORWARD -i %i -j ACCEPT');
  });
  it('invalid: both deletes of an `&&` list that is the whole hook (its status becomes the hook\'s)', () => {
    const files = { [CONF]: wg('PreDown = iptables -D FORWARD -i %i -j ACCEPT && ip rule del priority 456') };
    expect(run(ID, files).map((d) => at(files, d))).toEqual(['iptables -D FORWARD -i %i -j ACCEPT', 'ip rule del priority 456']);
  });
  it('invalid: ip rule del in PreDown', () => {
    expect(run(ID, { [CONF]: wg('PreDown = ip rule del priority 456') })).toHaveLength(1);
  });
});
