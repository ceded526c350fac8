import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'predown-can-fail';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it.each([
    ['delete in PostDown', 'PostDown = iptables -D FORWARD -i %i -j ACCEPT'],
    ['tolerated with || true', 'PreDown = iptables -D FORWARD -i %i -j ACCEPT || true'],
    ['a harmless PreDown', 'PreDown = logger wg down'],
  ])('valid: %s', (_n, hooks) => {
    expect(run(ID, { [CONF]: wg(hooks) })).toEqual([]);
  });
  it('invalid: iptables -D in PreDown', () => {
    const files = { [CONF]: wg('PostUp = iptables -A FORWARD -i %i -j ACCEPT\nPreDown = iptables -D FORWARD -i %i -j ACCEPT') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('iptables -D FORWARD -i %i -j ACCEPT');
  });
  it('invalid: ip rule del in PreDown', () => {
    expect(run(ID, { [CONF]: wg('PreDown = ip rule del priority 456') })).toHaveLength(1);
  });
});
