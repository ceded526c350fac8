import { defineRule, type Fix } from '@wglint/core';
import type { Cidr, HookCommand, HostModel, WgInterface } from '@wglint/host';
import { cidrContains, cidrKey, parseCidr, sysctlValue } from '@wglint/host';
import { checkSysctlKey } from '@wglint/sysctl';
import { isDown, isUp, placeOf, runsScript, shown } from './utils.js';

/** What an up command leaves behind after the interface is gone, and how to recognise its undo. */
interface Lasting {
  /** Noun phrase: "a firewall rule", "a policy routing rule". */
  readonly what: string;
  /** True when one of the interface's down commands undoes it. */
  readonly undoneIn: (downs: readonly HookCommand[]) => boolean;
  /** The undo command, when it is certain. */
  readonly undo?: string;
  /** Advice when there is no certain undo. */
  readonly advice?: string;
  /** What the next `wg-quick up` does about it, when not "adds another copy". */
  readonly nextUp?: string;
  /** A down command that adds the same thing again, where it meant to remove it (a copy-paste slip). */
  readonly addedAgainIn?: (downs: readonly HookCommand[]) => { readonly command: HookCommand; readonly fix: Fix } | undefined;
}

export default defineRule<HostModel>({
  meta: {
    id: 'hook-missing-teardown',
    severity: 'warning',
    summary: 'A PreUp/PostUp command whose effect outlives the interface has no PreDown/PostDown that undoes it',
    fixable: true,
    languages: ['wg'],
  },
  check(ctx) {
    for (const i of ctx.model.interfaces) {
      // A refused command (syntax-error) has no effect: it neither adds nor undoes anything.
      const downs = i.hooks.filter((c) => isDown(c) && !c.refused);
      // A script or an iptables-restore in a down hook may undo anything: stay quiet.
      if (downs.some(runsScript)) continue;
      const ruleDowns = new IpRuleDowns(downs);
      const iptUps = new IptUps(i.hooks);
      const iptDowns = new IptDowns(downs);
      const iptUpDeletes = new IptUpDeletes(i.hooks);
      for (const u of i.hooks.filter((c) => isUp(c) && !c.refused)) {
        for (const l of lasting(ctx.model, i, u, ruleDowns, iptUps, iptDowns, iptUpDeletes)) {
          if (l.undoneIn(downs)) continue;
          const again = l.addedAgainIn?.(downs);
          if (again) {
            const d = again.command;
            ctx.report({
              file: d.file,
              range: d.range,
              message:
                `\`${shown(d)}\` (${d.hook}) adds ${l.what} again instead of removing it, so it outlives ${i.name}: ` +
                `the ${u.hook} line adds it and nothing takes it away. Write \`${l.undo}\`.`,
              fix: again.fix,
            });
            continue;
          }
          const fix: Fix | undefined = l.undo
            ? { title: `Add \`PostDown = ${l.undo}\``, edits: [{ range: { start: i.hookInsertOffset, end: i.hookInsertOffset }, text: `${i.eol}PostDown = ${l.undo}` }] }
            : undefined;
          const consequence =
            u.type === 'sysctl' ? 'it stays changed after `wg-quick down`' : `it stays after \`wg-quick down\` and ${l.nextUp ?? 'every restart adds another copy'}`;
          ctx.report({
            file: u.file,
            range: u.range,
            message:
              `\`${shown(u)}\` (${u.hook}) adds ${l.what} that outlives ${i.name}, and no PreDown/PostDown undoes it: ` +
              `${consequence}. ` +
              (l.undo ? `Add \`PostDown = ${l.undo}\`.` : (l.advice ?? '')),
            ...(fix ? { fix } : {}),
          });
        }
      }
    }
  },
});

