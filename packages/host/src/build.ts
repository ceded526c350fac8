import { compareStrings, compareVersions } from '@wglint/core';
import { sysctlApplyOrder } from '@wglint/sysctl';
import { sysctlFileAssignments } from './adapters.js';
import { dumpLoadingOf } from './dump-loading.js';
import { typeHookLine } from './hooks.js';
import { DumpRuleFact } from './ipt-facts.js';
import { normTable } from './ip-facts.js';
import type {
  FirewallState,
  HookCommand,
  HostAction,
  HostConfigFile,
  HostModel,
  IpRuleFact,
  IptChainState,
  IptFacts,
  IptInsertion,
  IptRuleFact,
  ModelProblem,
  NftChainFact,
  NftRuleFact,
  OpenedPort,
  RouteFact,
  SysctlAssignment,
  TargetVersions,
  WgInterface,
} from './model.js';
import type { Family } from './net.js';
import { NftRuleOrder, nftChainKey, nftFactsOf } from './nft-facts.js';
import type { ParsedFile } from './parsed-file.js';
import { routingTablesOf } from './routing-tables.js';
import { interfaceNameOf, readWgSections } from './wg-interface.js';

export const DEFAULT_TARGETS: TargetVersions = { wireguardTools: '1.0.20260223', nftables: '1.1.6' };

/** True when wireguard-tools `v` is older than `than` (dates compare as strings). */
export function wgToolsBefore(v: string, than: string): boolean {
  return compareVersions(v, than) < 0;
}

/** Builds the model of one host from its parsed files. */
export function buildHostModel(root: string, files: readonly ParsedFile[], targets: Partial<TargetVersions> = {}, configFiles: readonly HostConfigFile[] = []): HostModel {
  const t = { ...DEFAULT_TARGETS, ...targets };
  const problems: ModelProblem[] = [];
  const interfaces = files
    .flatMap((f) => (f.language === 'wg' ? [buildInterface(f, t, problems)] : []))
    .sort((a, b) => compareStrings(a.name, b.name));

  // sysctl: files in systemd-sysctl order (by file name, a name in /etc masking the same name in
  // /usr/lib ...; sysctl.conf last), then hooks on up.
  const sysctlFiles = sysctlApplyOrder(files.filter((f) => f.language === 'sysctl').map((f) => ({ path: f.file.path, f }))).applied.map((x) => x.f);
  const fileAssignments: SysctlAssignment[] = sysctlFiles.flatMap((f) =>
    sysctlFileAssignments(f).map((a) => ({ key: a.key, value: a.value, origin: { kind: 'file' as const, file: f.file.path, range: a.range } })),
  );
  const boot = new Map<string, SysctlAssignment>();
  for (const a of fileAssignments) boot.set(a.key, a);
  const upAssignments: SysctlAssignment[] = [];
  for (const i of interfaces) {
    for (const step of i.up) {
      if (step.kind === 'hook' && step.command.type === 'sysctl' && !step.command.refused) upAssignments.push(...step.command.assignments);
      if (step.kind === 'wg-quick' && step.step === 'sysctl') {
        upAssignments.push({ key: 'net.ipv4.conf.all.src_valid_mark', value: '1', origin: { kind: 'wg-quick', file: i.file, range: i.headerRange, iface: i.name } });
      }
    }
  }
  const up = new Map(boot);
  for (const a of upAssignments) up.set(a.key, a);

  // nftables: ruleset files, then hook one-liners, in one order per chain (an `insert rule` in a
  // drop-in or a hook goes before the rules another file added).
  const order = new NftRuleOrder();
  const nftChains: NftChainFact[] = [];
  for (const f of files) {
    // `nft -f` is atomic: a file with a syntax error loads nothing (facts §3.6).
    if (f.language !== 'nft' || f.problems.length > 0) continue;
    nftChains.push(...nftFactsOf(f.ast, f.file.path, nftChains, order).chains);
  }
  for (const i of interfaces) {
    for (const c of i.hooks) {
      if (c.type !== 'nft' || c.refused || c.hook === 'PreDown' || c.hook === 'PostDown') continue;
      // `nft insert rule FAMILY TABLE CHAIN ...` without `position`/`index`/`handle` goes first in its chain
      const first = c.nft.verb === 'insert' && c.nft.object === 'rule' && c.nft.rules.length === 1 && !c.words.some((w) => /^(position|index|handle)$/.test(w.text));
      for (const r of c.nft.rules) {
        const hook = r.hook ?? nftChains.find((ch) => ch.family === r.family && ch.table === r.table && ch.chain === r.chain)?.hook;
        const fact = { ...r, ...(hook ? { hook } : {}) };
        if (first) order.insert(fact, nftChainKey(r.family, r.table, r.chain));
        else order.add(fact, nftChainKey(r.family, r.table, r.chain));
      }
    }
  }
  const nftRules = order.rules();

  const iptables = buildFirewall(files, interfaces);
  const ipRules: IpRuleFact[] = [];
  const routes: RouteFact[] = [];
  for (const i of interfaces) {
    ipRules.push(...wgQuickRules(i));
    routes.push(...wgQuickRoutes(i));
    for (const c of i.hooks) {
      if (c.refused || c.hook === 'PreDown' || c.hook === 'PostDown') continue;
      if (c.type === 'ip-rule' && c.rule.op === 'add') ipRules.push(c.rule);
      if (c.type === 'ip-route' && c.route.op !== 'del' && c.route.op !== 'other') routes.push(c.route);
    }
  }

  const model: HostModel = {
    root,
    files,
    targets: t,
    routingTables: routingTablesOf(configFiles),
    extraProblems: problems,
    interfaces,
    iptables,
    sysctl: { assignments: [...fileAssignments, ...upAssignments], boot, up },
    nft: { rules: nftRules, chains: nftChains },
    ipRules,
    routes,
    ports: {
      bound: interfaces.flatMap((i) => (i.listenPort ? [{ iface: i.name, port: i.listenPort.value, location: { file: i.file, range: i.listenPort.range } }] : [])),
      opened: openedPorts(iptables.up, nftRules),
    },
  };
  return model;
}

