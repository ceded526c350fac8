import { describe, expect, it } from 'vitest';
import { conf, lint, peer } from './helpers.js';

const ID = 'wg-endpoint-routed-into-tunnel';

describe(`${ID} (prefix index)`, () => {
  it('names the first covering prefix in file order, not the most specific one', () => {
    const text = conf(
      'Address = 10.0.0.2/24\n',
      peer('AllowedIPs = 192.168.0.0/16, 203.0.113.0/24\nEndpoint = 198.51.100.1:51820') + peer('AllowedIPs = 203.0.0.0/8\nEndpoint = 203.0.113.5:51820'),
    );
    const ds = lint(ID, text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('Endpoint 203.0.113.5 lies inside AllowedIPs 203.0.113.0/24');
  });

  it('does not mix families and skips excluded and /0 prefixes', () => {
    const text = conf('Address = 10.0.0.2/24\n', peer('AllowedIPs = ::/0, fd00::/64\nEndpoint = 10.1.2.3:51820') + peer('AllowedIPs = 0.0.0.0/0\nEndpoint = [fd01::1]:51820'));
    expect(lint(ID, text)).toEqual([]);
  });

  it('stays fast with thousands of peers', () => {
    let peers = '';
    for (let i = 0; i < 3000; i++) peers += peer(`AllowedIPs = 10.${(i >> 8) & 255}.${i & 255}.0/24\nEndpoint = 198.51.${(i >> 8) & 255}.${i & 255}:51820`);
    const t = performance.now();
    expect(lint(ID, conf('Address = 10.0.0.2/24\n', peers))).toEqual([]);
    expect(performance.now() - t).toBeLessThan(8000);
  });
});