function lasting(
  model: HostModel,
  i: WgInterface,
  u: HookCommand,
  ruleDowns: IpRuleDowns,
  iptUps: IptUps,
  iptDowns: IptDowns,
  iptUpDeletes: IptUpDeletes,
): Lasting[] {
  switch (u.type) {
    case 'iptables':
      return iptLasting(u, iptUps, iptDowns, iptUpDeletes.before(u));
    case 'ip-rule': {
      if (u.rule.op !== 'add') return [];
      const undone = ruleDowns.undo(u.rule);
      const verb = u.words.findIndex((w, k) => k > 1 && /^(add|a|ad)$/.test(w.text));
      // With a priority the kernel refuses a second identical rule (`RTNETLINK answers: File exists`,
      // tested with iproute2 6.1): no copy is added, the next `up` fails at this line unless the hook tolerates it.
      const nextUp =
        u.rule.priority === undefined
          ? undefined
          : u.tolerated
            ? 'the next `wg-quick up` keeps that one copy (the kernel refuses a second rule with the same priority and selector)'
            : 'the next `wg-quick up` stops at this line: `ip rule add` fails with "RTNETLINK answers: File exists"';
      return [
        {
          what: 'a policy routing rule',
          ...(nextUp ? { nextUp } : {}),
          undoneIn: () => undone !== undefined,
          ...(verb > 0 ? { undo: replaceWord(u, verb, 'del') } : {}),
        },
      ];
    }
    case 'ip-route': {
      const r = u.route;
      if (r.op === 'del' || r.op === 'other' || r.op === 'change') return [];
      // Routes through the interface vanish with it (facts §4.5), also when only their gateway
      // is on the interface's own subnet (`via 10.8.0.2` on 10.8.0.1/24): the kernel resolves it to that device.
      if (r.dev === i.name || !r.cidr || (r.dev === undefined && viaOwnSubnet(i, r.via))) return [];
      const key = cidrKey(r.cidr);
      const verb = u.words.findIndex((w, k) => k > 1 && /^(add|a|ad|replace|append|prepend)$/.test(w.text));
      return [
        {
          what: `a route in table ${r.table}`,
          // a second `ip route add` of the same route fails (`ip route append` adds a copy)
          ...(r.op === 'add' ? { nextUp: 'the next `wg-quick up` stops at this line: `ip route add` fails with "RTNETLINK answers: File exists"' } : r.op === 'replace' ? { nextUp: 'keeps routing that way while the interface is down' } : {}),
          undoneIn: (downs) =>
            downs.some(
              (d) =>
                d.type === 'ip-route' &&
                ((d.route.op === 'del' && d.route.cidr !== undefined && cidrKey(d.route.cidr) === key && d.route.table === r.table) ||
                  d.words.some((w) => w.text === 'flush')),
            ),
          ...(verb > 0 ? { undo: replaceWord(u, verb, 'del') } : {}),
        },
      ];
    }
    case 'nft':
      return nftLasting(model, i, u);
    case 'firewall-cmd':
      return firewalldLasting(u);
    case 'sysctl': {
      const out: Lasting[] = [];
      for (const a of u.assignments) {
        const m = /^net\.ipv[46]\.conf\.([^.]+)\./.exec(a.key);
        if (m && m[1] !== 'all' && m[1] !== 'default') continue; // per-interface: reset when the interface is recreated
        if (/(^net\.ipv4\.ip_forward$|\.forwarding$)/.test(a.key)) continue; // other services rely on forwarding staying on
        if (checkSysctlKey(a.key).status === 'unknown') continue; // no such setting: the write fails (sysctl-unknown-key)
        const before = sysctlValue(model, 'boot', a.key);
        if (before && before.value === a.value) continue; // no change
        out.push({
          what: `a change to a global kernel setting (${a.key}=${a.value})`,
          undoneIn: (downs) => downs.some((d) => d.type === 'sysctl' && d.assignments.some((x) => x.key === a.key)),
          advice: before
            ? `Restore it in PostDown (\`PostDown = sysctl -w ${a.key}=${before.value}\` if ${before.value} is the value you had before), or set it permanently in /etc/sysctl.d/.`
            : `Restore the previous value in PostDown, or set it permanently in /etc/sysctl.d/.`,
        });
      }
      return out;
    }
    default:
      return [];
  }
}

