// Cases for nft's evaluation-step errors (src/evaluate): each is a whole `nft -f` file. `bad`
// cases give what wglint must say (`message`), where (`at`: the text the problem starts at and,
// with `len`, how long it is) and what nft says (`nft`, one of its wordings); good cases are near
// misses nft loads. Shared by the unit test and the oracle test (which runs the real nft on each).

export interface EvalCase {
  readonly name: string;
  readonly text: string;
  /** For bad cases: the start of wglint's message. */
  readonly message?: string;
  /** For bad cases: the source text the problem's range covers (first occurrence after `after`). */
  readonly at?: string;
  readonly after?: string;
  /** For bad cases: nft's error, any of these wordings (1.0.6, 1.1.x). */
  readonly nft?: readonly string[];
}

const filter = (body: string, family = 'inet'): string =>
  `table ${family} t {\n\tchain c {\n\t\ttype filter hook input priority 0; policy accept;\n\t\t${body}\n\t}\n}\n`;
const nat = (body: string, family = 'inet', hook = 'prerouting'): string =>
  `table ${family} t {\n\tchain c {\n\t\ttype nat hook ${hook} priority 0; policy accept;\n\t\t${body}\n\t}\n}\n`;
const set = (type: string, lines: string): string => `table inet t {\n\tset s {\n\t\ttype ${type}\n${lines}\t}\n}\n`;

const RANGE = ['Range has zero or negative size', 'Range negative size'];
const CONFLICT = ['conflicting protocols specified'];
const NAT_FAMILY = ['ip or ip6 must be specified with address for inet tables', 'to disambiguate'];
const OVERLAP = ['conflicting intervals specified'];
const WIDE = ['exceeds valid range'];
const PORT = ['Service out of range'];

