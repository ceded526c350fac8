// Keyword tables of the nft language (nft(8) EXPRESSIONS and STATEMENTS; src/parser_bison.y).
// The grammar is table-driven: `<proto> <field>`, `meta <key>`, `ct [dir] <key>` are looked up here.

const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

export const FAMILIES = set('ip ip6 inet arp bridge netdev');
export const VERBS = set('add create insert replace delete destroy flush list reset rename get describe monitor import export');
export const HOOKS = set('prerouting input forward output postrouting ingress egress');
export const CHAIN_TYPES = set('filter nat route');

/** Always-reserved keywords of nft 1.0.6 (src/scanner.l rules outside start conditions). */
export const RESERVED_WORDS = set(`accept add ah all and arp auto-merge bridge cgroup chain comment comp constant continue
  counter cpu create ct day dccp define delete describe device devices dnat drop dst dup dynamic ecn element elements eq
  esp ether exists expires export exthdr fib flags flow flowtable flush frag fwd gc-interval ge get goto gt handle hbh
  hook hour ibriport ibrname icmp icmpv6 igmp iif iifgroup iifname iiftype import include index inet insert interval ip
  ip6 ipsec jhash jump le limit list log lshift lt map mark masquerade meta meter mh missing monitor ne netdev nftrace not
  notrack numgen obriport obrname offload oif oifgroup oifname oiftype or osf pkttype policy position priority queue
  quota random redefine redirect reject rename replace reset return rshift rt rt0 rt2 rtclassid rule ruleset sctp secmark
  set size skgid skuid snat socket srh symhash synproxy table tcp th time timeout tproxy type typeof udp udplite
  undefine update vlan vmap xor xt 8021ad 8021q`);
/** Keywords that nft 1.1 adds to the reserved set. */
export const RESERVED_WORDS_1_1 = set('destroy geneve gre gretap last tunnel vni vxlan');

/** Reserved words that are still valid as a value on the right-hand side (keyword_expr, protocol names). */
export const RHS_KEYWORD_VALUES = set(`ether ip ip6 vlan arp dnat snat ecn reset destroy label last tcp udp udplite esp ah
  icmp igmp icmpv6 gre comp dccp sctp redirect original reply exists missing 8021q 8021ad`);

/** Payload headers and their fields. */
export const PAYLOAD_FIELDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['ether', set('daddr saddr type')],
  ['vlan', set('id cfi dei pcp type')],
  ['arp', set('htype ptype hlen plen operation saddr daddr')],
  ['ip', set('version hdrlength dscp ecn length id frag-off ttl protocol checksum saddr daddr')],
  ['icmp', set('type code checksum id sequence gateway mtu')],
  ['igmp', set('type mrt checksum group')],
  ['ip6', set('version dscp ecn flowlabel length nexthdr hoplimit saddr daddr')],
  ['icmpv6', set('type code checksum parameter-problem packet-too-big mtu id sequence max-delay taddr daddr')],
  ['tcp', set('sport dport sequence ackseq doff reserved flags window checksum urgptr')],
  ['udp', set('sport dport length checksum')],
  ['udplite', set('sport dport csumcov checksum')],
  ['sctp', set('sport dport vtag checksum')],
  ['dccp', set('sport dport type')],
  ['ah', set('nexthdr hdrlength reserved spi sequence')],
  ['esp', set('spi sequence')],
  ['comp', set('nexthdr flags cpi')],
  ['th', set('sport dport')],
  ['gre', set('version flags protocol')],
  ['vxlan', set('vni flags')],
  ['geneve', set('vni type')],
  ['hbh', set('nexthdr hdrlength')],
  ['rt', set('nexthdr hdrlength type seg-left')],
  ['rt0', set('addr')],
  ['rt2', set('addr')],
  ['srh', set('last-entry flags tag sid')],
  ['frag', set('nexthdr reserved frag-off reserved2 more-fragments id')],
  ['dst', set('nexthdr hdrlength')],
  ['mh', set('nexthdr hdrlength type reserved checksum')],
]);
/** IPv6 extension headers (exthdr expressions rather than payload). */
export const EXTHDRS = set('hbh rt rt0 rt2 srh frag dst mh');
/** Tunnel headers that may be followed by an inner header expression. */
export const TUNNELS = set('vxlan geneve gre gretap');
/** Headers an inner expression may use. */
export const INNER_PROTOS = set('ether ip ip6 tcp udp icmp icmpv6 igmp udplite sctp dccp ah esp comp th vlan arp');
/** Fields with an `[N]` index (`srh sid[1]`, `rt0 addr[1]`). */
export const INDEXED_FIELDS = set('sid addr');