/** What an iptables up hook leaves behind (`ups`: the interface's `-R` and `-E` commands). */
function iptLasting(u: HookCommand & { type: 'iptables' }, ups: IptUps, downs: IptDowns, deletedBefore: (family: string, table: string, chain: string, keys: readonly string[]) => boolean): Lasting[] {
  const ipt = u.ipt;
  const chain = ipt.chain?.text;
  const sameTable = (d: HookCommand): d is HookCommand & { type: 'iptables' } => d.type === 'iptables' && d.family === u.family && d.ipt.table === ipt.table;
  const restore = (d: HookCommand): boolean => d.type === 'iptables-restore';
  // an `-R` in the same chain may replace this rule with another: which one is left is unknown
  if ((ipt.kind === 'append' || ipt.kind === 'insert') && chain && ups.replaces(u.family, ipt.table, chain)) return [];
  if ((ipt.kind === 'append' || ipt.kind === 'insert' || ipt.kind === 'replace') && chain && u.facts) {
    const keys = u.facts.ruleKeys;
    let undo: string | undefined;
    if (ipt.commandWord) {
      const edits: { range: { start: number; end: number }; text: string }[] = [{ range: ipt.commandWord.range, text: ipt.commandWord.text.startsWith('--') ? '--delete' : '-D' }];
      if (ipt.ruleNumber) edits.push({ range: { start: ipt.chain!.range.end, end: ipt.ruleNumber.word.range.end }, text: '' });
      undo = applyLocal(u, edits);
    }
    // `iptables -D RULE 2>/dev/null || true; iptables -A RULE` in the up hooks: the next `up` removes the old copy first
    const readded = ipt.kind !== 'replace' && keys.length > 0 && deletedBefore(u.family, ipt.table, chain, keys);
    return [
      {
        what: 'a firewall rule',
        ...(readded ? { nextUp: 'the next `wg-quick up` deletes it before adding it again' } : {}),
        undoneIn: () => downs.undoesRule(u.family, ipt.table, chain, keys),
        ...(undo ? { undo } : {}),
      },
    ];
  }
  if (ipt.kind === 'new-chain' && chain) {
    // `-E OLD NEW` in the up hooks: the chain is deleted under its new name
    const names = ups.namesOf(u.family, ipt.table, chain);
    return [
      {
        what: `a firewall chain (${chain})`,
        undoneIn: (downs) => downs.some((d) => restore(d) || (sameTable(d) && d.ipt.kind === 'delete-chain' && (!d.ipt.chain || names.has(d.ipt.chain.text)))),
        advice: `Add \`PostDown = ${u.program}${ipt.table !== 'filter' ? ` -t ${ipt.table}` : ''} -F ${chain}; ${u.program}${ipt.table !== 'filter' ? ` -t ${ipt.table}` : ''} -X ${chain}\` (after removing the jumps to it).`,
      },
    ];
  }
  if (ipt.kind === 'policy' && chain) {
    return [
      {
        what: `a chain policy (${chain} ${ipt.policy?.text ?? ''})`,
        undoneIn: (downs) => downs.some((d) => restore(d) || (sameTable(d) && d.ipt.kind === 'policy' && d.ipt.chain?.text === chain)),
        advice: `Set the previous policy back in PostDown (\`PostDown = ${u.program} -P ${chain} ACCEPT\` if it was ACCEPT).`,
      },
    ];
  }
  return [];
}