export const BAD: readonly EvalCase[] = [
  // reversed ranges
  { name: 'reversed port range', text: filter('tcp dport 1024-80 accept'), message: 'range `1024-80` is empty', at: '1024-80', nft: RANGE },
  { name: 'reversed hex range', text: filter('meta mark 0x10-0x1 accept'), message: 'range `0x10-0x1` is empty', at: '0x10-0x1', nft: RANGE },
  { name: 'reversed IPv4 range', text: filter('ip saddr 10.0.0.9-10.0.0.1 accept'), message: 'range `10.0.0.9-10.0.0.1` is empty', at: '10.0.0.9-10.0.0.1', nft: RANGE },
  { name: 'reversed IPv6 range', text: filter('ip6 saddr 2001:db8::9-2001:db8::1 accept'), message: 'range `2001:db8::9-2001:db8::1`', at: '2001:db8::9-2001:db8::1', nft: RANGE },
  { name: 'reversed IPv4-mapped IPv6 range', text: filter('ip6 saddr ::ffff:10.0.0.9-::ffff:10.0.0.1 accept'), message: 'range `', at: '::ffff:10.0.0.9-::ffff:10.0.0.1', nft: RANGE },
  { name: 'reversed MAC range', text: filter('ether saddr 00:11:22:33:44:55-00:11:22:33:44:00 accept'), message: 'range `', at: '00:11:22:33:44:55-00:11:22:33:44:00', nft: RANGE },
  { name: 'reversed range in an anonymous set', text: filter('tcp dport { 22, 1024-80 } accept'), message: 'range `1024-80`', at: '1024-80', nft: RANGE },
  { name: 'reversed range with !=', text: filter('tcp dport != 1024-80 accept'), message: 'range `1024-80`', at: '1024-80', nft: RANGE },
  { name: 'reversed range in a concatenation', text: filter('ip saddr . tcp dport { 10.0.0.1 . 1024-80 } accept'), message: 'range `1024-80`', at: '1024-80', nft: RANGE },
  { name: 'reversed range in a vmap', text: filter('tcp dport vmap { 1024-80 : accept }'), message: 'range `1024-80`', at: '1024-80', nft: RANGE },
  { name: 'reversed range in a mangle value', text: filter('meta mark set 5-1'), message: 'range `5-1`', at: '5-1', nft: RANGE },
  { name: 'reversed range in a set declaration', text: set('inet_service', '\t\tflags interval\n\t\telements = { 22, 1024-80 }\n'), message: 'range `1024-80`', at: '1024-80', nft: RANGE },
  { name: 'reversed range in a map value', text: `table inet t {\n\tmap m {\n\t\ttype ipv4_addr : ipv4_addr\n\t\telements = { 10.0.0.1 : 10.0.0.9-10.0.0.1 }\n\t}\n}\n`, message: 'range `10.0.0.9-10.0.0.1`', at: '10.0.0.9-10.0.0.1', nft: RANGE },
  { name: 'reversed range in add element', text: `${set('ipv4_addr', '\t\tflags interval\n')}add element inet t s { 10.0.0.9-10.0.0.1 }\n`, message: 'range `10.0.0.9-10.0.0.1`', at: '10.0.0.9-10.0.0.1', nft: RANGE },
  { name: 'reversed dnat address range', text: nat('tcp dport 22 dnat ip to 10.0.0.9-10.0.0.1'), message: 'range `10.0.0.9-10.0.0.1`', at: '10.0.0.9-10.0.0.1', nft: RANGE },
  { name: 'reversed dnat port range', text: nat('tcp dport 22 dnat to 10.0.0.1:2000-1000', 'ip'), message: 'range `2000-1000`', at: '2000-1000', nft: RANGE },
  // numbers too wide for their field
  { name: 'ip ttl 256', text: filter('ip ttl 256 accept'), message: 'value 256 does not fit `ip ttl` (8 bits)', at: '256', nft: WIDE },
  { name: 'ip dscp 64', text: filter('ip dscp 64 accept'), message: 'value 64 does not fit `ip dscp` (6 bits)', at: '64', nft: WIDE },
  { name: 'ip dscp 0x40 in a set', text: filter('ip dscp { 10, 0x40 } accept'), message: 'value 0x40 does not fit `ip dscp`', at: '0x40', nft: WIDE },
  { name: 'ip6 flowlabel range end', text: filter('ip6 flowlabel 1-1048576 accept'), message: 'value 1048576 does not fit `ip6 flowlabel` (20 bits)', at: '1048576', nft: WIDE },
  { name: 'ip6 hoplimit set 300', text: filter('ip6 hoplimit set 300'), message: 'value 300 does not fit `ip6 hoplimit`', at: '300', nft: WIDE },
  { name: 'tcp sequence over 32 bits', text: filter('tcp sequence 4294967296 accept'), message: 'value 4294967296 does not fit `tcp sequence`', at: '4294967296', nft: WIDE },
  { name: 'vlan id 4096', text: filter('vlan id 4096 accept', 'bridge'), message: 'value 4096 does not fit `vlan id` (12 bits)', at: '4096', nft: WIDE },
  { name: 'ct zone 65536', text: filter('ct zone 65536 accept'), message: 'value 65536 does not fit `ct zone`', at: '65536', nft: WIDE },
  { name: 'meta mark set over 32 bits', text: filter('meta mark set 0x100000000'), message: 'value 0x100000000 does not fit `meta mark` (32 bits)', at: '0x100000000', nft: WIDE },
  { name: 'ct mark set over 32 bits', text: filter('ct mark set 4294967296'), message: 'value 4294967296 does not fit `ct mark`', at: '4294967296', nft: WIDE },
  { name: 'tcp dport set 70000', text: filter('tcp dport set 70000'), message: 'port 70000 is out of range for `tcp dport`', at: '70000', nft: PORT },
  // conflicting protocols
  { name: 'tcp then udp', text: filter('tcp dport 22 udp dport 53 accept'), message: 'conflicting protocols: `udp dport` needs udp', at: 'udp dport', nft: CONFLICT },
  { name: 'tcp then udp in an ip table', text: filter('tcp dport 22 udp dport 53 accept', 'ip'), message: 'conflicting protocols: `udp dport`', at: 'udp dport', nft: CONFLICT },
  { name: 'tcp then udp after a counter', text: filter('tcp dport 22 counter udp dport 53 accept'), message: 'conflicting protocols: `udp dport`', at: 'udp dport', nft: CONFLICT },
  { name: 'tcp != then udp', text: filter('tcp dport != 22 udp dport 53 accept'), message: 'conflicting protocols: `udp dport`', at: 'udp dport', nft: CONFLICT },
  { name: 'meta l4proto udp then tcp', text: filter('meta l4proto udp tcp dport 22 accept'), message: 'conflicting protocols: `tcp dport` needs tcp', at: 'tcp dport', nft: CONFLICT },
  { name: 'meta l4proto 17 then tcp', text: filter('meta l4proto 17 tcp dport 22 accept'), message: 'conflicting protocols: `tcp dport`', at: 'tcp dport', nft: CONFLICT },
  { name: 'ip protocol udp then tcp', text: filter('ip protocol udp tcp dport 22 accept'), message: 'conflicting protocols: `tcp dport`', at: 'tcp dport', nft: CONFLICT },
  { name: 'ip6 nexthdr udp then tcp', text: filter('ip6 nexthdr udp tcp dport 22 accept', 'ip6'), message: 'conflicting protocols: `tcp dport`', at: 'tcp dport', nft: CONFLICT },
  { name: 'udp vmap then tcp', text: filter('udp dport vmap { 53 : accept } tcp dport 22 accept'), message: 'conflicting protocols: `tcp dport`', at: 'tcp dport', after: 'vmap', nft: CONFLICT },
  { name: 'tcp then icmp', text: filter('tcp dport 22 icmp type echo-request accept'), message: 'conflicting protocols: `icmp type`', at: 'icmp type', nft: CONFLICT },
  { name: 'icmp then icmpv6', text: filter('icmp type echo-request icmpv6 type echo-request accept'), message: 'conflicting protocols: `icmpv6 type`', at: 'icmpv6 type', nft: CONFLICT },
  { name: 'sctp then tcp', text: filter('sctp dport 22 tcp dport 22 accept'), message: 'conflicting protocols: `tcp dport`', at: 'tcp dport', nft: CONFLICT },
  { name: 'ip then ip6 in inet', text: filter('ip saddr 1.2.3.4 ip6 daddr ::1 accept'), message: 'conflicting protocols: `ip6 daddr` needs ip6', at: 'ip6 daddr', nft: CONFLICT },
  { name: 'meta nfproto ipv6 then ip', text: filter('meta nfproto ipv6 ip saddr 1.2.3.4 accept'), message: 'conflicting protocols: `ip saddr` needs ip', at: 'ip saddr', nft: CONFLICT },
  { name: 'ip6 in an ip table', text: filter('ip6 saddr ::1 accept', 'ip'), message: 'conflicting protocols: `ip6 saddr`', at: 'ip6 saddr', nft: CONFLICT },
  { name: 'ip in an ip6 table', text: filter('ip saddr 1.2.3.4 accept', 'ip6'), message: 'conflicting protocols: `ip saddr`', at: 'ip saddr', nft: CONFLICT },
  // inet NAT without an address family
  { name: 'inet dnat to an address', text: nat('dnat to 10.0.0.1'), message: '`dnat to` an address in an `inet` table needs its address family', at: 'dnat to 10.0.0.1', nft: NAT_FAMILY },
  { name: 'inet dnat after tcp dport', text: nat('tcp dport 22 dnat to 10.0.0.1:22'), message: '`dnat to` an address', at: 'dnat to 10.0.0.1', nft: NAT_FAMILY },
  { name: 'inet dnat after meta l4proto', text: nat('meta l4proto tcp dnat to 10.0.0.1'), message: '`dnat to` an address', at: 'dnat to 10.0.0.1', nft: NAT_FAMILY },
  { name: 'inet dnat after iifname and ct state', text: nat('iifname "wg0" ct state new dnat to 10.0.0.1'), message: '`dnat to` an address', at: 'dnat to 10.0.0.1', nft: NAT_FAMILY },
  { name: 'inet dnat to IPv6', text: nat('dnat to dead::1'), message: '`dnat to` an address', at: 'dnat to dead::1', nft: NAT_FAMILY },
  { name: 'inet snat to an address', text: nat('snat to 10.0.0.1', 'inet', 'postrouting'), message: '`snat to` an address', at: 'snat to 10.0.0.1', nft: NAT_FAMILY },
  { name: 'inet snat to a range', text: nat('snat to 10.0.0.1-10.0.0.9', 'inet', 'postrouting'), message: '`snat to` an address', at: 'snat to 10.0.0.1-10.0.0.9', nft: NAT_FAMILY },
  // overlapping interval set elements
  { name: 'prefix inside prefix', text: set('ipv4_addr', '\t\tflags interval\n\t\telements = { 10.0.0.0/8, 10.1.0.0/16 }\n'), message: 'conflicting intervals: this element overlaps `10.0.0.0/8`', at: '10.1.0.0/16', nft: OVERLAP },
  { name: 'overlapping port ranges', text: set('inet_service', '\t\tflags interval\n\t\telements = { 1500-2500, 1000-2000 }\n'), message: 'conflicting intervals: this element overlaps `1500-2500`', at: '1000-2000', nft: OVERLAP },
  { name: 'ranges sharing an end', text: set('inet_service', '\t\tflags interval\n\t\telements = { 1000-2000, 2000-2500 }\n'), message: 'conflicting intervals', at: '2000-2500', nft: OVERLAP },
  { name: 'value inside a range', text: set('inet_service', '\t\tflags interval\n\t\telements = { 1000-2000, 80, 1500 }\n'), message: 'conflicting intervals: this element overlaps `1000-2000`', at: '1500', nft: OVERLAP },
  { name: 'overlap in an interval map', text: `table inet t {\n\tmap m {\n\t\ttype ipv4_addr : verdict\n\t\tflags interval\n\t\telements = { 10.0.0.0/8 : accept, 10.0.0.0/24 : drop }\n\t}\n}\n`, message: 'conflicting intervals', at: '10.0.0.0/24', nft: OVERLAP },
  { name: 'overlap in a timeout set', text: set('ipv4_addr', '\t\tflags interval,timeout\n\t\telements = { 10.0.0.0/8, 10.1.0.0/16 }\n'), message: 'conflicting intervals', at: '10.1.0.0/16', nft: OVERLAP },
  { name: 'overlap in a typeof set', text: `table inet t {\n\tset s {\n\t\ttypeof ip saddr\n\t\tflags interval\n\t\telements = { 10.0.0.0/8, 10.1.0.0/16 }\n\t}\n}\n`, message: 'conflicting intervals', at: '10.1.0.0/16', nft: OVERLAP },
  { name: 'overlapping IPv6 prefixes', text: set('ipv6_addr', '\t\tflags interval\n\t\telements = { 2001:db8::/32, 2001:db8:1::/48 }\n'), message: 'conflicting intervals: this element overlaps `2001:db8::/32`', at: '2001:db8:1::/48', nft: OVERLAP },
  { name: 'MAC inside a MAC range', text: set('ether_addr', '\t\tflags interval\n\t\telements = { 00:11:22:33:44:00-00:11:22:33:44:ff, 00:11:22:33:44:55 }\n'), message: 'conflicting intervals', at: '00:11:22:33:44:55', after: 'ff,', nft: OVERLAP },
  { name: 'overlap far apart in source', text: set('ipv4_addr', '\t\tflags interval\n\t\telements = { 10.0.0.5, 192.168.0.0/16, 172.16.0.0/12, 10.0.0.0/29 }\n'), message: 'conflicting intervals: this element overlaps `10.0.0.5`', at: '10.0.0.0/29', nft: OVERLAP },
];

