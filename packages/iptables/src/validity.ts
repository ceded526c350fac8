import type { TextRange } from '@wglint/core';
import type { IptCommand, IptIssue, IptMatch, IptRuleSpec } from './ast.js';
import { type ExtDef, findMatch, findTarget } from './extensions/index.js';
import { isReversedRange, protocolNumber } from './values.js';

/** Built-in chains of each table (facts §2.2). */
export const BUILTIN_CHAINS: Readonly<Record<string, readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

export function isBuiltinChain(table: string, chain: string): boolean {
  return BUILTIN_CHAINS[table]?.includes(chain) ?? false;
}

/** Context for `checkIptCommand`. */
export interface CheckContext {
  /**
   * User chains known to exist in the command's table (declared in a dump or created by `-N`).
   * When absent, chain existence is not checked.
   */
  readonly userChains?: ReadonlySet<string>;
}

/** Options whose values are ranges (`a:b`) that can be reversed. */
const RANGE_OPTIONS = new Set([
  'source-port', 'destination-port', 'ahspi', 'espspi', 'ipcompspi', 'fragid', 'rt-segsleft', 'length', 'ctexpire',
  'ctorigsrcport', 'ctorigdstport', 'ctreplsrcport', 'ctrepldstport',
]);

const RULE_KINDS = new Set(['append', 'check', 'delete', 'insert', 'replace']);

/**
 * What iptables or the kernel refuses (or what can never match) beyond the option grammar:
 * interface direction, targets and matches outside their tables/hooks, protocol requirements,
 * DROP in nat, policies, unknown chains, reversed ranges (facts §2.3–§2.5).
 */
export function checkIptCommand(cmd: IptCommand, ctx: CheckContext = {}): IptIssue[] {
  const unknown = ctx.userChains ? unknownChainIssue(cmd, ctx.userChains) : undefined;
  const issues = lineIssues(cmd);
  if (unknown) issues.unshift(unknown);
  return issues;
}

/**
 * True when a rule command names a chain that is neither a built-in of its table nor one of
 * `userChains` (iptables: "Chain 'X' does not exist").
 */
export function isUnknownChain(table: string, kind: string | undefined, chain: string | undefined, userChains: ReadonlySet<string>): boolean {
  if (kind === undefined || chain === undefined || !RULE_KINDS.has(kind)) return false;
  const builtins = BUILTIN_CHAINS[table];
  return builtins !== undefined && !builtins.includes(chain) && !userChains.has(chain);
}

/** The `unknown-chain` issue of `checkIptCommand`, when the command's chain is unknown. */
export function unknownChainIssue(cmd: IptCommand, userChains: ReadonlySet<string>): IptIssue | undefined {
  const chain = cmd.chain;
  if (!chain || !isUnknownChain(cmd.table, cmd.kind, chain.text, userChains)) return undefined;
  const builtins = BUILTIN_CHAINS[cmd.table]!;
  const upper = builtins.find((b) => b.toLowerCase() === chain.text.toLowerCase());
  return {
    code: 'unknown-chain',
    severity: 'error',
    range: chain.range,
    message: upper
      ? `no chain \`${chain.text}' in the ${cmd.table} table; chain names are case-sensitive: use \`${upper}'`
      : `no chain \`${chain.text}' in the ${cmd.table} table (built-ins: ${builtins.join(', ')}); create it with -N or a \`:${chain.text} - [0:0]' line first`,
  };
}

