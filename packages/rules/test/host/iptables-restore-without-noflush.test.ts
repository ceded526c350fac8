import { describe, expect, it } from 'vitest';
import { at, run, wg } from './helpers.js';

const ID = 'iptables-restore-without-noflush';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  it.each([['-n', 'PostUp = iptables-restore -n < /etc/wireguard/wg0.rules'], ['--noflush', 'PostUp = iptables-restore --noflush /etc/wireguard/wg0.rules'], ['--test', 'PostUp = iptables-restore --test /etc/x']])(
    'valid: %s',
    (_n, hooks) => {
      expect(run(ID, { [CONF]: wg(hooks) })).toEqual([]);
    },
  );
  it('invalid: plain iptables-restore', () => {
    const files = { [CONF]: wg('PostUp = iptables-restore < /etc/wireguard/wg0.rules') };
    const ds = run(ID, files);
    expect(ds).toHaveLength(1);
    expect(at(files, ds[0]!)).toBe('iptables-restore');
    expect(ds[0]!.message).toContain('iptables-restore -n');
  });
});
