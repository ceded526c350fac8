import { describe, expect, it } from 'vitest';
import { GOOD_SERVER, at, conf, lint, peer } from './helpers.js';

const ID = 'wg-port-not-numeric';

describe(ID, () => {
  describe('valid', () => {
    it('a realistic server config', () => expect(lint(ID, GOOD_SERVER)).toEqual([]));
    it('numeric ports, and an endpoint that is broken anyway (wg-endpoint-format)', () => {
      expect(lint(ID, conf('ListenPort = 51820', peer('Endpoint = vpn.example.com')))).toEqual([]);
    });
  });
  describe('invalid', () => {
    it('service names', () => {
      const text = conf('ListenPort = wireguard', peer('Endpoint = vpn.example.com:http'));
      const ds = lint(ID, text);
      expect(ds.map((d) => [d.severity, at(text, d)])).toEqual([
        ['warning', 'wireguard'],
        ['warning', 'http'],
      ]);
      expect(ds[0]!.message).toContain('/etc/services');
      expect(ds[1]!.message).toBe(
        "Endpoint port `http` is not a number: an unknown UDP service name makes wg retry the lookup (forever under wg-quick@.service). Write the peer's port number, e.g. `:51820`.",
      );
    });
  });
});
