import { fail } from './errors.js';
import { type HookPair, hookPair } from './wg.js';
import { checkCidr, checkIfName, checkInt, checkPort, describe } from './values.js';

export type IptFamily = 'ipv4' | 'ipv6';
export type IptTable = 'filter' | 'nat' | 'mangle' | 'raw' | 'security';
export type IptProtocol = 'tcp' | 'udp' | 'icmp' | 'ipv6-icmp' | 'sctp' | 'gre' | 'esp' | 'ah' | 'all';
export type IptCtState = 'INVALID' | 'NEW' | 'RELATED' | 'ESTABLISHED' | 'UNTRACKED' | 'SNAT' | 'DNAT';
/** An inclusive port range, printed `from:to` (`from-to` in NAT targets); `from` must be below `to`. */
export interface IptPortRange {
  readonly from: number;
  readonly to: number;
}
/** A port or a port range. */
export type IptPort = number | IptPortRange;
type Port = IptPort;

/** Built-in chains of each table, in iptables-save order. */
export const IPT_BUILTIN_CHAINS: Readonly<Record<IptTable, readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};
const ALL_BUILTINS = new Set(Object.values(IPT_BUILTIN_CHAINS).flat());
const TARGET_NAMES = new Set(['ACCEPT', 'DROP', 'RETURN', 'QUEUE', 'REJECT', 'LOG', 'DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT', 'MARK', 'CONNMARK', 'TCPMSS', 'CT', 'NOTRACK', 'TPROXY', 'DSCP', 'NFLOG', 'NFQUEUE', 'TRACE']);

/** Where a rule goes. `family` defaults to ipv4 (`iptables`); ipv6 is `ip6tables`. */
export interface IptRuleTarget {
  readonly table: IptTable;
  readonly chain: string;
  readonly family?: IptFamily;
}

interface Param {
  readonly flag: 's' | 'd' | 'i' | 'o' | 'p';
  readonly value: string;
  readonly not: boolean;
}

interface Match {
  readonly name: string;
  readonly options: readonly (readonly string[])[];
}

interface Target {
  readonly name: string;
  readonly goto: boolean;
  readonly options: readonly (readonly string[])[];
  /** Tables/hooks the target is limited to (kernel xt registration). */
  readonly tables?: readonly IptTable[];
  readonly hooks?: readonly string[];
}

interface State {
  readonly table: IptTable;
  readonly chain: string;
  readonly family: IptFamily;
  readonly params: readonly Param[];
  readonly matches: readonly Match[];
  readonly target?: Target;
}

const STATE_ORDER: readonly IptCtState[] = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];
const PROTOCOLS: readonly IptProtocol[] = ['tcp', 'udp', 'icmp', 'ipv6-icmp', 'sctp', 'gre', 'esp', 'ah', 'all'];

/**
 * One iptables rule, built immutably (every call returns a new builder). Restrictions iptables
 * or the kernel enforce are checked as you go; the rule prints in `iptables-save` order and
 * spelling (`-p udp -m udp --dport 51820`), so `-D`/`-C` with the same text find it.
 */
export class IptRuleBuilder {
  readonly #s: State;

  /** Use `ipt.rule`. */
  constructor(s: State) {
    this.#s = s;
  }

  /** The rule's table. */
  get table(): IptTable {
    return this.#s.table;
  }

  /** The chain the rule is appended to. */
  get chain(): string {
    return this.#s.chain;
  }

  /** `ipv4` (iptables) or `ipv6` (ip6tables). */
  get family(): IptFamily {
    return this.#s.family;
  }

  /** The jump/goto target chain when it is a user chain. */
  get jumpChain(): string | undefined {
    const t = this.#s.target;
    return t && !TARGET_NAMES.has(t.name) ? t.name : undefined;
  }

