import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'preup-wg-set-wiped';
const CONF = 'etc/wireguard/wg0.conf';
const OLD = { wireguardTools: '1.0.20210914' };
const HOOK = 'PreUp = wg set %i private-key /etc/wireguard/wg0.key';

describe(ID, () => {
  it('valid: new wireguard-tools use wg addconf', () => {
    expect(run(ID, { [CONF]: wg(HOOK) })).toEqual([]);
  });
  it('valid: old tools, in PostUp', () => {
    expect(run(ID, { [CONF]: wg(HOOK.replace('PreUp', 'PostUp')) }, OLD)).toEqual([]);
  });
  it('valid: old tools, a peer change in PreUp', () => {
    expect(run(ID, { [CONF]: wg('PreUp = wg set %i peer abc= allowed-ips 10.0.0.9/32') }, OLD)).toEqual([]);
  });
  it('invalid: old tools, private-key in PreUp', () => {
    const files = { [CONF]: wg(HOOK) };
    const ds = run(ID, files, OLD);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('private-key');
  });
});
