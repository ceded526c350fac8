/**
 * Sysctl names wglint knows (Linux 6.18, read from /proc/sys, plus a few keys of older kernels), used
 * to spot misspellings such as `net.ipv4.ip_foward`. Only the trees listed here are checked.
 */

export const IPV4_KEYS: readonly string[] = (
  'cipso_cache_bucket_size cipso_cache_enable cipso_rbm_optfmt cipso_rbm_strictvalid fib_multipath_hash_fields ' +
  'fib_multipath_hash_policy fib_multipath_hash_seed fib_multipath_use_neigh fib_notify_on_flag_change ' +
  'fib_sync_mem fwmark_reflect icmp_echo_enable_probe icmp_echo_ignore_all icmp_echo_ignore_broadcasts ' +
  'icmp_errors_use_inbound_ifaddr icmp_ignore_bogus_error_responses icmp_msgs_burst icmp_msgs_per_sec ' +
  'icmp_ratelimit icmp_ratemask igmp_link_local_mcast_reports igmp_max_memberships igmp_max_msf igmp_qrv ' +
  'inet_peer_maxttl inet_peer_minttl inet_peer_threshold ip_autobind_reuse ip_default_ttl ip_dynaddr ' +
  'ip_early_demux ip_forward ip_forward_update_priority ip_forward_use_pmtu ip_local_port_range ' +
  'ip_local_reserved_ports ip_masq_debug ip_no_pmtu_disc ip_nonlocal_bind ip_unprivileged_port_start ' +
  'ipfrag_high_thresh ipfrag_low_thresh ipfrag_max_dist ipfrag_secret_interval ipfrag_time nexthop_compat_mode ' +
  'ping_group_range raw_l3mdev_accept tcp_abort_on_overflow tcp_adv_win_scale tcp_allowed_congestion_control ' +
  'tcp_app_win tcp_autocorking tcp_available_congestion_control tcp_available_ulp tcp_backlog_ack_defer ' +
  'tcp_base_mss tcp_challenge_ack_limit tcp_child_ehash_entries tcp_comp_sack_delay_ns tcp_comp_sack_nr ' +
  'tcp_comp_sack_slack_ns tcp_congestion_control tcp_dsack tcp_early_demux tcp_early_retrans tcp_ecn ' +
  'tcp_ecn_fallback tcp_ecn_option tcp_ecn_option_beacon tcp_ehash_entries tcp_fack tcp_fastopen ' +
  'tcp_fastopen_blackhole_timeout_sec tcp_fastopen_key tcp_fin_timeout tcp_frto tcp_fwmark_accept ' +
  'tcp_invalid_ratelimit tcp_keepalive_intvl tcp_keepalive_probes tcp_keepalive_time tcp_l3mdev_accept ' +
  'tcp_limit_output_bytes tcp_low_latency tcp_max_orphans tcp_max_reordering tcp_max_syn_backlog ' +
  'tcp_max_tw_buckets tcp_mem tcp_migrate_req tcp_min_rtt_wlen tcp_min_snd_mss tcp_min_tso_segs ' +
  'tcp_moderate_rcvbuf tcp_mtu_probe_floor tcp_mtu_probing tcp_no_metrics_save tcp_no_ssthresh_metrics_save ' +
  'tcp_notsent_lowat tcp_orphan_retries tcp_pacing_ca_ratio tcp_pacing_ss_ratio tcp_pingpong_thresh ' +
  'tcp_plb_cong_thresh tcp_plb_enabled tcp_plb_idle_rehash_rounds tcp_plb_rehash_rounds tcp_plb_suspend_rto_sec ' +
  'tcp_probe_interval tcp_probe_threshold tcp_recovery tcp_reflect_tos tcp_reordering tcp_retrans_collapse ' +
  'tcp_retries1 tcp_retries2 tcp_rfc1337 tcp_rmem tcp_rto_max_ms tcp_rto_min_us tcp_sack tcp_shrink_window ' +
  'tcp_slow_start_after_idle tcp_stdurg tcp_syn_linear_timeouts tcp_syn_retries tcp_synack_retries ' +
  'tcp_syncookies tcp_thin_linear_timeouts tcp_timestamps tcp_tso_rtt_log tcp_tso_win_divisor tcp_tw_recycle ' +
  'tcp_tw_reuse tcp_tw_reuse_delay tcp_window_scaling tcp_wmem tcp_workaround_signed_windows ' +
  'udp_child_hash_entries udp_early_demux udp_hash_entries udp_l3mdev_accept udp_mem udp_rmem_min udp_wmem_min ' +
  'xfrm4_gc_thresh'
).split(' ');