/** `checkIptCommand` without the chain-existence check: the issues that depend on the command alone. */
export function lineIssues(cmd: IptCommand): IptIssue[] {
  const issues: IptIssue[] = [];
  const table = cmd.table;
  const chain = cmd.chain?.text;
  const builtins = BUILTIN_CHAINS[table];
  const add = (code: IptIssue['code'], range: TextRange, message: string, severity: IptIssue['severity'] = 'error'): void => {
    issues.push({ code, severity, range, message });
  };

  if (cmd.kind === 'policy' && cmd.chain) {
    if (builtins && !builtins.includes(cmd.chain.text)) {
      add('policy', cmd.chain.range, `-P works only on built-in chains; \`${cmd.chain.text}' is not a built-in chain of the ${table} table (end a user chain with an explicit rule instead)`);
    }
    if (cmd.policy && cmd.policy.text !== 'ACCEPT' && cmd.policy.text !== 'DROP') {
      add('policy', cmd.policy.range, `bad policy name \`${cmd.policy.text}': a policy is ACCEPT or DROP (for REJECT, set DROP and append an explicit -j REJECT rule)`);
    } else if (cmd.policy?.text === 'DROP' && table === 'nat') {
      add('drop-in-nat', cmd.policy.range, 'the nat table is not for filtering: DROP is not allowed there; filter in the filter table');
    }
  }

  if (!cmd.kind || !RULE_KINDS.has(cmd.kind) || !chain) return issues;

  const builtinChain = builtins?.includes(chain) ?? false;

  const rule = cmd.rule;
  if (!rule) return issues;

  if ((chain === 'OUTPUT' || chain === 'POSTROUTING') && rule.inInterface) {
    add(
      'interface-direction',
      rule.inInterface.range,
      `can't use -i with ${chain}: locally generated/outgoing packets have no input interface here; match the outgoing interface with -o (or the source with -s)`,
    );
  }
  if ((chain === 'PREROUTING' || chain === 'INPUT') && rule.outInterface) {
    add(
      'interface-direction',
      rule.outInterface.range,
      `can't use -o with ${chain}: the output interface is not known before routing; match the incoming interface with -i, or move the rule to FORWARD/OUTPUT/POSTROUTING`,
    );
  }

  const proto = rule.protocol && !rule.protocol.negated ? rule.protocol.value?.text.toLowerCase() : undefined;
  const protoNum = proto !== undefined ? protocolNumber(proto) : undefined;

  for (const m of rule.matches) {
    const def = findMatch(m.name, cmd.family);
    if (!def) continue;
    if (def.protocols) checkProtocol(def, m.nameWord?.range ?? m.range, '-m ', m.name, proto, protoNum, add);
    if (builtinChain && def.hooks && !def.hooks.includes(chain)) {
      add('match-wrong-hook', m.range, `-m ${m.name} only works in ${def.hooks.join('/')}; the kernel refuses it in ${chain}`);
    }
    if (m.name === 'addrtype' && builtinChain) {
      const o = m.options.find((x) => x.name === 'limit-iface-out');
      if (o && (chain === 'PREROUTING' || chain === 'INPUT')) add('match-wrong-hook', o.range, `--limit-iface-out cannot be used in ${chain} (there is no output interface yet)`);
      const inn = m.options.find((x) => x.name === 'limit-iface-in');
      if (inn && (chain === 'OUTPUT' || chain === 'POSTROUTING')) add('match-wrong-hook', inn.range, `--limit-iface-in cannot be used in ${chain} (there is no input interface)`);
    }
    reversedRanges(m, add);
    if (m.name === 'udp' || m.name === 'dccp') wrappedPorts(m, add);
  }

  const t = rule.target;
  if (t) {
    if (table === 'nat' && t.name === 'DROP') {
      add('drop-in-nat', t.nameWord.range, 'the nat table is not for filtering: DROP is not allowed there; put the DROP rule in the filter table');
    }
    const def = t.kind !== 'chain' ? findTarget(t.name, cmd.family) : undefined;
    if (def) {
      if (def.tables && !def.tables.includes(table)) {
        add('target-wrong-table', t.nameWord.range, targetTableMessage(t.name, def, table));
      } else if (builtinChain && def.hooks && !def.hooks.includes(chain)) {
        add('target-wrong-hook', t.nameWord.range, `${t.name} only works in ${def.hooks.join('/')} chains; the kernel refuses it in ${chain}${hookHint(t.name)}`);
      }
      if (t.name === 'TCPMSS' && builtinChain && t.options.some((o) => o.name === 'clamp-mss-to-pmtu') && !['FORWARD', 'OUTPUT', 'POSTROUTING'].includes(chain)) {
        add('target-wrong-hook', t.range, `--clamp-mss-to-pmtu only works in FORWARD, OUTPUT and POSTROUTING, not ${chain}`);
      }
      if (def.protocols) checkProtocol(def, t.nameWord.range, '-j ', t.name, proto, protoNum, add);
      const rw = t.name === 'REJECT' ? t.options.find((o) => o.name === 'reject-with') : undefined;
      if (rw && /^tcp-r/.test(rw.args[0]?.text ?? '') && proto !== 'tcp' && protoNum !== 6) {
        add('needs-protocol', rw.range, '`--reject-with tcp-reset` needs `-p tcp` in the rule; the kernel refuses it otherwise');
      }
    }
  }
  return issues;
}

