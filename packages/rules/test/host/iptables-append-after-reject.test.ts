import { describe, expect, it } from 'vitest';
import { at, fixed, run, wg } from './helpers.js';

const ID = 'iptables-append-after-reject';
const CONF = 'etc/wireguard/wg.conf';
const V4 = 'etc/iptables/rules.v4';

/** Seed 003: FORWARD ends in a REJECT (from docker, says the author). */
const DUMP = `*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:DOCKER-USER - [0:0]
-A FORWARD -j DOCKER-USER
-A FORWARD -j REJECT --reject-with icmp-port-unreachable
-A DOCKER-USER -j RETURN
COMMIT
`;

const seed003 = (up: string, down: string) =>
  wg(`Address = 10.0.0.1/24\nListenPort = 51820\nPostUp = ${up}\nPostDown = ${down}`);

describe(ID, () => {
  describe('valid', () => {
    it('seed 003 as published: -I FORWARD 2 lands before the REJECT', () => {
      const files = {
        [CONF]: seed003(
          'iptables -I FORWARD 2 -i wg -j ACCEPT; iptables -t nat -A POSTROUTING -o wg -j MASQUERADE',
          'iptables -D FORWARD -i wg -j ACCEPT; iptables -t nat -D POSTROUTING -o wg -j MASQUERADE',
        ),
        [V4]: DUMP,
      };
      expect(run(ID, files)).toEqual([]);
    });
    it('a second dump of the family replaces the tables it restores (iptables-restore flushes them), so its rules are not behind the first one\'s REJECT', () => {
      const second = '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A FORWARD -i wg -j ACCEPT\n-A FORWARD -j DROP\nCOMMIT\n';
      expect(run(ID, { [V4]: DUMP, 'etc/iptables/gateway.rules': second })).toEqual([]);
      // a hook appended after both is judged against the table as the later dump leaves it
      const files = { [CONF]: seed003('iptables -A FORWARD -o wg -j ACCEPT', 'iptables -D FORWARD -o wg -j ACCEPT'), [V4]: DUMP, 'etc/iptables/gateway.rules': second };
      expect(run(ID, files).map((d) => d.message)).toEqual([expect.stringMatching(/behind `-A FORWARD -j DROP` \(etc\/iptables\/gateway\.rules:6\)/)]);
    });
    it('-A into a chain without a catch-all', () => {
      expect(run(ID, { [CONF]: seed003('iptables -A INPUT -i wg -j ACCEPT', 'iptables -D INPUT -i wg -j ACCEPT'), [V4]: DUMP })).toEqual([]);
    });
    it('a REJECT restricted to something else does not shadow', () => {
      const dump = DUMP.replace('-A FORWARD -j REJECT', '-A FORWARD -i eth1 -j REJECT');
      expect(run(ID, { [CONF]: seed003('iptables -A FORWARD -i wg -j ACCEPT', 'iptables -D FORWARD -i wg -j ACCEPT'), [V4]: dump })).toEqual([]);
    });
    it('a rate-limited DROP is not a catch-all', () => {
      const dump = `*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp -m limit --limit 5/min -j DROP\n-A INPUT -p udp --dport 51820 -j ACCEPT\nCOMMIT\n`;
      expect(run(ID, { [V4]: dump })).toEqual([]);
    });
    it('the REJECT in the ip6tables dump does not affect iptables', () => {
      expect(run(ID, { [CONF]: seed003('iptables -A FORWARD -i wg -j ACCEPT', 'iptables -D FORWARD -i wg -j ACCEPT'), 'etc/iptables/rules.v6': DUMP })).toEqual([]);
    });
    it('seed 001 order: accept rules before the final DROP', () => {
      const dump = `*filter\n:INPUT DROP [0:0]\n-A INPUT -i lo -j ACCEPT\n-A INPUT -m conntrack --ctstate INVALID -j DROP\n-A INPUT -p udp --dport 51820 -m conntrack --ctstate NEW -m limit --limit 30/min --limit-burst 5 -j ACCEPT\n-A INPUT -p udp --dport 51820 -j DROP\nCOMMIT\n`;
      expect(run(ID, { [V4]: dump })).toEqual([]);
    });
  });

  it('valid: a rule with no target and only a comment behind a DROP (pve-firewall\'s PVESIG marker) does nothing anywhere', () => {
    const dump = '*filter\n:INPUT ACCEPT [0:0]\n:FW - [0:0]\n-A INPUT -j FW\n-A FW -p tcp --dport 22 -j RETURN\n-A FW -j DROP\n-A FW -m comment --comment "PVESIG:uMTXEPumeqB2E0trrZCjFLcTkjs"\nCOMMIT\n';
    expect(run(ID, { [V4]: dump })).toEqual([]);
    // near miss: a counting rule with a real match behind the DROP never counts anything
    expect(run(ID, { [V4]: dump.replace('-m comment --comment', '-p udp -m comment --comment') })).toHaveLength(1);
  });

  describe('invalid', () => {
    it('seed 003 with the usual tutorial -A FORWARD: fix to -I FORWARD 2', () => {
      const files = {
        [CONF]: seed003('iptables -A FORWARD -i wg -j ACCEPT; iptables -t nat -A POSTROUTING -o wg -j MASQUERADE', 'iptables -D FORWARD -i wg -j ACCEPT; iptables -t nat -D POSTROUTING -o wg -j MASQUERADE'),
        [V4]: DUMP,
      };
      const ds = run(ID, files);
      expect(ds).toHaveLength(1);
      expect(ds[0]!.file).toBe(CONF);
      expect(at(files, ds[0]!)).toBe('-A FORWARD');
      expect(ds[0]!.message).toContain('`-A FORWARD -j REJECT --reject-with icmp-port-unreachable` (etc/iptables/rules.v4:7)');
      expect(ds[0]!.message).toContain('`-I FORWARD 2`');
      expect(fixed(files, ds[0]!)).toContain('PostUp = iptables -I FORWARD 2 -i wg -j ACCEPT; iptables -t nat -A POSTROUTING');
      expect(run(ID, { ...files, [CONF]: fixed(files, ds[0]!) })).toEqual([]);
    });
    it('-I with a position past the end is moved before the catch-all', () => {
      const files = { [CONF]: seed003('iptables -I FORWARD 3 -i wg -j ACCEPT', 'iptables -D FORWARD -i wg -j ACCEPT'), [V4]: DUMP };
      const [d] = run(ID, files);
      expect(at(files, d!)).toBe('-I FORWARD');
      expect(fixed(files, d!)).toContain('iptables -I FORWARD 2 -i wg -j ACCEPT');
    });
    it('inside one dump: a rule after a catch-all REJECT', () => {
      const files = { [V4]: `*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT\n-A INPUT -j REJECT\n-A INPUT -p udp --dport 51820 -j ACCEPT\nCOMMIT\n` };
      const ds = run(ID, files);
      expect(ds).toHaveLength(1);
      expect(ds[0]!.file).toBe(V4);
      expect(at(files, ds[0]!)).toBe('-A INPUT');
      expect(files[V4].slice(0, ds[0]!.range.start).split('\n').length).toBe(5);
      expect(ds[0]!.message).toContain('Move it above that rule');
      expect(ds[0]!.fix).toBeUndefined();
    });
    it('a DROP that covers the port range of the later rule', () => {
      const files = { [V4]: `*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp -m multiport --dports 51000:52000 -j DROP\n-A INPUT -i eth0 -p udp --dport 51820 -j ACCEPT\nCOMMIT\n` };
      expect(run(ID, files)).toHaveLength(1);
    });
    it('a catch-all added by an earlier hook of the same interface', () => {
      const files = { [CONF]: seed003('iptables -A INPUT -j DROP; iptables -A INPUT -p udp --dport 51820 -j ACCEPT', 'iptables -D INPUT -j DROP; iptables -D INPUT -p udp --dport 51820 -j ACCEPT') };
      const [d, ...rest] = run(ID, files);
      expect(rest).toEqual([]);
      expect(d!.message).toContain('PostUp of wg');
      expect(fixed(files, d!)).toContain('iptables -I INPUT 1 -p udp --dport 51820 -j ACCEPT');
    });
  });
});