export const IPV4_CONF_KEYS: readonly string[] = (
  'accept_local accept_redirects accept_source_route arp_accept arp_announce arp_evict_nocarrier arp_filter ' +
  'arp_ignore arp_notify bc_forwarding bootp_relay disable_policy disable_xfrm drop_gratuitous_arp ' +
  'drop_unicast_in_l2_multicast force_igmp_version forwarding igmpv2_unsolicited_report_interval ' +
  'igmpv3_unsolicited_report_interval ignore_routes_with_linkdown log_martians mc_forwarding medium_id ' +
  'promote_secondaries proxy_arp proxy_arp_pvlan route_localnet rp_filter secure_redirects send_redirects ' +
  'shared_media src_valid_mark tag'
).split(' ');

export const IPV6_KEYS: readonly string[] = (
  'anycast_src_echo_reply auto_flowlabels bindv6only calipso_cache_bucket_size calipso_cache_enable ' +
  'fib_multipath_hash_fields fib_multipath_hash_policy fib_notify_on_flag_change flowlabel_consistency ' +
  'flowlabel_reflect flowlabel_state_ranges fwmark_reflect idgen_delay idgen_retries ioam6_id ioam6_id_wide ' +
  'ip6frag_high_thresh ip6frag_low_thresh ip6frag_secret_interval ip6frag_time ip_nonlocal_bind ' +
  'max_dst_opts_length max_dst_opts_number max_hbh_length max_hbh_opts_number mld_max_msf mld_qrv seg6_flowlabel ' +
  'xfrm6_gc_thresh'
).split(' ');

export const IPV6_CONF_KEYS: readonly string[] = (
  'accept_dad accept_ra accept_ra_defrtr accept_ra_from_local accept_ra_min_hop_limit accept_ra_min_lft ' +
  'accept_ra_mtu accept_ra_pinfo accept_ra_rt_info_max_plen accept_ra_rt_info_min_plen accept_ra_rtr_pref ' +
  'accept_redirects accept_source_route accept_untracked_na addr_gen_mode autoconf dad_transmits disable_ipv6 ' +
  'disable_policy drop_unicast_in_l2_multicast drop_unsolicited_na enhanced_dad force_forwarding ' +
  'force_mld_version force_tllao forwarding hop_limit ignore_routes_with_linkdown ioam6_enabled ioam6_id ' +
  'ioam6_id_wide keep_addr_on_down max_addresses max_desync_factor mc_forwarding ' +
  'mldv1_unsolicited_report_interval mldv2_unsolicited_report_interval mtu ndisc_evict_nocarrier ndisc_notify ' +
  'ndisc_tclass optimistic_dad proxy_ndp ra_defrtr_metric ra_honor_pio_life ra_honor_pio_pflag regen_max_retry ' +
  'regen_min_advance router_probe_interval router_solicitation_delay router_solicitation_interval ' +
  'router_solicitation_max_interval router_solicitations rpl_seg_enabled seg6_enabled seg6_require_hmac ' +
  'stable_secret suppress_frag_ndisc temp_prefered_lft temp_valid_lft use_oif_addrs_only use_optimistic ' +
  'use_tempaddr'
).split(' ');