function targetTableMessage(name: string, def: ExtDef, table: string): string {
  const where = def.tables!.join('/');
  const fix: Record<string, string> = {
    MASQUERADE: '; write `-t nat -A POSTROUTING -o IFACE -j MASQUERADE`',
    SNAT: '; write `-t nat -A POSTROUTING ... -j SNAT --to-source ADDR`',
    DNAT: '; write `-t nat -A PREROUTING ... -j DNAT --to-destination ADDR`',
    REDIRECT: '; write `-t nat -A PREROUTING ... -j REDIRECT --to-ports N`',
    REJECT: '; reject in the filter table (INPUT/FORWARD/OUTPUT)',
  };
  return `${name} is only valid in the ${where} table, not ${table}${fix[name] ?? ''}`;
}

function hookHint(name: string): string {
  if (name === 'SNAT' || name === 'MASQUERADE') return ' (source NAT happens after routing: use POSTROUTING)';
  if (name === 'DNAT' || name === 'REDIRECT') return ' (destination NAT happens before routing: use PREROUTING, or OUTPUT for local traffic)';
  return '';
}

const USERSPACE_PROTO = new Set(['tcp', 'udp', 'multiport']);

/** `what` is `${flag}${name}` (`-m icmp`, `-j REJECT`), built only for a message. */
function checkProtocol(
  def: ExtDef,
  range: TextRange,
  flag: string,
  name: string,
  proto: string | undefined,
  protoNum: number | undefined,
  add: (code: IptIssue['code'], range: TextRange, message: string) => void,
): void {
  const protocols = def.protocols;
  if (!protocols || USERSPACE_PROTO.has(def.name)) return;
  for (let k = 0; k < protocols.length; k++) {
    const p = protocols[k]!;
    if (p === proto || protocolNumber(p) === protoNum) return;
  }
  const want = def.protocols.map((p) => `-p ${p}`).join(' or ');
  add('needs-protocol', range, `${flag}${name} needs \`${want}' in the rule; the kernel refuses it otherwise`);
}

function reversedRanges(m: IptMatch, add: (code: IptIssue['code'], range: TextRange, message: string, severity?: IptIssue['severity']) => void): void {
  for (const o of m.options) {
    if (!RANGE_OPTIONS.has(o.name)) continue;
    const v = o.args[0]?.text;
    if (v && v.indexOf(':') >= 0 && isReversedRange(v)) {
      const [a, b] = v.split(':');
      add('reversed-range', o.args[0]!.range, `range \`${v}' is reversed and never matches; write \`${b}:${a}'`, 'warning');
    }
  }
}

/** udp/dccp ports above 65535, which iptables 1.8.9 silently wraps (facts §2.5). */
function wrappedPorts(m: IptMatch, add: (code: IptIssue['code'], range: TextRange, message: string) => void): void {
  for (const o of m.options) {
    if (o.name !== 'source-port' && o.name !== 'destination-port') continue;
    const arg = o.args[0];
    if (!arg) continue;
    // Four characters or fewer cannot hold a number above 65535.
    if (arg.text.length <= 4) continue;
    for (const part of arg.text.split(':')) {
      if (!/^[0-9]+$/.test(part) || Number(part) <= 65535) continue;
      add(
        'value-out-of-range',
        arg.range,
        `port ${part} is out of range (0-65535): iptables 1.8.9 does not refuse it but stores ${Number(part) % 65536} (${part} mod 65536), a different port; newer versions refuse it`,
      );
      break;
    }
  }
}

/** The rule's jump target name when it is a user chain (`-j X` / `-g X` not a known target). */
export function jumpChain(rule: IptRuleSpec): string | undefined {
  return rule.target?.kind === 'chain' ? rule.target.name : undefined;
}