  #with(patch: Partial<State>): IptRuleBuilder {
    return new IptRuleBuilder({ ...this.#s, ...patch });
  }

  #param(flag: Param['flag'], value: string, not: boolean | undefined, path: string): IptRuleBuilder {
    if (this.#s.params.some((p) => p.flag === flag)) fail('duplicate', path, `-${flag} is already set (iptables: multiple -${flag} flags not allowed)`);
    this.#noTarget(path);
    return this.#with({ params: [...this.#s.params, { flag, value, not: not === true }] });
  }

  #noTarget(path: string): void {
    if (this.#s.target) fail('statement-order', path, 'the target is already set; add matches before the target');
  }

  #addr(flag: 's' | 'd', cidr: string, not: boolean | undefined): IptRuleBuilder {
    const path = flag === 's' ? 'source' : 'destination';
    const c = checkCidr(cidr, path, { hostBits: 'refuse', family: this.#s.family === 'ipv4' ? 4 : 6 });
    if (c.prefix === 0) fail('invalid-cidr', path, `\`${cidr}\` matches every address (iptables drops it, or with ! never matches); omit -${flag}`);
    const text = c.prefix === null ? `${c.address}/${c.family === 4 ? 32 : 128}` : c.canonical;
    return this.#param(flag, text, not, path);
  }

  /** `-s ADDR[/LEN]` (host bits refused; a bare address becomes /32 or /128 as iptables-save shows). */
  source(cidr: string, opts: { not?: boolean } = {}): IptRuleBuilder {
    return this.#addr('s', cidr, opts.not);
  }

  /** `-d ADDR[/LEN]` */
  destination(cidr: string, opts: { not?: boolean } = {}): IptRuleBuilder {
    return this.#addr('d', cidr, opts.not);
  }

  /** `-i NAME` (`wg+` is a prefix wildcard). Refused in OUTPUT and POSTROUTING. */
  inInterface(name: string, opts: { not?: boolean } = {}): IptRuleBuilder {
    const c = this.#s.chain;
    if (c === 'OUTPUT' || c === 'POSTROUTING') fail('interface-direction', 'inInterface', `can't use -i with ${c}: there is no input interface; match -o or -s instead`);
    return this.#param('i', ifName(name, 'inInterface'), opts.not, 'inInterface');
  }

  /** `-o NAME`. Refused in PREROUTING and INPUT. */
  outInterface(name: string, opts: { not?: boolean } = {}): IptRuleBuilder {
    const c = this.#s.chain;
    if (c === 'PREROUTING' || c === 'INPUT') fail('interface-direction', 'outInterface', `can't use -o with ${c}: the output interface is not known before routing; match -i instead`);
    return this.#param('o', ifName(name, 'outInterface'), opts.not, 'outInterface');
  }

  /** `-p PROTO`. */
  protocol(p: IptProtocol, opts: { not?: boolean } = {}): IptRuleBuilder {
    if (!PROTOCOLS.includes(p)) fail('invalid-value', 'protocol', `${describe(p)} is not one of ${PROTOCOLS.join(', ')}`);
    if (p === 'icmp' && this.#s.family === 'ipv6') fail('family', 'protocol', '-p icmp never matches in ip6tables; use ipv6-icmp');
    if (p === 'ipv6-icmp' && this.#s.family === 'ipv4') fail('family', 'protocol', '-p ipv6-icmp never matches in iptables; use icmp');
    if (this.#s.matches.length) fail('statement-order', 'protocol', 'set the protocol before adding matches');
    return this.#param('p', p, opts.not, 'protocol');
  }

  #proto(path: string, allowed: readonly string[]): string {
    const p = this.#s.params.find((x) => x.flag === 'p');
    if (!p || p.not || !allowed.includes(p.value)) fail('needs-protocol', path, `needs \`.protocol(${allowed.map((a) => `'${a}'`).join(' | ')})\` first (iptables: unknown option)`);
    return p.value;
  }

  #match(name: string, option: readonly string[], path: string): IptRuleBuilder {
    this.#noTarget(path);
    const matches = [...this.#s.matches];
    const at = matches.findIndex((m) => m.name === name);
    if (at >= 0) {
      const m = matches[at]!;
      const opt = option.find((w) => w.startsWith('--'));
      if (m.options.some((o) => o.includes(opt!))) fail('duplicate', path, `${opt} is already set`);
      matches[at] = { name, options: [...m.options, option] };
    } else matches.push({ name, options: [option] });
    // iptables-save prints tcp/udp options in a fixed order, whatever order they were given in
    const i = matches.findIndex((m) => m.name === name);
    if (name === 'tcp' || name === 'udp' || name === 'sctp') {
      const rank = (o: readonly string[]): number => ['--sport', '--dport', '--tcp-flags'].indexOf(o.find((w) => w.startsWith('--'))!);
      matches[i] = { name, options: [...matches[i]!.options].sort((a, b) => rank(a) - rank(b)) };
    }
    return this.#with({ matches });
  }

  #port(which: 'sport' | 'dport', p: Port, not: boolean | undefined): IptRuleBuilder {
    const proto = this.#proto(which, ['tcp', 'udp', 'sctp']);
    const text = portText(p, which);
    return this.#match(proto, not ? ['!', `--${which}`, text] : [`--${which}`, text], which);
  }

  /** `--sport N` or `--sport LO:HI` (needs protocol tcp, udp or sctp). */
  sport(p: Port, opts: { not?: boolean } = {}): IptRuleBuilder {
    return this.#port('sport', p, opts.not);
  }

  /** `--dport N` or `--dport LO:HI` (needs protocol tcp, udp or sctp). */
  dport(p: Port, opts: { not?: boolean } = {}): IptRuleBuilder {
    return this.#port('dport', p, opts.not);
  }

  /** `-m multiport --dports a,b,LO:HI` (at most 15 ports, a range counts 2). */
  dports(ports: readonly Port[]): IptRuleBuilder {
    this.#proto('dports', ['tcp', 'udp', 'sctp']);
    if (ports.length === 0) fail('invalid-port', 'dports', 'expected at least one port');
    const texts = ports.map((p, i) => portText(p, `dports[${i}]`));
    const slots = texts.reduce((n, t) => n + (t.includes(':') ? 2 : 1), 0);
    if (slots > 15) fail('invalid-port', 'dports', `multiport takes at most 15 ports (a range counts as 2), got ${slots}`);
    if (new Set(texts).size !== texts.length) fail('duplicate', 'dports', 'a port is listed twice');
    return this.#match('multiport', ['--dports', texts.join(',')], 'dports');
  }

  /** `--tcp-flags SYN,RST SYN` (needs protocol tcp). */
  tcpFlags(mask: readonly string[], set: readonly string[]): IptRuleBuilder {
    this.#proto('tcpFlags', ['tcp']);
    const ok = ['SYN', 'ACK', 'FIN', 'RST', 'URG', 'PSH', 'ALL', 'NONE'];
    for (const f of [...mask, ...set]) if (!ok.includes(f)) fail('invalid-value', 'tcpFlags', `${describe(f)} is not one of ${ok.join(', ')}`);
    if (mask.length === 0 || set.length === 0) fail('invalid-value', 'tcpFlags', 'give the mask and the set flags (e.g. [SYN, RST], [SYN])');
    return this.#match('tcp', ['--tcp-flags', mask.join(','), set.join(',')], 'tcpFlags');
  }

  /** `-m conntrack --ctstate …` (printed in iptables-save order). */
  ctstate(states: readonly IptCtState[]): IptRuleBuilder {
    if (states.length === 0) fail('invalid-value', 'ctstate', 'expected at least one state');
    for (const s of states) if (!STATE_ORDER.includes(s)) fail('invalid-value', 'ctstate', `${describe(s)} is not one of ${STATE_ORDER.join(', ')}`);
    const sorted = STATE_ORDER.filter((s) => states.includes(s));
    return this.#match('conntrack', ['--ctstate', sorted.join(',')], 'ctstate');
  }

  /** `-m mark --mark V[/M]`. */
  mark(value: number, mask?: number): IptRuleBuilder {
    const v = hex(checkInt(value, 'mark', 0, 0xffffffff, 'mark'));
    const m = mask === undefined ? '' : `/${hex(checkInt(mask, 'mark.mask', 0, 0xffffffff, 'mask'))}`;
    return this.#match('mark', ['--mark', `${v}${m}`], 'mark');
  }

  /** `-m comment --comment TEXT` (at most 255 characters; no quotes, backslashes or control characters). */
  comment(text: string): IptRuleBuilder {
    if (typeof text !== 'string' || text.length === 0 || text.length > 255 || /["'\\\x00-\x1f\x7f]/.test(text)) {
      fail('invalid-value', 'comment', `expected 1-255 characters without quotes, backslashes or control characters, got ${describe(text)}`);
    }
    return this.#match('comment', ['--comment', text], 'comment');
  }

  #target(t: Target, path: string): IptRuleBuilder {
    this.#noTarget(path);
    const { table, chain } = this.#s;
    if (table === 'nat' && t.name === 'DROP') fail('target-table', path, 'the nat table is not for filtering: DROP is not allowed there; filter in the filter table');
    if (t.tables && !t.tables.includes(table)) fail('target-table', path, `${t.name} is only valid in the ${t.tables.join('/')} table, not ${table}`);
    if (t.hooks && ALL_BUILTINS.has(chain) && IPT_BUILTIN_CHAINS[table].includes(chain) && !t.hooks.includes(chain)) {
      fail('target-hook', path, `${t.name} only works in ${t.hooks.join('/')} chains, not ${chain}`);
    }
    return this.#with({ target: t });
  }

  /** `-j TARGET` for ACCEPT, DROP, RETURN or a user chain; `-g CHAIN` with `{ goto: true }`. */
  jump(target: 'ACCEPT' | 'DROP' | 'RETURN' | (string & {}), opts: { goto?: boolean } = {}): IptRuleBuilder {
    const standard = target === 'ACCEPT' || target === 'DROP' || target === 'RETURN';
    if (!standard) {
      checkChainName(target, 'jump');
      if (ALL_BUILTINS.has(target)) fail('invalid-name', 'jump', `cannot jump to the built-in chain ${target}`);
      if (TARGET_NAMES.has(target)) fail('invalid-name', 'jump', `${target} is a target with options; use its own method (e.g. .reject(), .masquerade())`);
    }
    if (opts.goto && standard) fail('invalid-value', 'jump', '-g needs a user chain');
    return this.#target({ name: target, goto: opts.goto === true, options: [] }, 'jump');
  }

  accept(): IptRuleBuilder {
    return this.jump('ACCEPT');
  }

  drop(): IptRuleBuilder {
    return this.jump('DROP');
  }

  /** `-j REJECT --reject-with …` (filter INPUT/FORWARD/OUTPUT; `tcp-reset` needs protocol tcp). */
  reject(opts: { with?: 'port-unreachable' | 'host-unreachable' | 'admin-prohibited' | 'tcp-reset' } = {}): IptRuleBuilder {
    const kind = opts.with ?? 'port-unreachable';
    if (!['port-unreachable', 'host-unreachable', 'admin-prohibited', 'tcp-reset'].includes(kind)) fail('invalid-value', 'reject.with', `${describe(kind)} is not supported`);
    if (kind === 'tcp-reset') this.#proto('reject', ['tcp']);
    const v6 = this.#s.family === 'ipv6';
    const text = kind === 'tcp-reset' ? 'tcp-reset' : v6 ? `icmp6-${kind === 'admin-prohibited' ? 'adm-prohibited' : `${kind.replace('host', 'addr')}`}` : `icmp-${kind}`;
    return this.#target({ name: 'REJECT', goto: false, options: [['--reject-with', text]], tables: ['filter'], hooks: ['INPUT', 'FORWARD', 'OUTPUT'] }, 'reject');
  }

  /** `-j LOG [--log-prefix "…"]` (prefix at most 29 characters). */
  log(opts: { prefix?: string } = {}): IptRuleBuilder {
    const options: string[][] = [];
    if (opts.prefix !== undefined) {
      if (typeof opts.prefix !== 'string' || opts.prefix.length === 0 || opts.prefix.length > 29 || /["'\\\x00-\x1f\x7f]/.test(opts.prefix)) {
        fail('invalid-value', 'log.prefix', `expected 1-29 characters without quotes, backslashes or control characters, got ${describe(opts.prefix)}`);
      }
      options.push(['--log-prefix', opts.prefix]);
    }
    return this.#target({ name: 'LOG', goto: false, options }, 'log');
  }

  /** `-j MASQUERADE` (nat POSTROUTING). */
  masquerade(): IptRuleBuilder {
    return this.#target({ name: 'MASQUERADE', goto: false, options: [], tables: ['nat'], hooks: ['POSTROUTING'] }, 'masquerade');
  }

  /** `-j SNAT --to-source ADDR[:PORT]` (nat POSTROUTING/INPUT). */
  snat(to: string, port?: Port): IptRuleBuilder {
    return this.#target({ name: 'SNAT', goto: false, options: [['--to-source', this.#natAddr(to, port, 'snat')]], tables: ['nat'], hooks: ['POSTROUTING', 'INPUT'] }, 'snat');
  }

  /** `-j DNAT --to-destination ADDR[:PORT]` (nat PREROUTING/OUTPUT; a port needs protocol tcp/udp/sctp). */
  dnat(to: string, port?: Port): IptRuleBuilder {
    return this.#target({ name: 'DNAT', goto: false, options: [['--to-destination', this.#natAddr(to, port, 'dnat')]], tables: ['nat'], hooks: ['PREROUTING', 'OUTPUT'] }, 'dnat');
  }

  /** `-j REDIRECT --to-ports N` (nat PREROUTING/OUTPUT; needs protocol tcp/udp/sctp). */
  redirect(port: Port): IptRuleBuilder {
    this.#proto('redirect', ['tcp', 'udp', 'sctp', 'dccp']);
    const text = portText(port, 'redirect').replace(':', '-');
    return this.#target({ name: 'REDIRECT', goto: false, options: [['--to-ports', text]], tables: ['nat'], hooks: ['PREROUTING', 'OUTPUT'] }, 'redirect');
  }

  #natAddr(to: string, port: Port | undefined, path: string): string {
    const c = checkCidr(to, `${path}.to`, { hostBits: 'refuse', family: this.#s.family === 'ipv4' ? 4 : 6 });
    if (c.prefix !== null) fail('invalid-address', `${path}.to`, `\`${to}\`: give a single address, not a prefix`);
    if (port === undefined) return c.address;
    this.#proto(path, ['tcp', 'udp', 'sctp', 'dccp']);
    const p = portText(port, `${path}.port`).replace(':', '-');
    return c.family === 6 ? `[${c.address}]:${p}` : `${c.address}:${p}`;
  }

  /** `-j MARK --set-xmark V/0xffffffff` (any table; for routing use mangle PREROUTING/OUTPUT). */
  setMark(value: number): IptRuleBuilder {
    const v = hex(checkInt(value, 'setMark', 0, 0xffffffff, 'mark'));
    return this.#target({ name: 'MARK', goto: false, options: [['--set-xmark', `${v}/0xffffffff`]] }, 'setMark');
  }

  /** `-j TCPMSS --clamp-mss-to-pmtu` (needs `-p tcp --tcp-flags SYN,RST SYN`; FORWARD/OUTPUT/POSTROUTING). */
  clampMssToPmtu(): IptRuleBuilder {
    this.#proto('clampMssToPmtu', ['tcp']);
    const flags = this.#s.matches.find((m) => m.name === 'tcp')?.options.find((o) => o[0] === '--tcp-flags');
    if (!flags || !flags[1]!.split(',').includes('SYN') || !flags[2]!.split(',').includes('SYN')) {
      fail('missing-option', 'clampMssToPmtu', 'TCPMSS needs `.tcpFlags([\'SYN\', \'RST\'], [\'SYN\'])` first (the kernel refuses it on non-SYN packets)');
    }
    return this.#target({ name: 'TCPMSS', goto: false, options: [['--clamp-mss-to-pmtu']], hooks: ['FORWARD', 'OUTPUT', 'POSTROUTING'] }, 'clampMssToPmtu');
  }

  /** The rule spec words in iptables-save order (`-s -d -i -o -p`, matches, target), unquoted. */
  words(): string[] {
    const s = this.#s;
    if (!s.target) fail('missing-option', `${s.table} ${s.chain}`, 'the rule has no target; end it with .jump()/.accept()/.drop()/…');
    const out: string[] = [];
    for (const flag of ['s', 'd', 'i', 'o', 'p'] as const) {
      const p = s.params.find((x) => x.flag === flag);
      if (p) out.push(...(p.not ? ['!'] : []), `-${flag}`, p.value);
    }
    for (const m of s.matches) {
      out.push('-m', m.name);
      for (const o of m.options) out.push(...o);
    }
    out.push(s.target.goto ? '-g' : '-j', s.target.name);
    for (const o of s.target.options) out.push(...o);
    return out;
  }

  /** The rule spec as iptables-save prints it (words with blanks in double quotes). */
  spec(): string {
    return this.words().map(restoreQuote).join(' ');
  }

  /** The iptables-restore line: `-A CHAIN spec`. */
  saveLine(): string {
    return `-A ${this.#s.chain} ${this.spec()}`;
  }

  /** A shell command: `iptables [-w] [-t TABLE] -A|-I|-D|-C CHAIN spec` (quoted for bash). */
  command(opts: { verb?: 'A' | 'I' | 'D' | 'C'; wait?: boolean } = {}): string {
    const s = this.#s;
    const verb = opts.verb ?? 'A';
    if (!['A', 'I', 'D', 'C'].includes(verb)) fail('invalid-value', 'command.verb', `${describe(verb)} is not A, I, D or C`);
    const head = [s.family === 'ipv4' ? 'iptables' : 'ip6tables', ...(opts.wait ? ['-w'] : []), ...(s.table === 'filter' ? [] : ['-t', s.table]), `-${verb}`, s.chain];
    return [...head, ...this.words()].map(shellQuote).join(' ');
  }

  /** `{ up: iptables -A …, down: iptables -D … }` for wg-quick PostUp/PostDown. */
  hooks(opts: { wait?: boolean } = {}): HookPair {
    return hookPair(this.command({ verb: 'A', ...opts }));
  }
}

/** iptables-restore splits at blanks and groups with double quotes (`add_param_to_argv`). */
function restoreQuote(w: string): string {
  return /[\s"\\]/.test(w) || w === '' ? `"${w.replace(/[\\"]/g, (c) => `\\${c}`)}"` : w;
}

/** bash: single quotes around anything but plain words (`!` alone is a plain word for iptables negation). */
function shellQuote(w: string): string {
  return w === '!' || /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

function portText(p: Port, path: string): string {
  if (typeof p === 'number') return String(checkPort(p, path));
  if (typeof p !== 'object' || p === null || !('from' in p) || !('to' in p)) fail('invalid-port', path, `expected a port or a { from, to } range, got ${describe(p)}`);
  const { from: lo, to: hi } = p;
  checkPort(lo, `${path}.from`);
  checkPort(hi, `${path}.to`);
  if (lo >= hi) fail('invalid-port', path, `range ${lo}:${hi} is empty or reversed and would never match; write ${Math.min(lo, hi)}:${Math.max(lo, hi)} or one port`);
  return `${lo}:${hi}`;
}

function ifName(name: string, path: string): string {
  const base = name.endsWith('+') ? name.slice(0, -1) : name;
  checkIfName(base === '' ? '?' : base, path);
  if (base === '') fail('invalid-name', path, '`+` alone matches every interface; omit the option instead');
  return name;
}

function checkChainName(name: unknown, path: string): string {
  if (typeof name !== 'string' || name === '' || name.length > 28 || /^[-!]/.test(name) || /[\s"'\\]/.test(name)) {
    fail('invalid-name', path, `${describe(name)} is not a valid chain name (1-28 characters, not starting with - or !, no whitespace or quotes)`);
  }
  return name;
}

/** Options of `iptablesSave`. */
export interface IptSaveOptions {
  /** Policies of built-in chains (default ACCEPT), e.g. `{ filter: { INPUT: 'DROP' } }`. */
  readonly policies?: Partial<Record<IptTable, Readonly<Record<string, 'ACCEPT' | 'DROP'>>>>;
  /** User chains to declare even without rules, per table. */
  readonly chains?: Partial<Record<IptTable, readonly string[]>>;
  /** Family of the dump; every rule must match it. Default: the first rule's family, else ipv4. */
  readonly family?: IptFamily;
}

/**
 * An iptables-restore file: tables in order of first use, `:CHAIN POLICY [0:0]` lines, the rules,
 * `COMMIT`. Checks that jump targets exist, that there are no jump loops, and that targets with
 * hook limits (DNAT, MASQUERADE, REJECT …) and `-i`/`-o` in user chains are only reached from
 * chains where they work.
 */
export function iptablesSave(rules: readonly IptRuleBuilder[], opts: IptSaveOptions = {}): string {
  const family = opts.family ?? rules[0]?.family ?? 'ipv4';
  const order: IptTable[] = [];
  const use = (t: IptTable): void => {
    if (!order.includes(t)) order.push(t);
  };
  rules.forEach((r, i) => {
    if (r.family !== family) fail('family', `rules[${i}]`, `an ${r.family} rule in an ${family} dump; write one dump per family`);
    use(r.table);
  });
  for (const t of Object.keys(opts.policies ?? {}) as IptTable[]) use(t);
  for (const t of Object.keys(opts.chains ?? {}) as IptTable[]) use(t);
  const out: string[] = [];
  for (const table of order) {
    if (!IPT_BUILTIN_CHAINS[table]) fail('invalid-value', 'table', `${describe(table)} is not an iptables table`);
    const builtins = IPT_BUILTIN_CHAINS[table];
    const policies = opts.policies?.[table] ?? {};
    for (const [chain, policy] of Object.entries(policies)) {
      if (!builtins.includes(chain)) fail('invalid-name', `policies.${table}.${chain}`, `${chain} is not a built-in chain of ${table}; only built-in chains have policies`);
      if (policy !== 'ACCEPT' && policy !== 'DROP') fail('invalid-value', `policies.${table}.${chain}`, `${describe(policy)} is not ACCEPT or DROP`);
      if (table === 'nat' && policy === 'DROP') fail('target-table', `policies.nat.${chain}`, 'DROP is not allowed as a policy in the nat table');
    }
    const inTable = rules.filter((r) => r.table === table);
    const user: string[] = [];
    for (const c of opts.chains?.[table] ?? []) {
      checkChainName(c, `chains.${table}`);
      if (ALL_BUILTINS.has(c) || TARGET_NAMES.has(c)) fail('invalid-name', `chains.${table}`, `\`${c}\` cannot be a user chain name`);
      if (!user.includes(c)) user.push(c);
    }
    for (const r of inTable) {
      if (!builtins.includes(r.chain)) {
        if (ALL_BUILTINS.has(r.chain)) fail('invalid-name', `${table} ${r.chain}`, `the ${table} table has no ${r.chain} chain (built-ins: ${builtins.join(', ')})`);
        if (!user.includes(r.chain)) user.push(r.chain);
      }
    }
    for (const r of inTable) {
      const j = r.jumpChain;
      if (j && !user.includes(j)) fail('invalid-name', `${table} ${r.chain}`, `jump to chain ${j}, which has no rules and is not listed in \`chains.${table}\``);
    }
    checkReach(table, inTable, user);
    out.push(`*${table}`);
    for (const c of builtins) out.push(`:${c} ${policies[c] ?? 'ACCEPT'} [0:0]`);
    for (const c of user) out.push(`:${c} - [0:0]`);
    for (const c of [...builtins, ...user]) for (const r of inTable) if (r.chain === c) out.push(r.saveLine());
    out.push('COMMIT');
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** Loops, and hook limits of what user chains contain, checked from the built-in chains reaching them. */
function checkReach(table: IptTable, rules: readonly IptRuleBuilder[], user: readonly string[]): void {
  const edges = new Map<string, string[]>();
  for (const r of rules) if (r.jumpChain) edges.set(r.chain, [...(edges.get(r.chain) ?? []), r.jumpChain]);
  const state = new Map<string, 1 | 2>();
  const visit = (n: string, trail: string[]): void => {
    if (state.get(n) === 2) return;
    if (state.get(n) === 1) fail('invalid-value', table, `jump loop: ${[...trail.slice(trail.indexOf(n)), n].join(' → ')} (iptables: Too many links)`);
    state.set(n, 1);
    for (const t of edges.get(n) ?? []) visit(t, [...trail, n]);
    state.set(n, 2);
  };
  for (const c of [...IPT_BUILTIN_CHAINS[table], ...user]) visit(c, []);
  for (const hook of IPT_BUILTIN_CHAINS[table]) {
    const seen = new Set<string>();
    const stack = [...(edges.get(hook) ?? [])];
    while (stack.length) {
      const c = stack.pop()!;
      if (seen.has(c)) continue;
      seen.add(c);
      stack.push(...(edges.get(c) ?? []));
      for (const r of rules) {
        if (r.chain !== c) continue;
        // rebuild the rule on the hook to reuse the per-chain checks
        try {
          replay(r, hook);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          fail('target-hook', `${table} ${c}`, `chain ${c} is reached from ${hook}, where its rule \`${r.saveLine()}\` fails: ${msg}`);
        }
      }
    }
  }
}

function replay(r: IptRuleBuilder, hook: string): void {
  const spec = r.spec();
  if (/(^| )-i /.test(spec) && (hook === 'OUTPUT' || hook === 'POSTROUTING')) fail('interface-direction', 'inInterface', `-i does not work in ${hook}`);
  if (/(^| )-o /.test(spec) && (hook === 'PREROUTING' || hook === 'INPUT')) fail('interface-direction', 'outInterface', `-o does not work in ${hook}`);
  const limits: Record<string, readonly string[]> = {
    MASQUERADE: ['POSTROUTING'],
    SNAT: ['POSTROUTING', 'INPUT'],
    DNAT: ['PREROUTING', 'OUTPUT'],
    REDIRECT: ['PREROUTING', 'OUTPUT'],
    REJECT: ['INPUT', 'FORWARD', 'OUTPUT'],
  };
  const target = / -[jg] (\S+)/.exec(` ${spec}`)?.[1];
  const hooks = target ? limits[target] : undefined;
  if (hooks && !hooks.includes(hook)) fail('target-hook', target!, `${target} only works in ${hooks.join('/')}`);
}

/** Entry point: `ipt.rule({ table: 'filter', chain: 'INPUT' }).protocol('udp').dport(51820).jump('ACCEPT')`. */
export const ipt = {
  rule(where: IptRuleTarget): IptRuleBuilder {
    const family = where.family ?? 'ipv4';
    if (family !== 'ipv4' && family !== 'ipv6') fail('invalid-value', 'family', `${describe(family)} is not ipv4 or ipv6`);
    if (!Object.hasOwn(IPT_BUILTIN_CHAINS, where.table)) fail('invalid-value', 'table', `${describe(where.table)} is not one of ${Object.keys(IPT_BUILTIN_CHAINS).join(', ')}`);
    checkChainName(where.chain, 'chain');
    if (ALL_BUILTINS.has(where.chain) && !IPT_BUILTIN_CHAINS[where.table].includes(where.chain)) {
      fail('invalid-name', 'chain', `the ${where.table} table has no ${where.chain} chain (built-ins: ${IPT_BUILTIN_CHAINS[where.table].join(', ')})`);
    }
    if (TARGET_NAMES.has(where.chain)) fail('invalid-name', 'chain', `chain name may not clash with target name ${where.chain}`);
    return new IptRuleBuilder({ table: where.table, chain: where.chain, family, params: [], matches: [] });
  },
  save: iptablesSave,
} as const;