export const CORE_KEYS: readonly string[] = (
  'bpf_jit_enable bpf_jit_harden bpf_jit_kallsyms bpf_jit_limit busy_poll busy_read default_qdisc dev_weight ' +
  'dev_weight_rx_bias dev_weight_tx_bias devconf_inherit_init_net fb_tunnels_only_for_init_net ' +
  'flow_limit_cpu_bitmap flow_limit_table_len gro_normal_batch high_order_alloc_disable max_skb_frags ' +
  'mem_pcpu_rsv message_burst message_cost netdev_budget netdev_budget_usecs netdev_max_backlog netdev_rss_key ' +
  'netdev_tstamp_prequeue netdev_unregister_timeout_secs optmem_max rmem_default rmem_max rps_default_mask ' +
  'rps_sock_flow_entries skb_defer_max somaxconn tstamp_allow_data txrehash warnings wmem_default wmem_max ' +
  'xfrm_acq_expires xfrm_aevent_etime xfrm_aevent_rseqth xfrm_larval_drop'
).split(' ');

/** Damerau-free Levenshtein distance, capped (returns cap+1 when larger). */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Classifies a dotted key against the known trees: `known`, `unknown` (with a close `suggestion`
 * when one exists), or `unchecked` (a tree wglint has no list for, or a glob).
 */
export function checkSysctlKey(key: string): { status: 'known' | 'unknown' | 'unchecked'; suggestion?: string } {
  if (/[*?[]/.test(key)) return { status: 'unchecked' };
  // `/proc/sys/net/...` written as a key: sysctl looks up /proc/sys//proc/sys/net/..., which does not exist.
  if (key.startsWith('proc.sys.') && key.length > 9) return { status: 'unknown', suggestion: key.slice(9) };
  const parts = key.split('.');
  const suggest = (name: string, names: readonly string[], rebuild: (n: string) => string): { status: 'known' | 'unknown'; suggestion?: string } => {
    if (names.includes(name)) return { status: 'known' };
    let best: string | undefined;
    let bestD = 99;
    for (const n of names) {
      const d = editDistance(name, n, 2);
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    return bestD <= 2 && best ? { status: 'unknown', suggestion: rebuild(best) } : { status: 'unknown' };
  };
  const [net, fam, third] = parts;
  if (net !== 'net') return { status: 'unchecked' };
  if ((fam === 'ipv4' || fam === 'ipv6') && third === 'conf') {
    if (parts.length !== 5) return { status: 'unknown' };
    const names = fam === 'ipv4' ? IPV4_CONF_KEYS : IPV6_CONF_KEYS;
    return suggest(parts[4]!, names, (n) => [...parts.slice(0, 4), n].join('.'));
  }
  // Top-level trees grow with every kernel: report an unknown name there only when it is a typo
  // of a known one. The conf trees are stable, so any unknown name is reported.
  const typoOnly = (r: { status: 'known' | 'unknown'; suggestion?: string }) => (r.status === 'unknown' && !r.suggestion ? { status: 'unchecked' as const } : r);
  if (fam === 'ipv4' && parts.length === 3) return typoOnly(suggest(third!, IPV4_KEYS, (n) => `net.ipv4.${n}`));
  if (fam === 'ipv6' && parts.length === 3) return typoOnly(suggest(third!, IPV6_KEYS, (n) => `net.ipv6.${n}`));
  if (fam === 'core' && parts.length === 3) return typoOnly(suggest(third!, CORE_KEYS, (n) => `net.core.${n}`));
  // Misspelled family (`net.ip4.ip_forward`).
  if (fam && !['ipv4', 'ipv6', 'core', 'netfilter', 'unix', 'bridge', 'mptcp', 'sctp', 'vrf', 'nf_conntrack_max', 'ax25', 'can', 'tipc', 'xfrm', 'smc', 'rds', 'llc', 'x25', 'appletalk', 'ieee802154', 'batman_adv', 'mpls', 'phonet', 'rose', 'netrom', 'l2tp', 'ipx', 'openvswitch', 'ethernet', 'token-ring', 'dccp', 'tcp', 'nf'].includes(fam)) {
    if (/^ip(v)?[46]$|^ipv?[46]?$/.test(fam) && fam !== 'ipv4' && fam !== 'ipv6') {
      const fixedFam = fam.includes('6') ? 'ipv6' : 'ipv4';
      return { status: 'unknown', suggestion: ['net', fixedFam, ...parts.slice(2)].join('.') };
    }
    return { status: 'unchecked' };
  }
  return { status: 'unchecked' };
}