export const GOOD: readonly string[] = [
  // ranges nft accepts
  filter('tcp dport 1024-1024 accept'),
  filter('tcp dport 80-1024 accept'),
  filter('ip saddr 10.0.0.1-10.0.0.1 accept'),
  filter('ip saddr 10.0.0.1-10.0.0.9 accept'),
  filter('ip6 saddr ::1-::9 accept'),
  filter('udp dport 0-0 accept'),
  filter('meta hour "23:00"-"01:00" accept'),
  nat('tcp dport 22 dnat to 10.0.0.1:1000-2000', 'ip'),
  'define r = 1024-80\ntable inet t {\n\tchain c {\n\t\ttype filter hook input priority 0;\n\t\ttcp dport 22 accept\n\t}\n}\n',
  // field maxima
  filter('ip ttl 255 ip dscp 63 ip length 65535 ip version 4 accept'),
  filter('ip6 flowlabel 1048575 ip6 hoplimit 0-255 accept'),
  filter('ip dscp { 10, 0x3f } accept'),
  filter('tcp sequence 4294967295 tcp window 65535 accept'),
  filter('vlan id 4095 vlan pcp 7 accept', 'bridge'),
  filter('ct zone 65535 accept'),
  filter('meta mark set 0xffffffff ct mark set 4294967295'),
  filter('tcp dport set 65535'),
  filter('ip ttl set 255'),
  filter('meta mark & 0xff == 0x1 accept'),
  // protocol near misses
  filter('meta l4proto tcp th dport 22 accept'),
  filter('meta l4proto { tcp, udp } th dport 53 accept'),
  filter('udp dport 53 th dport 53 accept'),
  filter('tcp dport 22 tcp sport 1024 accept'),
  filter('tcp dport 22 meta l4proto udp accept'),
  filter('meta l4proto != udp tcp dport 22 accept'),
  filter('ip protocol != udp tcp dport 22 accept'),
  filter('ip protocol { tcp, udp } th dport 22 accept'),
  filter('ip6 saddr ::1 icmp type echo-request accept'),
  filter('ip saddr 1.2.3.4 icmpv6 type echo-request accept'),
  filter('icmp type echo-request accept', 'ip6'),
  filter('ip protocol tcp tcp dport 22 accept', 'ip'),
  filter('meta nfproto ipv4 ip saddr 1.2.3.4 accept'),
  filter('iifname "wg0" ct state new tcp dport 22 meta mark set 1 counter accept'),
  filter('tcp flags & (syn | ack) == syn tcp dport 22 accept'),
  // NAT near misses
  nat('dnat ip to 10.0.0.1'),
  nat('dnat ip6 to dead::1'),
  nat('ip saddr 1.2.3.4 dnat to 10.0.0.1'),
  nat('meta nfproto ipv4 dnat to 10.0.0.1'),
  nat('ip protocol tcp dnat to 10.0.0.1'),
  nat('icmp type echo-request dnat to 10.0.0.1'),
  nat('tcp dport 22 dnat to :2222'),
  nat('dnat to 10.0.0.1', 'ip'),
  nat('ip daddr 10.0.0.1 tcp dport 22 dnat to 10.0.0.2:2222'),
  nat('meta nfproto ipv6 snat to dead::1', 'inet', 'postrouting'),
  // a one-element set is a constant to nft: it fixes the family
  nat('meta nfproto { ipv4 } dnat to 10.0.0.1'),
  // interval near misses
  set('inet_service', '\t\tflags interval\n\t\telements = { 22, 22 }\n'),
  set('inet_service', '\t\tflags interval\n\t\telements = { 1000-1999, 2000-2500 }\n'),
  set('ipv4_addr', '\t\tflags interval\n\t\tauto-merge\n\t\telements = { 10.0.0.0/8, 10.1.0.0/16 }\n'),
  set('ipv4_addr', '\t\tflags interval\n\t\telements = { 10.0.0.0/8, 11.0.0.0/8, 192.168.0.0/16 }\n'),
  set('ipv4_addr', '\t\tflags interval\n\t\telements = { 10.0.0.0/8, 10.0.0.0-10.255.255.255 }\n'),
  set('ipv4_addr', '\t\telements = { 10.0.0.1, 10.0.0.1 }\n'),
  set('ipv4_addr', '\t\tflags interval\n\t\telements = { 10.0.0.1/8, 10.0.0.0/8 }\n'),
  set('ipv4_addr', '\t\tflags interval\n\t\telements = { 10.0.0.0/8, 10.0.0.0-10.255.255.255, 10.0.0.0/8 }\n'),
  set('ipv6_addr', '\t\tflags interval\n\t\telements = { 2001:db8::/48, 2001:db8:1::/48 }\n'),
  filter('tcp dport { 1000-2000, 1500-2500 } accept'),
];