function nftLasting(model: HostModel, i: WgInterface, u: HookCommand & { type: 'nft' }): Lasting[] {
  const n = u.nft;
  if (!['add', 'create', 'insert', 'replace'].includes(n.verb)) return [];
  if (!['table', 'chain', 'rule', 'set', 'map', 'element', 'flowtable', 'counter', 'quota'].includes(n.object)) return [];
  // wg-quick deletes its own `wg-quick-IFACE` tables on down.
  if (n.table === `wg-quick-${i.name}`) return [];
  const family = n.family ?? 'ip';
  const undone = (d: HookCommand): boolean => {
    if (d.type !== 'nft') return false;
    const x = d.nft;
    if (x.verb === 'file') return true;
    if (x.object === 'ruleset' && x.verb === 'flush') return true;
    const sameTable = (x.family ?? 'ip') === family && x.table === n.table;
    if (!sameTable) return false;
    if ((x.verb === 'delete' || x.verb === 'destroy') && x.object === 'table') return true;
    if (x.verb === 'flush' && x.object === 'table') return n.object === 'rule';
    if (n.object === 'table') return false;
    if ((x.verb === 'delete' || x.verb === 'destroy' || x.verb === 'flush') && x.object === 'chain' && x.chain === n.chain) return n.object === 'rule' || n.object === 'chain';
    if ((x.verb === 'delete' || x.verb === 'destroy') && x.object === n.object) return true;
    return false;
  };
  const table = n.table ?? '';
  // Adding a table, chain, set or element that exists changes nothing (tested with nft 1.0.6); only
  // rules pile up. `create` refuses what exists.
  const nextUp =
    n.verb === 'create'
      ? u.tolerated
        ? 'the next `wg-quick up` finds it still there (`nft create` fails with "File exists", which the hook tolerates)'
        : 'the next `wg-quick up` stops at this line: `nft create` fails with "File exists"'
      : n.object === 'rule'
        ? undefined
        : 'the next `wg-quick up` adds it again, which changes nothing';
  const withNext = nextUp ? { nextUp } : {};
  if (n.object === 'table') {
    return [{ what: `an nftables table (${family} ${table})`, ...withNext, undoneIn: (downs) => downs.some(undone), undo: `nft delete table ${family} ${table}` }];
  }
  // A table a ruleset file declares is the host's firewall: deleting it on down would take that down too.
  const hostTable = model.nft.chains.find((c) => c.family === family && c.table === table && model.files.some((f) => f.language === 'nft' && f.file.path === c.location.file));
  const ownTable = `put the interface's rules in a table of their own (\`nft add table ${family} ${i.name}\`) and add \`PostDown = nft delete table ${family} ${i.name}\``;
  const verb = u.words.findIndex((w, k) => k > 0 && w.text === n.verb);
  const elementUndo = n.object === 'element' && verb > 0 ? replaceWord(u, verb, 'delete') : undefined;
  return [
    {
      what: n.object === 'rule' ? 'an nftables rule' : `an nftables ${n.object}`,
      ...withNext,
      undoneIn: (downs) => downs.some(undone),
      ...(elementUndo ? { undo: elementUndo } : {}),
      advice:
        n.object === 'rule'
          ? hostTable
            ? `nft cannot delete a rule by its text, and ${family} ${table} is the host's firewall (${placeOf(model, hostTable.location.file, hostTable.location.range.start)}): ${ownTable}, or delete the rule by its handle.`
            : `nft cannot delete a rule by its text; keep the interface's rules in a table of their own and add \`PostDown = nft delete table ${family} ${table}\`.`
          : hostTable
            ? `Delete the ${n.object} in PostDown (${family} ${table} is the host's firewall, ${placeOf(model, hostTable.location.file, hostTable.location.range.start)}: do not delete the table).`
            : `Add \`PostDown = nft delete table ${family} ${table}\` (or delete the ${n.object}).`,
    },
  ];
}

/**
 * What a runtime `firewall-cmd --add-*` leaves behind: firewalld keeps it until it reloads, and
 * adding it again only warns ALREADY_ENABLED, exit 0 (firewall-cmd(1)), so no copies pile up.
 * `--permanent` changes are the saved configuration and `--timeout` ones expire by themselves.
 */