// ---------------------------------------------------------------------------------------------
// Interfaces and wg-quick's own steps

function buildInterface(f: ParsedFile & { language: 'wg' }, targets: TargetVersions, problems: ModelProblem[]): WgInterface {
  const name = interfaceNameOf(f.file.path);
  const text = f.file.text;
  const legacyHash = wgToolsBefore(targets.wireguardTools, '1.0.20260223');
  const s = readWgSections(f.ast, text, legacyHash);
  const hooks: HookCommand[] = [];
  for (const line of s.hookLines) hooks.push(...typeHookLine(line, name, f.file.path, text, problems));
  const allowed = s.peers.flatMap((p) => p.allowedIps.map((a) => a.cidr));
  const tableAuto = s.table.value === 'auto';
  const fullTunnel = {
    ipv4: tableAuto && allowed.some((c) => c.family === 'ipv4' && c.prefix === 0),
    ipv6: tableAuto && allowed.some((c) => c.family === 'ipv6' && c.prefix === 0),
  };
  const explicitMark = s.fwMark && s.fwMark.value !== 0 ? s.fwMark.value : undefined;
  const effectiveFwMark = explicitMark ?? (fullTunnel.ipv4 || fullTunnel.ipv6 ? 51820 : undefined);
  const routeTable = s.table.value === 'off' ? undefined : tableAuto ? 'main' : normTable(s.table.value);
  const families = [...new Set<Family>([...s.addresses.map((a) => a.cidr.family), ...allowed.map((c) => c.family)])];
  const by = (k: string): HookCommand[] => hooks.filter((h) => h.hook === k);
  const hookSteps = (k: string): HostAction[] => by(k).map((command) => ({ kind: 'hook', command }));
  const wq = (step: Extract<HostAction, { kind: 'wg-quick' }>['step'], cmdText: string): HostAction => ({ kind: 'wg-quick', step, text: cmdText });

  const preUpFirst = wgToolsBefore(targets.wireguardTools, '1.0.20250521');
  const up: HostAction[] = [];
  if (preUpFirst) up.push(...hookSteps('PreUp'));
  up.push(wq('link-add', `ip link add dev ${name} type wireguard`));
  if (!preUpFirst) up.push(...hookSteps('PreUp'));
  up.push(wq('setconf', `wg ${legacyHash ? 'setconf' : 'addconf'} ${name} /dev/fd/63`));
  for (const a of s.addresses) up.push(wq('address', `ip -${a.cidr.family === 'ipv6' ? 6 : 4} address add ${a.text} dev ${name}`));
  up.push(wq('link-up', `ip link set mtu 1420 up dev ${name}`));
  const sorted = [...allowed].sort((a, b) => b.prefix - a.prefix);
  for (const c of sorted) {
    const v = c.family === 'ipv6' ? 6 : 4;
    if (routeTable === undefined) continue;
    if (tableAuto && c.prefix === 0) {
      const n = effectiveFwMark ?? 51820;
      up.push(wq('fwmark', `wg set ${name} fwmark ${n}`));
      up.push(wq('rule', `ip -${v} rule add not fwmark ${n} table ${n}`));
      up.push(wq('rule', `ip -${v} rule add table main suppress_prefixlength 0`));
      up.push(wq('route', `ip -${v} route add ${c.text} dev ${name} table ${n}`));
      up.push(wq('firewall', `nft -f /dev/fd/63 # table ${v === 6 ? 'ip6' : 'ip'} wg-quick-${name}`));
      if (v === 4) up.push(wq('sysctl', 'sysctl -q net.ipv4.conf.all.src_valid_mark=1'));
    } else {
      up.push(wq('route', `ip -${v} route add ${c.text} dev ${name}${tableAuto ? '' : ` table ${routeTable}`}`));
    }
  }
  up.push(...hookSteps('PostUp'));

  const down: HostAction[] = [...hookSteps('PreDown')];
  if (fullTunnel.ipv4 || fullTunnel.ipv6) down.push(wq('rule-del', `ip rule delete table ${effectiveFwMark ?? 51820}`));
  down.push(wq('link-del', `ip link delete dev ${name}`));
  down.push(wq('firewall-del', `nft delete table wg-quick-${name}`));
  down.push(...hookSteps('PostDown'));

  return {
    name,
    file: f.file.path,
    lint: f.lint,
    headerRange: s.headerRange,
    addresses: s.addresses,
    ...(s.listenPort ? { listenPort: s.listenPort } : {}),
    ...(s.fwMark ? { fwMark: s.fwMark } : {}),
    table: s.table,
    ...(s.privateKeyFingerprint ? { privateKeyFingerprint: s.privateKeyFingerprint, privateKeyRange: s.privateKeyRange! } : {}),
    peers: s.peers,
    hookLines: s.hookLines,
    hooks,
    hookInsertOffset: s.hookInsertOffset,
    eol: f.ast.eol ?? (text.includes('\r\n') ? '\r\n' : '\n'),
    fullTunnel,
    ...(effectiveFwMark !== undefined ? { effectiveFwMark } : {}),
    ...(routeTable !== undefined ? { routeTable } : {}),
    up,
    down,
    families,
  };
}

