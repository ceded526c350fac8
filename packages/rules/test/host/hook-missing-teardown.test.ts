import { describe, expect, it } from 'vitest';
import { at, fixed, run, wg } from './helpers.js';

const ID = 'hook-missing-teardown';
const CONF = 'etc/wireguard/wg0.conf';

describe(ID, () => {
  describe('valid', () => {
    it.each([
      ['iptables -A paired with -D', 'PostUp = iptables -A FORWARD -i %i -j ACCEPT\nPostDown = iptables -D FORWARD -i %i -j ACCEPT'],
      ['-I N paired with -D', 'PostUp = iptables -I FORWARD 2 -i %i -j ACCEPT\nPostDown = iptables -D FORWARD -i %i -j ACCEPT'],
      ['nat table pair', 'PreUp = iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\nPostDown = iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE'],
      ['ip rule pair', 'PreUp = ip rule add from 10.200.200.1 table 41 priority 100\nPostDown = ip rule del from 10.200.200.1 table 41 priority 100'],
      ['ip rule deleted by priority', 'PostUp = ip rule add fwmark 1 table 123 priority 456\nPreDown = ip rule del priority 456'],
      ['route through the interface dies with it', 'PostUp = ip route add 10.100.100.1 dev %i'],
      ['route into a table through the interface', 'PostUp = ip route add default dev %i table 123'],
      ['route via a gateway on the interface\'s own subnet dies with it', 'Address = 10.8.0.1/24\nTable = off\nPostUp = ip route add 192.168.20.0/24 via 10.8.0.2'],
      ['route via a peer\'s address that wg-quick routes through the interface', 'Address = 10.8.0.1/32\nPostUp = ip route add 192.168.20.0/24 via 10.0.0.2'],
      ['per-interface sysctl', 'PreUp = sysctl -w net.ipv4.conf.wg0.rp_filter=2'],
      ['-R replaces the -A rule, the replacement is deleted', 'PostUp = iptables -A FORWARD -i %i -j ACCEPT; iptables -R FORWARD 1 -i %i -o eth0 -j ACCEPT\nPostDown = iptables -D FORWARD -i %i -o eth0 -j ACCEPT'],
      ['a chain renamed with -E is deleted under its new name', 'PostUp = iptables -N WGX; iptables -E WGX WGY; iptables -A WGY -j ACCEPT; iptables -A FORWARD -i %i -j WGY\nPostDown = iptables -D FORWARD -i %i -j WGY; iptables -F WGY; iptables -X WGY'],
      ['nft commands joined by `;` in one argument, the table deleted', 'PostUp = nft "add table inet t; add chain inet t c"\nPostDown = nft delete table inet t'],
      ['nft commands joined by `\\;`, the table deleted', 'PostUp = nft add table inet t\\; add chain inet t c\nPostDown = nft delete table inet t'],
      ['forwarding is left on on purpose', 'PreUp = sysctl -w net.ipv4.ip_forward=1'],
      ['a key the kernel does not have: the write fails (sysctl-unknown-key)', 'PostUp = sysctl -w net.ipv4.conf.all.rp_filtr=2'],
      ['ip link of the interface', 'PostUp = ip link set %i mtu 1400'],
      ['a down script may undo anything', 'PostUp = iptables -A FORWARD -i %i -j ACCEPT\nPostDown = /etc/wireguard/down.sh'],
      ['flush of the chain', 'PostUp = iptables -N WG; iptables -A WG -j ACCEPT\nPostDown = iptables -F WG; iptables -X WG'],
      ['own nft table deleted', "PostUp = nft add table inet wg0fw; nft 'add chain inet wg0fw fw0 { type filter hook forward priority 0; }'\nPostDown = nft delete table inet wg0fw"],
      ['global sysctl restored', 'PostUp = sysctl -w net.ipv4.conf.all.rp_filter=2\nPostDown = sysctl -w net.ipv4.conf.all.rp_filter=1'],
      ['ip6tables pair', 'PostUp = ip6tables -A FORWARD -i %i -j ACCEPT\nPostDown = ip6tables -D FORWARD -i %i -j ACCEPT'],
      ['firewall-cmd add and remove, `=` or a separate value', 'PostUp = firewall-cmd --zone=public --add-interface=%i && firewall-cmd --add-port 51820/udp\nPostDown = firewall-cmd --zone=public --remove-interface=%i && firewall-cmd --remove-port=51820/udp'],
      ['firewall-cmd rich rule removed with other quoting', `PostUp = firewall-cmd --add-rich-rule='rule family="ipv4" source address="10.66.66.0/24" masquerade'\nPostDown = firewall-cmd --remove-rich-rule='rule family=ipv4  source address=10.66.66.0/24 masquerade'`],
      ['firewall-cmd direct rule removed', 'PostUp = firewall-cmd --direct --add-rule ipv4 filter FORWARD 0 -i %i -j ACCEPT\nPostDown = firewall-cmd --direct --remove-rule ipv4 filter FORWARD 0 -i %i -j ACCEPT'],
      ['firewall-cmd --permanent is the saved configuration', 'PostUp = firewall-cmd --permanent --add-port=51820/udp'],
      ['firewall-cmd --timeout expires by itself', 'PostUp = firewall-cmd --add-port=51820/udp --timeout=1h'],
      ['firewall-cmd remove in the default zone may be the named zone', 'PostUp = firewall-cmd --zone=public --add-masquerade\nPostDown = firewall-cmd --remove-masquerade'],
      ['firewall-cmd --reload in a down hook may undo anything', 'PostUp = firewall-cmd --add-port=51820/udp\nPostDown = firewall-cmd --reload'],
      ['firewall-cmd queries change nothing', 'PostUp = firewall-cmd --query-port=51820/udp || firewall-cmd --list-all'],
    ])('%s', (_name, hooks) => {
      expect(run(ID, { [CONF]: wg(`Address = 10.0.0.1/24\n${hooks}`) })).toEqual([]);
    });

    it('seed 002: wg-a.conf with PreUp/PostDown pairs and a dev route', () => {
      const text = wg(
        'Address = 10.200.200.1\nListenPort = 51821\nTable = 41\nPreUp = ip rule add from 10.200.200.1 table 41 priority 100\nPostDown = ip rule del from 10.200.200.1 table 41 priority 100\nPostUp = ip route add 10.100.100.1 dev %i\nPreUp = iptables -t nat -A PREROUTING -i %i -j DNAT --to-destination 10.200.200.1\nPostDown = iptables -t nat -D PREROUTING -i %i -j DNAT --to-destination 10.200.200.1',
      );
      expect(run(ID, { 'etc/wireguard/wg-a.conf': text })).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('iptables -A without -D, with a fix that adds the PostDown line', () => {
      const files = { [CONF]: wg('Address = 10.0.0.1/24\nPostUp = iptables -A FORWARD -i %i -j ACCEPT # allow\nPostUp = iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\nPostDown = iptables -D FORWARD -i %i -j ACCEPT # allow') };
      const ds = run(ID, files);
      expect(ds).toHaveLength(1);
      expect(at(files, ds[0]!)).toBe('iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE');
      expect(ds[0]!.message).toContain('Add `PostDown = iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE`');
      const out = fixed(files, ds[0]!);
      expect(out).toContain('PostDown = iptables -D FORWARD -i %i -j ACCEPT # allow\nPostDown = iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE\n');
      expect(out.replace('\nPostDown = iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE', '')).toBe(files[CONF]);
      expect(run(ID, { [CONF]: out })).toEqual([]);
    });

    it('-I FORWARD 2 is undone with -D FORWARD (position dropped)', () => {
      const files = { [CONF]: wg('PostUp = iptables -I FORWARD 2 -i %i -j ACCEPT') };
      const [d] = run(ID, files);
      expect(d?.message).toContain('`PostDown = iptables -D FORWARD -i %i -j ACCEPT`');
      expect(run(ID, { [CONF]: fixed(files, d!) })).toEqual([]);
    });

    it('a -D with a different spec does not undo the -A', () => {
      const files = { [CONF]: wg('PostUp = iptables -A FORWARD -i %i -o eth0 -j ACCEPT\nPostDown = iptables -D FORWARD -i %i -j ACCEPT') };
      const ds = run(ID, files);
      expect(ds.map((d) => at(files, d))).toEqual(['iptables -A FORWARD -i %i -o eth0 -j ACCEPT']);
    });

    it('each command of a `;` list is checked on its own', () => {
      const files = { [CONF]: wg('PostUp = iptables -A FORWARD -i %i -j ACCEPT; iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\nPostDown = iptables -D FORWARD -i %i -j ACCEPT') };
      const ds = run(ID, files);
      expect(ds.map((d) => at(files, d))).toEqual(['iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE']);
      expect(ds[0]!.range.start).toBeGreaterThan(files[CONF].indexOf('; '));
    });

    it('ip rule add without del, fixed with ip rule del', () => {
      const files = { [CONF]: wg('Table = 123\nPreUp = ip rule add fwmark 1 table 123 priority 456') };
      const [d, ...rest] = run(ID, files);
      expect(rest).toEqual([]);
      expect(at(files, d!)).toBe('ip rule add fwmark 1 table 123 priority 456');
      expect(d!.message).toContain('policy routing rule');
      expect(fixed(files, d!)).toContain('PreUp = ip rule add fwmark 1 table 123 priority 456\nPostDown = ip rule del fwmark 1 table 123 priority 456\n');
    });

    it('an -R whose replacement nobody deletes (near miss of the -R pair)', () => {
      const files = { [CONF]: wg('PostUp = iptables -I FORWARD 1 -i %i -j DROP; iptables -R FORWARD 1 -i %i -o eth0 -j ACCEPT') };
      const ds = run(ID, files);
      expect(ds.map((d) => at(files, d))).toEqual(['iptables -R FORWARD 1 -i %i -o eth0 -j ACCEPT']);
      expect(ds[0]!.message).toContain('`PostDown = iptables -D FORWARD -i %i -o eth0 -j ACCEPT`');
    });
    it('a chain renamed with -E but a down hook deleting another chain (near miss)', () => {
      const files = { [CONF]: wg('PostUp = iptables -N WGX; iptables -E WGX WGY\nPostDown = iptables -X WGZ') };
      expect(run(ID, files).map((d) => at(files, d))).toEqual(['iptables -N WGX']);
    });

    it('ip route via another device', () => {
      const files = { [CONF]: wg('PostUp = ip route add 192.168.99.0/24 via 192.168.1.1 dev eth0') };
      const [d] = run(ID, files);
      expect(d?.message).toContain('`PostDown = ip route del 192.168.99.0/24 via 192.168.1.1 dev eth0`');
      // a second `ip route add` fails rather than adding a copy
      expect(d?.message).toContain('the next `wg-quick up` stops at this line');
    });

    it('ip route via a gateway that is not on the interface\'s subnet (near miss: the address is a /32)', () => {
      const files = { [CONF]: wg('Address = 10.8.0.1/32\nTable = off\nPostUp = ip route add 192.168.20.0/24 via 10.8.0.2') };
      expect(run(ID, files)).toHaveLength(1);
    });

    it('nft rule without a table delete: no fix, advice', () => {
      const files = { [CONF]: wg("PostUp = nft add rule inet filter forward iifname %i accept") };
      const [d] = run(ID, files);
      expect(d?.message).toContain('nft delete table inet filter');
      expect(d?.fix).toBeUndefined();
    });

    it('global sysctl changed without restoring it: no fix', () => {
      const files = { [CONF]: wg('PostUp = sysctl -w net.ipv4.conf.all.src_valid_mark=1') };
      const [d] = run(ID, files);
      expect(d?.message).toContain('net.ipv4.conf.all.src_valid_mark=1');
      expect(d?.fix).toBeUndefined();
    });

    it('nft add table, fixed with nft delete table', () => {
      const files = { [CONF]: wg("PostUp = nft add table inet wg0fw; nft 'add chain inet wg0fw fw0 { type filter hook forward priority 0; }'") };
      const ds = run(ID, files);
      expect(ds.map((d) => at(files, d))).toEqual(['nft add table inet wg0fw', "nft 'add chain inet wg0fw fw0 { type filter hook forward priority 0; }'"]);
      const out = fixed(files, ds[0]!);
      expect(out).toContain('\nPostDown = nft delete table inet wg0fw\n');
      expect(run(ID, { [CONF]: out })).toEqual([]);
    });

    it('a refused PostDown does not undo anything', () => {
      const files = { [CONF]: wg('PostUp = nft add rule inet filter forward iifname %i accept\nPostDown = nft delete rule inet filter forward iifname %i accept') };
      expect(run(ID, files).map((d) => at(files, d))).toEqual(['nft add rule inet filter forward iifname %i accept']);
    });

    // Near misses from a real config (a Cloudflare WARP setup script writing warp0.conf, see test/wild/cloudflare-warp0):
    // the rules still outlive the interface, but the message must not claim every restart adds a copy.
    it('idempotent PostUp (`-D ... || true; -A ...`) still outlives the interface, without a copy per restart', () => {
      const files = { [CONF]: wg('PostUp = iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE 2>/dev/null || true; iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE') };
      const [d, ...rest] = run(ID, files);
      expect(rest).toEqual([]);
      expect(at(files, d!)).toBe('iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE');
      expect(d!.message).toContain('the next `wg-quick up` deletes it before adding it again');
      expect(d!.message).not.toContain('adds another copy');
    });

    it('a -D of the same rule after the -A does not make the add idempotent', () => {
      const files = { [CONF]: wg('PostUp = iptables -A FORWARD -i %i -j ACCEPT; iptables -D FORWARD -i %i -j ACCEPT 2>/dev/null || true; iptables -A FORWARD -i %i -j ACCEPT') };
      const ds = run(ID, files);
      expect(ds.map((d) => d.message.includes('adds another copy'))).toEqual([true, false]);
    });

    it('ip rule add with a priority: the kernel refuses a second copy', () => {
      const tolerant = run(ID, { [CONF]: wg('Table = off\nPostUp = ip rule add fwmark 51820 lookup 51820 priority 100 2>/dev/null || true') });
      expect(tolerant).toHaveLength(1);
      expect(tolerant[0]!.message).toContain('keeps that one copy');
      const strict = run(ID, { [CONF]: wg('Table = off\nPostUp = ip rule add fwmark 51820 lookup 51820 priority 100') });
      expect(strict[0]!.message).toContain('the next `wg-quick up` stops at this line');
      const unnumbered = run(ID, { [CONF]: wg('Table = off\nPostUp = ip rule add fwmark 51820 lookup 51820') });
      expect(unnumbered[0]!.message).toContain('every restart adds another copy');
    });

    it('firewall-cmd --add-* without a --remove-*, fixed with one', () => {
      const files = { [CONF]: wg('PostUp = firewall-cmd --zone=public --add-port=51820/udp --add-masquerade') };
      const ds = run(ID, files);
      expect(ds.map((d) => d.message.match(/adds (a firewalld setting \([^)]*\))/)?.[1])).toEqual([
        'a firewalld setting (`--add-port 51820/udp` in zone public)',
        'a firewalld setting (`--add-masquerade` in zone public)',
      ]);
      expect(ds[0]!.message).toContain('Add `PostDown = firewall-cmd --zone=public --remove-port=51820/udp`');
      expect(ds[0]!.message).toContain('firewalld keeps it until it reloads');
      const once = fixed(files, ds[0]!);
      expect(run(ID, { [CONF]: fixed({ [CONF]: once }, run(ID, { [CONF]: once })[0]!) })).toEqual([]);
    });

    it('a rich rule without its removal: the undo keeps the rule as written', () => {
      const files = { [CONF]: wg(`PostUp = firewall-cmd --add-rich-rule='rule family="ipv4" source address="10.66.66.0/24" log prefix="wg in" accept'`) };
      const [d, ...rest] = run(ID, files);
      expect(rest).toEqual([]);
      expect(d!.message).toContain(`Add \`PostDown = firewall-cmd --remove-rich-rule='rule family="ipv4" source address="10.66.66.0/24" log prefix="wg in" accept'\``);
      expect(run(ID, { [CONF]: fixed(files, d!) })).toEqual([]);
    });

    it('a PostDown that adds what the PostUp added (angristan/wireguard-install), fixed by swapping the verb', () => {
      const files = {
        [CONF]: wg(
          "PostUp = firewall-cmd --zone=public --add-interface=%i && firewall-cmd --add-rich-rule='rule family=ipv4 source address=10.66.66.0/24 masquerade'\n" +
            "PostDown = firewall-cmd --zone=public --add-interface=%i && firewall-cmd --remove-rich-rule='rule family=ipv4 source address=10.66.66.0/24 masquerade'",
        ),
      };
      const ds = run(ID, files);
      expect(ds).toHaveLength(1);
      expect(at(files, ds[0]!)).toBe('firewall-cmd --zone=public --add-interface=%i');
      expect(ds[0]!.message).toMatch(/\(PostDown\) adds a firewalld setting \(`--add-interface wg0` in zone public\) again instead of removing it/);
      expect(ds[0]!.message).toContain('Write `firewall-cmd --zone=public --remove-interface=wg0`');
      const out = fixed(files, ds[0]!);
      expect(out).toContain('PostDown = firewall-cmd --zone=public --remove-interface=%i && ');
      expect(run(ID, { [CONF]: out })).toEqual([]);
    });

    it('firewall-cmd in a down hook undoes nothing else (it used to silence the rule like a script)', () => {
      const files = { [CONF]: wg('PostUp = iptables -A FORWARD -i %i -j ACCEPT\nPostDown = firewall-cmd --remove-port=51820/udp') };
      expect(run(ID, files).map((d) => at(files, d))).toEqual(['iptables -A FORWARD -i %i -j ACCEPT']);
    });

    it('nft add element: undone by the same command with delete; adding it again changes nothing (nft 1.0.6 keeps one element)', () => {
      const files = { [CONF]: wg('PostUp = nft add element inet filter peers { 10.0.0.2 }') };
      const [d, ...rest] = run(ID, files);
      expect(rest).toEqual([]);
      expect(d!.message).toContain('the next `wg-quick up` adds it again, which changes nothing');
      expect(d!.message).toContain('Add `PostDown = nft delete element inet filter peers { 10.0.0.2 }`');
      expect(run(ID, { [CONF]: fixed(files, d!) })).toEqual([]);
    });

    it('an nft rule added to the host firewall\'s own table: never advise deleting that table', () => {
      const files = {
        [CONF]: wg('PostUp = nft add rule inet filter input udp dport 51820 accept'),
        'etc/nftables.conf': 'table inet filter {\n\tchain input {\n\t\ttype filter hook input priority filter; policy drop;\n\t}\n}\n',
      };
      const [d] = run(ID, files);
      expect(d!.message).toContain("inet filter is the host's firewall (etc/nftables.conf:2)");
      expect(d!.message).toContain('`nft add table inet wg0`');
      expect(d!.message).not.toContain('nft delete table inet filter');
    });

    it('nft create: the next up fails at that line', () => {
      const [d] = run(ID, { [CONF]: wg('PostUp = nft create table inet wg') });
      expect(d!.message).toContain('the next `wg-quick up` stops at this line: `nft create` fails with "File exists"');
    });

    it('keeps CRLF line endings in the fix', () => {
      const files = { [CONF]: wg('PostUp = iptables -A INPUT -i %i -j ACCEPT').replace(/\n/g, '\r\n') };
      const [d] = run(ID, files);
      expect(d?.fix?.edits[0]?.text).toBe('\r\nPostDown = iptables -D INPUT -i %i -j ACCEPT');
    });
  });
});