function firewalldLasting(u: HookCommand & { type: 'firewall-cmd' }): Lasting[] {
  const f = u.firewalld;
  if (f.permanent || f.timeout) return [];
  const zone = f.scope === undefined ? '' : f.scope.startsWith('policy ') ? `--policy=${f.scope.slice(7)} ` : `--zone=${f.scope} `;
  return f.changes
    .filter((c) => c.op === 'add')
    .map((c) => {
      const remove = c.setting === 'direct-rule' ? `--direct --remove-rule ${c.value}` : `--remove-${c.setting}${c.value === '' ? '' : `=${shellWord(c.value)}`}`;
      const same = (d: HookCommand, op: 'add' | 'remove'): boolean =>
        d.type === 'firewall-cmd' &&
        !d.firewalld.permanent &&
        // a command without --zone works on the default zone, which may be the named one
        (d.firewalld.scope === undefined || f.scope === undefined || d.firewalld.scope === f.scope) &&
        d.firewalld.changes.some((x) => x.op === op && x.setting === c.setting && x.key === c.key);
      return {
        what: `a firewalld setting (\`${c.setting === 'direct-rule' ? '--direct --add-rule' : `--add-${c.setting}`}${c.value === '' ? '' : ` ${c.value}`}\`${f.scope ? ` in ${f.scope.startsWith('policy ') ? f.scope : `zone ${f.scope}`}` : ''})`,
        undoneIn: (downs) => downs.some((d) => same(d, 'remove')),
        undo: `firewall-cmd ${zone}${remove}`,
        nextUp: 'firewalld keeps it until it reloads (the next `wg-quick up` adds it again with a warning, ALREADY_ENABLED)',
        addedAgainIn: (downs) => {
          const command = downs.find((d) => same(d, 'add'));
          const change = command?.type === 'firewall-cmd' ? command.firewalld.changes.find((x) => x.op === 'add' && x.setting === c.setting && x.key === c.key) : undefined;
          if (!command || !change || !command.sourceText.startsWith('--', change.range.start - command.range.start)) return undefined;
          // `--add-interface=wg0` / `--change-interface wg0` / `--add-rule ...`: swap the verb
          const verbEnd = command.sourceText.indexOf('-', change.range.start - command.range.start + 2) + command.range.start;
          return { command, fix: { title: 'Remove it instead of adding it', edits: [{ range: { start: change.range.start, end: verbEnd }, text: '--remove' }] } };
        },
      };
    });
}