function wgQuickRules(i: WgInterface): IpRuleFact[] {
  const out: IpRuleFact[] = [];
  const n = i.effectiveFwMark ?? 51820;
  const origin = { kind: 'wg-quick' as const, file: i.file, range: i.headerRange, iface: i.name };
  for (const family of ['ipv4', 'ipv6'] as const) {
    if (!i.fullTunnel[family]) continue;
    out.push({ family, op: 'add', table: String(n), fwmark: { value: n, mask: 0xffffffff, negated: true }, not: true, selectorKey: `not fwmark ${n}/${0xffffffff} table ${n}`, origin });
    out.push({ family, op: 'add', table: 'main', suppressPrefixlength: 0, not: false, selectorKey: 'table main suppress_prefixlength 0', origin });
  }
  return out;
}

function wgQuickRoutes(i: WgInterface): RouteFact[] {
  const out: RouteFact[] = [];
  if (i.routeTable === undefined) return out;
  for (const p of i.peers) {
    for (const a of p.allowedIps) {
      const table = i.table.value === 'auto' ? (a.cidr.prefix === 0 ? String(i.effectiveFwMark ?? 51820) : 'main') : i.routeTable;
      out.push({ family: a.cidr.family, op: 'add', destination: a.cidr.text, cidr: a.cidr, dev: i.name, table, origin: { kind: 'wg-quick', file: i.file, range: a.range, iface: i.name } });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// iptables simulation

const BUILTIN: Readonly<Record<string, readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** Key of a chain in a `FirewallState`. */
export function chainKey(family: Family, table: string, chain: string): string {
  return `${family} ${table} ${chain}`;
}

/** A DROP/REJECT rule of a chain and its 0-based position (see `IptInsertion.droppingBefore`). */
interface DropEntry {
  readonly rule: IptRuleFact;
  readonly position: number;
}

/** How many DROP/REJECT rules before an insertion point the model records. */
const MAX_DROPS_BEFORE = 64;
const NO_DROPS: readonly DropEntry[] = Object.freeze([]);

interface MutableChain {
  family: Family;
  table: string;
  chain: string;
  policy: string;
  policyOrigin: IptChainState['policyOrigin'];
  rules: IptRuleFact[];
  /** False while `rules` may be shared with another state (a clone): copy before changing it. */
  owned: boolean;
  /** How many rules of `rules` are DROP/REJECT. */
  drops: number;
  /** The first DROP/REJECT rules of `rules` (at most 64) with their positions, in order. */
  firstDrops: DropEntry[];
  /** A frozen copy of `firstDrops`, shared by the insertions that see all of it; reset on change. */
  snapshot: readonly DropEntry[] | undefined;
}
type MutableState = Map<string, MutableChain>;

const isDrop = (r: IptRuleFact): boolean => r.facts.target === 'DROP' || r.facts.target === 'REJECT';

function writableRules(c: MutableChain): IptRuleFact[] {
  if (!c.owned) {
    c.rules = c.rules.slice();
    c.owned = true;
  }
  return c.rules;
}

/** Inserts `r` at `at` (0 <= at <= length), keeping `drops` and `firstDrops` up to date. */
function insertRule(c: MutableChain, at: number, r: IptRuleFact): void {
  const rules = writableRules(c);
  const fd = c.firstDrops;
  if (at >= rules.length) rules.push(r);
  else {
    rules.splice(at, 0, r);
    for (let k = fd.length - 1; k >= 0 && fd[k]!.position >= at; k--) {
      fd[k] = { rule: fd[k]!.rule, position: fd[k]!.position + 1 };
      c.snapshot = undefined;
    }
  }
  if (!isDrop(r)) return;
  c.drops++;
  if (fd.length < MAX_DROPS_BEFORE || fd[fd.length - 1]!.position > at) {
    let k = fd.length;
    while (k > 0 && fd[k - 1]!.position > at) k--;
    fd.splice(k, 0, { rule: r, position: at });
    if (fd.length > MAX_DROPS_BEFORE) fd.pop();
    c.snapshot = undefined;
  }
}

/** Removes the rule at `at` as `Array.prototype.splice(at, 1)` would (negative counts from the end). */
function removeRule(c: MutableChain, at: number): void {
  const len = c.rules.length;
  const n = Number.isNaN(at) ? 0 : Math.trunc(at);
  const idx = n < 0 ? Math.max(len + n, 0) : n;
  if (idx >= len) return;
  const rules = writableRules(c);
  const [r] = rules.splice(idx, 1);
  if (r && isDrop(r)) c.drops--;
  const fd = c.firstDrops;
  let removed = false;
  for (let k = fd.length - 1; k >= 0 && fd[k]!.position >= idx; k--) {
    const e = fd[k]!;
    if (e.position === idx) {
      fd.splice(k, 1);
      removed = true;
    } else fd[k] = { rule: e.rule, position: e.position - 1 };
    c.snapshot = undefined;
  }
  if (removed && fd.length < Math.min(c.drops, MAX_DROPS_BEFORE)) {
    // One of the first 64 drops left: the next one moves up into the list.
    for (let k = fd.length ? fd[fd.length - 1]!.position + 1 : 0; k < rules.length && fd.length < MAX_DROPS_BEFORE; k++) {
      if (isDrop(rules[k]!)) fd.push({ rule: rules[k]!, position: k });
    }
  }
}

function newChain(family: Family, table: string, chain: string): MutableChain {
  return {
    family,
    table,
    chain,
    policy: BUILTIN[table]?.includes(chain) ? 'ACCEPT' : '-',
    policyOrigin: { kind: 'default' },
    rules: [],
    owned: true,
    drops: 0,
    firstDrops: [],
    snapshot: NO_DROPS,
  };
}

function getChain(state: MutableState, family: Family, table: string, chain: string): MutableChain {
  const key = chainKey(family, table, chain);
  let c = state.get(key);
  if (!c) {
    c = newChain(family, table, chain);
    state.set(key, c);
  }
  return c;
}

/** A copy of the state; rule arrays are shared until one side changes them. */
function cloneState(s: MutableState): MutableState {
  const out: MutableState = new Map();
  for (const [k, v] of s) {
    v.owned = false;
    out.set(k, { ...v, owned: false, firstDrops: v.firstDrops.slice() });
  }
  return out;
}

/** The final state; called once no more changes happen, so rule arrays are handed over as they are. */
function freeze(s: MutableState): FirewallState {
  const chains = new Map<string, IptChainState>();
  for (const [k, v] of s) {
    v.owned = false;
    chains.set(k, { family: v.family, table: v.table, chain: v.chain, policy: v.policy, policyOrigin: v.policyOrigin, rules: v.rules });
  }
  return { chains };
}

function buildFirewall(files: readonly ParsedFile[], interfaces: readonly WgInterface[]): HostModel['iptables'] {
  const boot: MutableState = new Map();
  const insertions: IptInsertion[] = [];
  const badInserts: { hook: HookCommand; length: number }[] = [];
  const dumps = files.flatMap((f) => (f.language === 'iptables-save' ? [{ f, loading: dumpLoadingOf(f.file.path) }] : []));
  dumps.sort((a, b) => a.loading.rank - b.loading.rank);
  for (const { f, loading } of dumps) {
    // the file name decided the family when it says one (see dumpFamilyFromPath)
    const family = f.ast.family;
    const path = f.file.path;
    for (const table of f.ast.tables ?? []) {
      const tableName = table.name;
      // iptables-restore (without --noflush) empties each table it restores: a second dump of the
      // family replaces the tables it has instead of adding its rules behind the first one's.
      // With --noflush (ufw's files) only the user chains the file declares are emptied.
      if (!loading.noflush) flushRules(boot, family, tableName);
      else for (const ch of table.chains) if (ch.policy === '-') flushRules(boot, family, tableName, ch.name);
      // The table's chains by name, so a rule finds its chain without building a key string.
      const local = new Map<string, MutableChain>();
      const chainOf = (name: string): MutableChain => {
        let c = local.get(name);
        if (!c) local.set(name, (c = getChain(boot, family, tableName, name)));
        return c;
      };
      for (const ch of table.chains) {
        const c = chainOf(ch.name);
        if (ch.policy !== '-') {
          c.policy = ch.policy;
          c.policyOrigin = { kind: 'file', file: path, range: ch.policyRange };
        }
      }
      for (const r of table.rules) {
        const sum = r.summary;
        const chainName = sum.chain;
        if (chainName === undefined || (sum.kind !== 'append' && sum.kind !== 'insert') || !sum.hasRule) continue;
        const c = chainOf(chainName);
        const rule = new DumpRuleFact(family, chainName, r, path);
        const index = sum.kind === 'insert' ? Math.min(Math.max((r.command.ruleNumber?.value ?? 1) - 1, 0), c.rules.length) : c.rules.length;
        insertions.push({ rule, droppingBefore: droppingBefore(c, index), index, certain: true });
        insertRule(c, index, rule);
      }
    }
  }

  // Each interface on its own on top of the dump: positions are certain for its own hooks.
  for (const i of interfaces) {
    if (!i.up.some(touchesIptables)) continue; // nothing to simulate (a clone would stay as the dump)
    const state = cloneState(boot);
    for (const step of i.up) if (step.kind === 'hook') applyIpt(state, step.command, insertions, badInserts);
  }
  const up = cloneState(boot);
  for (const i of interfaces) for (const step of i.up) if (step.kind === 'hook') applyIpt(up, step.command, undefined);
  const afterDown = cloneState(up);
  for (const i of interfaces) for (const step of i.down) if (step.kind === 'hook') applyIpt(afterDown, step.command, undefined);
  return { boot: freeze(boot), up: freeze(up), afterDown: freeze(afterDown), insertions, badInserts };
}

function touchesIptables(step: HostAction): boolean {
  return step.kind === 'hook' && step.command.type === 'iptables' && !step.command.refused;
}

function applyIpt(state: MutableState, cmd: HookCommand, insertions: IptInsertion[] | undefined, badInserts?: { hook: HookCommand; length: number }[]): void {
  if (cmd.type !== 'iptables' || cmd.refused) return;
  const ipt = cmd.ipt;
  const table = ipt.table;
  const chainName = ipt.chain?.text;
  const origin = { kind: 'hook' as const, file: cmd.file, range: cmd.range, iface: cmd.iface, hook: cmd.hook };
  switch (ipt.kind) {
    case 'append':
    case 'insert': {
      if (!chainName || !cmd.facts) return;
      const c = getChain(state, cmd.family, table, chainName);
      const rule: IptRuleFact = { family: cmd.family, table, chain: chainName, command: ipt, facts: cmd.facts, origin };
      const n = ipt.kind === 'insert' ? (ipt.ruleNumber?.value ?? 1) : c.rules.length + 1;
      if (n < 1 || n > c.rules.length + 1) {
        badInserts?.push({ hook: cmd, length: c.rules.length }); // iptables refuses: Index of insertion too big
        return;
      }
      insertions?.push({ rule, droppingBefore: droppingBefore(c, n - 1), index: n - 1, hook: cmd, certain: true });
      insertRule(c, n - 1, rule);
      return;
    }
    case 'delete': {
      if (!chainName) return;
      const c = getChain(state, cmd.family, table, chainName);
      if (ipt.ruleNumber) {
        removeRule(c, ipt.ruleNumber.value - 1);
        return;
      }
      // `-D` with `-s a,b` deletes one stored rule per address, each the first equal one
      for (const key of cmd.facts?.ruleKeys ?? []) {
        const at = c.rules.findIndex((r) => r.facts.ruleKeys.length === 1 && r.facts.ruleKeys[0] === key);
        if (at >= 0) removeRule(c, at);
      }
      return;
    }
    case 'policy': {
      if (!chainName || !ipt.policy) return;
      const c = getChain(state, cmd.family, table, chainName);
      c.policy = ipt.policy.text;
      c.policyOrigin = origin;
      return;
    }
    case 'flush':
      flushRules(state, cmd.family, table, chainName);
      return;
    case 'new-chain':
      if (chainName) getChain(state, cmd.family, table, chainName);
      return;
    default:
      return;
  }
}

/** Empties the chains of a table (one chain when `chainName` is given), as `iptables -F` does. */
function flushRules(state: MutableState, family: Family, table: string, chainName?: string): void {
  for (const c of state.values()) {
    if (c.family !== family || c.table !== table || (chainName && c.chain !== chainName)) continue;
    c.rules = [];
    c.owned = true;
    c.drops = 0;
    c.firstDrops = [];
    c.snapshot = NO_DROPS;
  }
}

/**
 * DROP/REJECT rules before `index` (the first 64): what can shadow a rule inserted there. Read
 * from the chain's `firstDrops`, so an insertion costs O(1) however long the chain is; insertions
 * that see the same drops share one array.
 */
function droppingBefore(c: MutableChain, index: number): readonly DropEntry[] {
  const fd = c.firstDrops;
  if (fd.length === 0 || fd[0]!.position >= index) return NO_DROPS;
  if (fd[fd.length - 1]!.position < index) return (c.snapshot ??= Object.freeze(fd.slice()));
  let k = 1;
  while (k < fd.length && fd[k]!.position < index) k++;
  return Object.freeze(fd.slice(0, k));
}

/**
 * A rule that accepts answers rather than opening ports: it names the peer's source port
 * (`--sport 123 --dport 1024:65535` for NTP replies) or only established/related packets.
 */
function acceptsRepliesOnly(f: IptFacts): boolean {
  if (f.sports && !f.sports.negated) return true;
  return f.states !== undefined && !f.states.negated && !f.states.values.includes('NEW');
}

function openedPorts(state: FirewallState, nftRules: readonly NftRuleFact[]): OpenedPort[] {
  const out: OpenedPort[] = [];
  for (const c of state.chains.values()) {
    if (c.table !== 'filter' || c.chain !== 'INPUT') continue;
    for (const r of c.rules) {
      const f = r.facts;
      if (f.target !== 'ACCEPT' || !f.dports || f.dports.negated || (f.protocol?.name !== 'udp' && f.protocol?.name !== 'tcp') || f.protocol.negated) continue;
      if (acceptsRepliesOnly(f)) continue;
      const origin = r.origin;
      if (origin.kind === 'default') continue;
      const dportOpt = r.command.rule?.matches.flatMap((m) => m.options).find((o) => /^(destination-ports?|dports?)$/.test(o.name));
      const valueRange = dportOpt?.args[0] ? { start: dportOpt.args[0].range.start, end: dportOpt.args[dportOpt.args.length - 1]!.range.end } : origin.range;
      const location = { file: origin.file, range: origin.kind === 'hook' ? origin.range : origin.range };
      out.push({
        protocol: f.protocol.name,
        ranges: f.dports.ranges,
        iifnames: f.inIface && !f.inIface.negated ? [f.inIface.name] : [],
        location,
        valueLocation: { file: origin.file, range: valueRange },
        via: 'iptables',
      });
    }
  }
  for (const r of nftRules) {
    if (r.hook !== 'input' || r.verdict !== 'accept') continue;
    if (r.matches.some((m) => !m.negated && (m.key === 'udp sport' || m.key === 'tcp sport' || m.key === 'th sport'))) continue;
    for (const [protocol, ranges] of [['udp', r.udpDports], ['tcp', r.tcpDports]] as const) {
      if (ranges.length === 0) continue;
      const valueLocation = r.dportValueRange ? { file: r.location.file, range: r.dportValueRange } : r.location;
      out.push({ protocol, ranges, iifnames: r.iifnames, location: r.location, valueLocation, via: 'nft' });
    }
  }
  return out;
}