export const META_QUALIFIED_ONLY = set('length protocol priority random secmark nfproto l4proto secpath bri_iifname bri_oifname ibrvproto ibrpvid iifkind oifkind sdif sdifname ibrhwaddr broute');
export const META_UNQUALIFIED = set('mark iif iifname iiftype oif oifname oiftype skuid skgid nftrace rtclassid ibriport obriport ibrname obrname pkttype cpu iifgroup oifgroup cgroup ipsec time day hour');
export const META_KEYS: ReadonlySet<string> = new Set([...META_QUALIFIED_ONLY, ...META_UNQUALIFIED]);
/** Meta keys nft rejects as unknown (deliberately absent from META_KEYS): `ibrhwaddr`, `broute` (parser_bison 1.0/1.1). */

export const CT_KEYS = set('l3proto protocol mark state direction status expiration helper saddr daddr proto-src proto-dst label event secmark id bytes packets avgpkt zone count timeout expectation');
export const CT_DIR_KEYS = set('saddr daddr l3proto protocol proto-src proto-dst bytes packets avgpkt zone');
export const CT_DIRS = set('original reply');

export const FIB_FLAGS = set('saddr daddr mark iif oif');
export const FIB_RESULTS = set('oif oifname type check');
export const RT_KEYS = set('classid nexthop mtu ipsec');
export const SOCKET_KEYS = set('transparent mark wildcard cgroupv2');
export const TCP_OPTIONS = set('echo eol fastopen md5sig mptcp mss maxseg nop sack-perm sack-permitted timestamp window sack sack0 sack1 sack2 sack3');
export const TCP_OPTION_FIELDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['mss', set('size length kind')], ['maxseg', set('size length kind')],
  ['sack', set('left right length kind')], ['sack0', set('left right length kind')], ['sack1', set('left right length kind')],
  ['sack2', set('left right length kind')], ['sack3', set('left right length kind')],
  ['window', set('count length kind')], ['timestamp', set('tsval tsecr length kind')], ['mptcp', set('subtype length kind')],
]);
export const IP_OPTIONS = set('lsrr rr ssrr ra');
export const IP_OPTION_FIELDS = set('type length value ptr addr');
export const SCTP_CHUNKS = set(`data init init-ack sack heartbeat heartbeat-ack abort shutdown shutdown-ack error cookie-echo
  cookie-ack ecne cwr shutdown-complete asconf-ack forward-tsn asconf`);
export const SCTP_CHUNK_FIELDS = set(`type flags length tsn stream ssn ppid init-tag a-rwnd num-outbound-streams
  num-inbound-streams initial-tsn cum-tsn-ack num-gap-ack-blocks num-dup-tsns lowest-tsn seqno new-cum-tsn`);

export const VERDICTS = set('accept drop continue return jump goto');
/** Statement keywords that start a statement (other than selectors). */
export const STATEMENT_KEYWORDS = set(`counter limit quota log reject snat dnat masquerade redirect tproxy queue dup fwd
  notrack synproxy meter last xt flow add update delete comment reset secmark`);
export const NAT_FLAGS = set('random fully-random persistent netmap');
export const LOG_LEVELS = set('emerg alert crit err warn notice info debug audit');
export const RELOPS: ReadonlyMap<string, '==' | '!=' | '<' | '>' | '<=' | '>='> = new Map([
  ['==', '=='], ['eq', '=='], ['!=', '!='], ['ne', '!='], ['<', '<'], ['lt', '<'], ['>', '>'], ['gt', '>'],
  ['<=', '<='], ['le', '<='], ['>=', '>='], ['ge', '>='],
]);
export const BINOPS: ReadonlyMap<string, '&' | '|' | '^' | '<<' | '>>'> = new Map([
  ['&', '&'], ['and', '&'], ['|', '|'], ['or', '|'], ['^', '^'], ['xor', '^'], ['<<', '<<'], ['lshift', '<<'],
  ['>>', '>>'], ['rshift', '>>'],
]);
export const TIME_UNITS = set('second minute hour day week');
export const BYTE_UNITS = set('bytes kbytes mbytes');

/** Standard priority names (src/rule.c std_prios / bridge_std_prios). */
export const PRIORITIES: ReadonlyMap<string, number> = new Map([
  ['raw', -300], ['mangle', -150], ['dstnat', -100], ['filter', 0], ['security', 50], ['srcnat', 100],
]);
export const BRIDGE_PRIORITIES: ReadonlyMap<string, number> = new Map([
  ['dstnat', -300], ['filter', -200], ['out', 100], ['srcnat', 300],
]);

/** Plural/list objects of `list`, `flush`, `reset`, `delete`, … commands. */
export const COMMAND_OBJECTS = set(`ruleset table tables chain chains rule rules set sets map maps element elements flowtable
  flowtables counter counters quota quotas limit limits secmark secmarks synproxy synproxys meter meters hooks ct`);
export const OBJECT_KINDS = set('counter quota limit secmark synproxy');
export const CT_OBJECT_KINDS = set('helper timeout expectation');
export const CT_OBJECT_PLURALS = set('helpers timeouts expectations');
