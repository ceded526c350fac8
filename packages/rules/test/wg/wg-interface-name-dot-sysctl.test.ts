import { describe, expect, it } from 'vitest';
import { at, conf, fixed, lineOf, run } from './helpers.js';

const ID = 'wg-interface-name-dot-sysctl';
const DOTTED = 'etc/wireguard/home.lan.conf';

describe(ID, () => {
  describe('valid', () => {
    it('a dotted sysctl key for a name without dots', () => {
      expect(run(ID, { 'etc/wireguard/wg0.conf': conf('PreUp = sysctl -w net.ipv4.conf.%i.rp_filter=2') })).toEqual([]);
    });
    it('slash form for a dotted name', () => {
      expect(run(ID, { [DOTTED]: conf('PostUp = sysctl -w net/ipv4/conf/%i/rp_filter=2') })).toEqual([]);
    });
    it('global keys are fine', () => expect(run(ID, { [DOTTED]: conf('PostUp = sysctl -w net.ipv4.conf.all.src_valid_mark=1') })).toEqual([]));
  });
  describe('invalid', () => {
    it('`net.ipv4.conf.%i.rp_filter` on home.lan, fixed to the slash form', () => {
      const text = conf('PostUp = sysctl -w net.ipv4.conf.%i.rp_filter=2');
      const [d, ...rest] = run(ID, { [DOTTED]: text });
      expect(rest).toEqual([]);
      expect(at(text, d!)).toBe('net.ipv4.conf.%i.rp_filter');
      expect(lineOf(text, d!)).toBe(3);
      expect(d!.message).toBe(
        'The interface name `home.lan` contains a dot, so sysctl reads `net.ipv4.conf.home.lan.rp_filter` as the path net/ipv4/conf/home/lan/rp_filter, which does not exist ("cannot stat"). Write the key with slashes: `net/ipv4/conf/%i/rp_filter`.',
      );
      expect(fixed(text, d!)).toBe(conf('PostUp = sysctl -w net/ipv4/conf/%i/rp_filter=2'));
    });
    it('the name written out, IPv6', () => {
      const text = conf('PreDown = sysctl -w net.ipv6.conf.home.lan.disable_ipv6=1');
      expect(run(ID, { [DOTTED]: text }).map((d) => at(text, d))).toEqual(['net.ipv6.conf.home.lan.disable_ipv6']);
    });
  });
});