/** `value` as one shell word (rich rules and direct rules have spaces and quotes). */
function shellWord(value: string): string {
  return /^[\w./:,@%+=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The `-R` and `-E` commands of an interface's iptables up hooks, read once: a hook line may hold
 * thousands of iptables commands, and scanning them all for every one of them was quadratic.
 */
class IptUps {
  /** `family table chain` of every chain an `-R` replaces a rule in. */
  readonly #replaced = new Set<string>();
  /** `family table OLD` → the chain's later names (`-E OLD NEW`), in order. */
  readonly #renames = new Map<string, string[]>();

  constructor(hooks: readonly HookCommand[]) {
    for (const h of hooks) {
      if (!isUp(h) || h.refused || h.type !== 'iptables' || !h.ipt.chain) continue;
      const key = `${h.family} ${h.ipt.table} ${h.ipt.chain.text}`;
      if (h.ipt.kind === 'replace') this.#replaced.add(key);
      else if (h.ipt.kind === 'rename-chain' && h.ipt.newName) {
        let list = this.#renames.get(key);
        if (!list) this.#renames.set(key, (list = []));
        list.push(h.ipt.newName.text);
      }
    }
  }

  replaces(family: string, table: string, chain: string): boolean {
    return this.#replaced.has(`${family} ${table} ${chain}`);
  }

  /** A chain's name and the names `-E` gives it later (following renames of renames). */
  namesOf(family: string, table: string, chain: string): Set<string> {
    const names = new Set([chain]);
    const todo = [chain];
    for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
      for (const next of this.#renames.get(`${family} ${table} ${name}`) ?? []) {
        if (!names.has(next)) {
          names.add(next);
          todo.push(next);
        }
      }
    }
    return names;
  }
}

/**
 * The iptables commands of an interface's down hooks, read once (each up rule asked them all was
 * quadratic in the number of hooks): what clears a whole chain, and the rules `-D` deletes.
 */
class IptDowns {
  /** An iptables-restore, which may undo anything. */
  readonly #restore: boolean;
  /** `family table chain` cleared by `-F`/`-X`, a `-D N` or a `-D` with a computed rule; `family table *` for every chain. */
  readonly #cleared = new Set<string>();
  /** `family table chain key` of every rule a `-D` deletes (one key per address of `-s a,b`). */
  readonly #deleted = new Set<string>();

  constructor(downs: readonly HookCommand[]) {
    let restore = false;
    for (const d of downs) {
      if (d.type === 'iptables-restore') restore = true;
      if (d.type !== 'iptables') continue;
      const at = `${d.family} ${d.ipt.table} ${d.ipt.chain?.text ?? '*'}`;
      if (d.ipt.kind === 'flush' || d.ipt.kind === 'delete-chain') this.#cleared.add(at);
      else if (d.ipt.kind === 'delete' && d.ipt.chain) {
        if (d.ipt.ruleNumber !== undefined || d.dynamic) this.#cleared.add(at);
        else for (const k of d.facts?.ruleKeys ?? []) this.#deleted.add(`${at} ${k}`);
      }
    }
    this.#restore = restore;
  }

  /** Whether every rule an add made in `chain` (its `keys`) is deleted, or the chain cleared. */
  undoesRule(family: string, table: string, chain: string, keys: readonly string[]): boolean {
    const at = `${family} ${table} ${chain}`;
    if (this.#restore || this.#cleared.has(at) || this.#cleared.has(`${family} ${table} *`)) return true;
    return keys.every((k) => this.#deleted.has(`${at} ${k}`));
  }
}

/**
 * The `-D RULE` commands of an interface's up hooks, read once: where each deleted rule is first
 * deleted, so an add can ask whether the same hooks delete it before adding it (the idempotent
 * `iptables -D RULE || true; iptables -A RULE` pattern).
 */
class IptUpDeletes {
  /** `family table chain key` → index in the interface's hooks of the first up `-D` of that rule. */
  readonly #first = new Map<string, number>();
  /** Each hook's index, so that asking is not a search of the list. */
  readonly #index = new Map<HookCommand, number>();

  constructor(hooks: readonly HookCommand[]) {
    hooks.forEach((h, k) => {
      this.#index.set(h, k);
      if (!isUp(h) || h.refused || h.type !== 'iptables' || h.ipt.kind !== 'delete' || !h.ipt.chain) return;
      if (h.ipt.ruleNumber !== undefined || h.dynamic || h.conditional) return;
      for (const key of h.facts?.ruleKeys ?? []) {
        const at = `${h.family} ${h.ipt.table} ${h.ipt.chain.text} ${key}`;
        if (!this.#first.has(at)) this.#first.set(at, k);
      }
    });
  }

  /** Whether every rule of `keys` is deleted by an up command that runs before `u`. */
  before(u: HookCommand): (family: string, table: string, chain: string, keys: readonly string[]) => boolean {
    const index = this.#index.get(u) ?? -1;
    return (family, table, chain, keys) =>
      keys.every((key) => {
        const k = this.#first.get(`${family} ${table} ${chain} ${key}`);
        return k !== undefined && k < index;
      });
  }
}

type IpRule = (HookCommand & { type: 'ip-rule' })['rule'];

/**
 * The `ip rule del` and `ip rule flush` commands of an interface's down hooks, read once: an
 * interface may have thousands of rule hooks, and matching every add against every del (each
 * splitting its selector) was quadratic.
 */
class IpRuleDowns {
  /** An `ip rule flush`, which undoes every rule. */
  readonly #flush: HookCommand | undefined;
  readonly #dels: { readonly command: HookCommand; readonly rule: IpRule; readonly parts: readonly string[] }[] = [];
  /** Dels by family and selector: an add's own selector is the usual undo. */
  readonly #byKey = new Map<string, HookCommand[]>();

  constructor(downs: readonly HookCommand[]) {
    let flush: HookCommand | undefined;
    for (const d of downs) {
      if (d.type !== 'ip-rule') continue;
      if (!flush && d.words.some((w) => w.text === 'flush')) flush = d;
      const r = d.rule;
      // a del with neither a priority nor a selector would delete the first rule, not this one
      if (r.op !== 'del' || (r.priority === undefined && r.selectorKey === '')) continue;
      this.#dels.push({ command: d, rule: r, parts: splitSelector(r.selectorKey) });
      const key = `${r.family} ${r.selectorKey}`;
      const list = this.#byKey.get(key);
      if (list) list.push(d);
      else this.#byKey.set(key, [d]);
    }
    this.#flush = flush;
  }

  /**
   * A down command that deletes the rule `add` adds: a del of the same family whose priority (when
   * given) is the add's and whose selector is part of the add's, or a flush.
   */
  undo(add: IpRule): HookCommand | undefined {
    if (this.#flush) return this.#flush;
    const samePriority = (r: IpRule): boolean => r.priority === undefined || r.priority === add.priority;
    const exact = this.#byKey.get(`${add.family} ${add.selectorKey}`)?.find((d) => d.type === 'ip-rule' && samePriority(d.rule));
    if (exact) return exact;
    const addParts = new Set(splitSelector(add.selectorKey));
    return this.#dels.find((d) => d.rule.family === add.family && samePriority(d.rule) && d.parts.every((p) => addParts.has(p)))?.command;
  }
}

function splitSelector(key: string): string[] {
  const out: string[] = [];
  const t = key.split(' ').filter(Boolean);
  for (let k = 0; k < t.length; k++) {
    if (t[k] === 'not') out.push('not');
    else {
      out.push(`${t[k]} ${t[k + 1] ?? ''}`);
      k++;
    }
  }
  return out;
}

/** The command's source text with word `k` replaced. */
function replaceWord(u: HookCommand, k: number, text: string): string {
  return applyLocal(u, [{ range: u.words[k]!.range, text }]);
}

/** Applies edits given in file offsets to the command's own source text. */
function applyLocal(u: HookCommand, edits: readonly { range: { start: number; end: number }; text: string }[]): string {
  let out = u.sourceText;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    const s = e.range.start - u.range.start;
    const t = e.range.end - u.range.start;
    if (s < 0 || t > out.length) continue;
    out = out.slice(0, s) + e.text + out.slice(t);
  }
  return out;
}

/**
 * Whether a gateway is reached through the interface: inside one of its address prefixes (not the
 * address alone) or, when wg-quick routes the peers' AllowedIPs in the main table, inside one of those.
 */
function viaOwnSubnet(i: WgInterface, via: string | undefined): boolean {
  const gw = via === undefined ? undefined : parseCidr(via);
  if (!gw) return false;
  const within = (c: Cidr): boolean => c.family === gw.family && cidrContains(c, gw);
  if (i.addresses.some((a) => a.cidr.prefix < (gw.family === 'ipv4' ? 32 : 128) && within(a.cidr))) return true;
  return i.routeTable === 'main' && i.peers.some((p) => p.allowedIps.some((a) => a.cidr.prefix > 0 && within(a.cidr)));
}
