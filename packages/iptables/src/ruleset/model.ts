import type { TextRange } from '@wglint/core';
import type { IptCommand, IptFamily, IptRuleSpec, IptRuleSummary, IptSaveRule, IptablesSave } from '../ast.js';
import { canonicalRuleKey, expandAddresses } from '../canonical.js';
import { BUILTIN_CHAINS } from '../validity.js';

/** Where a rule or command came from. */
export interface Provenance {
  readonly file: string;
  readonly range: TextRange;
}

/** One rule in a chain (after `-s a,b` expansion, one per address pair). */
export interface RulesetRule {
  readonly table: string;
  readonly chain: string;
  readonly spec: IptRuleSpec;
  readonly command: IptCommand;
  /** Canonical spec (what `-D`/`-C` compare). */
  readonly key: string;
  /** The expanded -s / -d value of this copy, when the spec had a list. */
  readonly source?: string;
  readonly destination?: string;
  /**
   * The summary of the dump line the rule came from: what analyses of every rule read instead of
   * `spec`, which a dump rule rebuilds. Its `conditions` are absent for a line that `-s a,b`
   * expands into several rules: read those from `spec` with this rule's `source`/`destination`.
   */
  readonly summary?: IptRuleSummary;
  readonly provenance: Provenance;
}

export interface RulesetChain {
  readonly name: string;
  readonly builtin: boolean;
  /** Built-in chains: ACCEPT or DROP. */
  policy?: string;
  readonly rules: RulesetRule[];
  /** Where the chain was declared or created (absent for implicit built-ins). */
  provenance?: Provenance;
}

export interface RulesetTable {
  readonly name: string;
  readonly chains: Map<string, RulesetChain>;
}

/** Where a rule's command comes from: a dump line (AST built on demand) or a parsed command. */
type RuleOrigin = IptSaveRule | IptCommand;

/**
 * A `RulesetRule` whose AST and canonical `key` are read when first asked: only `-D`/`-C` compare
 * keys, and a dump rule's AST is rebuilt from its line (see `IptSaveRule`), so a dump of plain
 * `-A` lines builds neither. The family of the key is the class's (`LazyRule` ipv4, `LazyRule6`
 * ipv6), so a rule holds no field for it.
 */
class LazyRule implements RulesetRule {
  readonly table: string;
  readonly chain: string;
  declare readonly source?: string;
  declare readonly destination?: string;
  readonly provenance: Provenance;
  readonly #origin: RuleOrigin;
  #key: string | undefined = undefined;

  constructor(table: string, chain: string, origin: RuleOrigin, source: string | undefined, destination: string | undefined, provenance: Provenance) {
    this.table = table;
    this.chain = chain;
    this.#origin = origin;
    if (source !== undefined) (this as { source?: string }).source = source;
    if (destination !== undefined) (this as { destination?: string }).destination = destination;
    this.provenance = provenance;
  }

  get keyFamily(): IptFamily {
    return 'ipv4';
  }

  get command(): IptCommand {
    const o = this.#origin;
    return o.type === 'IptSaveRule' ? o.command : o;
  }

  get spec(): IptRuleSpec {
    return this.command.rule!;
  }

  get summary(): IptRuleSummary | undefined {
    const o = this.#origin;
    return o.type === 'IptSaveRule' ? o.summary : undefined;
  }

  get key(): string {
    return (this.#key ??= canonicalRuleKey(this.spec, this.keyFamily, this.source, this.destination));
  }

  /** The same rule in a renamed chain. */
  withChain(chain: string): LazyRule {
    const r = newRule(this.keyFamily, this.table, chain, this.#origin, this.source, this.destination, this.provenance);
    r.#key = this.#key;
    return r;
  }
}

class LazyRule6 extends LazyRule {
  override get keyFamily(): IptFamily {
    return 'ipv6';
  }
}

function newRule(
  family: IptFamily,
  table: string,
  chain: string,
  origin: RuleOrigin,
  source: string | undefined,
  destination: string | undefined,
  provenance: Provenance,
): LazyRule {
  return family === 'ipv4'
    ? new LazyRule(table, chain, origin, source, destination, provenance)
    : new LazyRule6(table, chain, origin, source, destination, provenance);
}

/** What happened when a command was applied, when it is not a plain success. */
export interface RulesetEvent {
  readonly kind:
    | 'delete-no-match'
    | 'delete-index-too-big'
    | 'insert-index-too-big'
    | 'replace-index-too-big'
    | 'insert-at-end'
    | 'check-no-match'
    | 'no-such-chain'
    | 'chain-exists'
    | 'chain-not-empty'
    | 'chain-referenced'
    | 'policy-on-user-chain'
    | 'bad-policy';
  readonly message: string;
  readonly provenance: Provenance;
  readonly command?: IptCommand;
}

/** Result of applying one command. */
export interface ApplyResult {
  /** True when iptables would succeed (exit 0). */
  readonly ok: boolean;
  /** Rules added (for -A/-I/-R), in chain order. */
  readonly added: readonly RulesetRule[];
  /** Rules removed (for -D/-R/-F). */
  readonly removed: readonly RulesetRule[];
  /** Index in the chain where rules were added/removed (0-based). */
  readonly index?: number;
  readonly events: readonly RulesetEvent[];
}

/**
 * The tables, chains, policies and ordered rules of one address family, built by applying
 * iptables-save dumps and iptables commands in order, each with its provenance (facts §2.5, §2.6, §2.9).
 */
export class IptRuleset {
  readonly family: IptFamily;
  readonly tables = new Map<string, RulesetTable>();
  /** Every event, in order. */
  readonly events: RulesetEvent[] = [];

  constructor(family: IptFamily) {
    this.family = family;
  }

  /** A ruleset holding one dump. */
  static fromSave(save: IptablesSave, file: string): IptRuleset {
    const r = new IptRuleset(save.family);
    r.restore(save, file, {}, undefined);
    return r;
  }

  /** A deep copy (rules are shared, lists are not). */
  clone(): IptRuleset {
    const r = new IptRuleset(this.family);
    for (const [name, t] of this.tables) {
      const chains = new Map<string, RulesetChain>();
      for (const [cn, c] of t.chains) chains.set(cn, { ...c, rules: [...c.rules] });
      r.tables.set(name, { name, chains });
    }
    r.events.push(...this.events);
    return r;
  }

  /** The table, with its built-in chains (policy ACCEPT) created on first use. */
  table(name: string): RulesetTable {
    let t = this.tables.get(name);
    if (!t) {
      t = { name, chains: new Map() };
      for (const c of BUILTIN_CHAINS[name] ?? []) t.chains.set(c, { name: c, builtin: true, policy: 'ACCEPT', rules: [] });
      this.tables.set(name, t);
    }
    return t;
  }

  chain(table: string, name: string): RulesetChain | undefined {
    return this.tables.get(table)?.chains.get(name) ?? (BUILTIN_CHAINS[table]?.includes(name) ? this.table(table).chains.get(name) : undefined);
  }

  /** Rules of a chain in order (empty when the chain does not exist). */
  rules(table: string, chain: string): readonly RulesetRule[] {
    return this.chain(table, chain)?.rules ?? [];
  }

  /**
   * Applies a dump as `iptables-restore` does: each table in it is flushed first (user chains
   * deleted) unless `noflush` (wg-quick's `-n`), chains are declared, rules applied in order.
   */
  applySave(save: IptablesSave, file: string, options: { noflush?: boolean } = {}): ApplyResult[] {
    const results: ApplyResult[] = [];
    this.restore(save, file, options, results);
    return results;
  }

  /** `applySave`; without `results`, successful appends skip building their `ApplyResult`. */
  private restore(save: IptablesSave, file: string, options: { noflush?: boolean }, results: ApplyResult[] | undefined): void {
    for (const t of save.tables) {
      const table = this.table(t.name);
      if (!options.noflush) {
        for (const [name, c] of [...table.chains]) {
          if (c.builtin) c.rules.length = 0;
          else table.chains.delete(name);
        }
      }
      for (const c of t.chains) {
        const builtin = BUILTIN_CHAINS[t.name]?.includes(c.name) ?? false;
        const existing = table.chains.get(c.name);
        const provenance = { file, range: c.range };
        if (existing) {
          if (options.noflush && !builtin) existing.rules.length = 0;
          if (builtin && (c.policy === 'ACCEPT' || c.policy === 'DROP')) existing.policy = c.policy;
          existing.provenance = provenance;
        } else {
          table.chains.set(c.name, { name: c.name, builtin, ...(builtin ? { policy: c.policy } : {}), rules: [], provenance });
        }
      }
      for (const r of t.rules) {
        const provenance: Provenance = { file, range: r.range };
        const sum = r.summary;
        // (no `conditions`: a `-s a,b` list that `apply` expands into several rules)
        if (!results && sum.kind === 'append' && sum.hasRule && sum.chain !== undefined && sum.conditions) {
          // `apply` for a successful -A of one rule, without the result it would build or the AST.
          const c = this.table(r.table).chains.get(sum.chain);
          if (c) {
            c.rules.push(newRule(this.family, r.table, c.name, r, undefined, undefined, provenance));
            continue;
          }
        }
        const cmd = r.command;
        if (results) results.push(this.apply(cmd, provenance));
        else this.apply(cmd, provenance);
      }
    }
  }

  /** Applies one command (table from the command). Never throws; problems become events. */
  apply(cmd: IptCommand, provenance: Provenance): ApplyResult {
    const events: RulesetEvent[] = [];
    const event = (kind: RulesetEvent['kind'], message: string): void => {
      const e = { kind, message, provenance, command: cmd };
      events.push(e);
      this.events.push(e);
    };
    const done = (ok: boolean, added: RulesetRule[] = [], removed: RulesetRule[] = [], index?: number): ApplyResult => ({
      ok,
      added,
      removed,
      ...(index !== undefined ? { index } : {}),
      events,
    });
    if (!cmd.kind) return done(false);
    const table = this.table(cmd.table);
    const chainName = cmd.chain?.text;
    const chain = chainName !== undefined ? table.chains.get(chainName) : undefined;
    const needChain = (): RulesetChain | undefined => {
      if (!chain) event('no-such-chain', `no chain \`${chainName ?? ''}' in the ${cmd.table} table at this point`);
      return chain;
    };
    const makeRules = (spec: IptRuleSpec, chainN: string): RulesetRule[] => makeRulesOf(cmd, spec, chainN, this.family, provenance);

    switch (cmd.kind) {
      case 'append': {
        const c = needChain();
        if (!c || !cmd.rule) return done(false);
        const added = makeRules(cmd.rule, c.name);
        const index = c.rules.length;
        for (const r of added) c.rules.push(r);
        return done(true, added, [], index);
      }
      case 'insert': {
        const c = needChain();
        if (!c || !cmd.rule) return done(false);
        const n = cmd.ruleNumber?.value ?? 1;
        if (n < 1 || n > c.rules.length + 1) {
          event('insert-index-too-big', `index of insertion too big: ${c.name} has ${c.rules.length} rule(s), so -I ${c.name} ${n} fails`);
          return done(false);
        }
        if (n === c.rules.length + 1 && c.rules.length > 0) event('insert-at-end', `-I ${c.name} ${n} inserts after the last rule, like -A`);
        const added = makeRules(cmd.rule, c.name);
        c.rules.splice(n - 1, 0, ...added);
        return done(true, added, [], n - 1);
      }
      case 'delete': {
        const c = needChain();
        if (!c) return done(false);
        if (cmd.ruleNumber) {
          const n = cmd.ruleNumber.value;
          if (n < 1 || n > c.rules.length) {
            event('delete-index-too-big', `index of deletion too big: ${c.name} has ${c.rules.length} rule(s)`);
            return done(false);
          }
          const removed = c.rules.splice(n - 1, 1);
          return done(true, [], removed, n - 1);
        }
        if (!cmd.rule) return done(false);
        const removed: RulesetRule[] = [];
        let index: number | undefined;
        for (const r of makeRules(cmd.rule, c.name)) {
          const at = c.rules.findIndex((x) => x.key === r.key);
          if (at < 0) {
            event('delete-no-match', `-D matches no rule in ${cmd.table} ${c.name} (iptables: "Bad rule (does a matching rule exist in that chain?)")`);
            return done(false, [], removed, index);
          }
          index ??= at;
          removed.push(...c.rules.splice(at, 1));
        }
        return done(true, [], removed, index);
      }
      case 'replace': {
        const c = needChain();
        if (!c || !cmd.rule || !cmd.ruleNumber) return done(false);
        const n = cmd.ruleNumber.value;
        if (n < 1 || n > c.rules.length) {
          event('replace-index-too-big', `index of replacement too big: ${c.name} has ${c.rules.length} rule(s)`);
          return done(false);
        }
        const added = makeRules(cmd.rule, c.name).slice(0, 1);
        const removed = c.rules.splice(n - 1, 1, ...added);
        return done(true, added, removed, n - 1);
      }
      case 'check': {
        const c = needChain();
        if (!c || !cmd.rule) return done(false);
        const ok = makeRules(cmd.rule, c.name).every((r) => c.rules.some((x) => x.key === r.key));
        if (!ok) event('check-no-match', `-C finds no such rule in ${cmd.table} ${c.name}`);
        return done(ok);
      }
      case 'new-chain': {
        if (!chainName) return done(false);
        if (chain) {
          event('chain-exists', `chain \`${chainName}' already exists in the ${cmd.table} table`);
          return done(false);
        }
        table.chains.set(chainName, { name: chainName, builtin: false, rules: [], provenance });
        return done(true);
      }
      case 'delete-chain': {
        const targets = chainName !== undefined ? [chain] : [...table.chains.values()].filter((c) => !c.builtin);
        if (chainName !== undefined && !chain) {
          event('no-such-chain', `no chain \`${chainName}' in the ${cmd.table} table to delete`);
          return done(false);
        }
        for (const c of targets) {
          if (!c || c.builtin) continue;
          if (c.rules.length) {
            if (chainName !== undefined) {
              event('chain-not-empty', `chain \`${c.name}' is not empty: flush it (-F) before deleting it`);
              return done(false);
            }
            continue;
          }
          const referenced = [...table.chains.values()].some((o) => o.rules.some((r) => r.spec.target?.kind === 'chain' && r.spec.target.name === c.name));
          if (referenced) {
            event('chain-referenced', `chain \`${c.name}' is still referenced by a -j/-g rule`);
            return done(false);
          }
          table.chains.delete(c.name);
        }
        return done(true);
      }
      case 'flush': {
        const list = chainName !== undefined ? [chain] : [...table.chains.values()];
        if (chainName !== undefined && !chain) {
          event('no-such-chain', `no chain \`${chainName}' in the ${cmd.table} table to flush`);
          return done(false);
        }
        const removed: RulesetRule[] = [];
        for (const c of list) if (c) removed.push(...c.rules.splice(0));
        return done(true, [], removed);
      }
      case 'policy': {
        const c = needChain();
        if (!c) return done(false);
        if (!c.builtin) {
          event('policy-on-user-chain', `-P works only on built-in chains, not \`${c.name}'`);
          return done(false);
        }
        const p = cmd.policy?.text;
        if (p !== 'ACCEPT' && p !== 'DROP') {
          event('bad-policy', `bad policy name \`${p ?? ''}'`);
          return done(false);
        }
        c.policy = p;
        return done(true);
      }
      case 'rename-chain': {
        const c = needChain();
        if (!c || !cmd.newName) return done(false);
        if (table.chains.has(cmd.newName.text)) {
          event('chain-exists', `chain \`${cmd.newName.text}' already exists`);
          return done(false);
        }
        table.chains.delete(c.name);
        const renamed: RulesetChain = { ...c, name: cmd.newName.text, rules: c.rules.map((r) => renameRule(r, cmd.newName!.text)) };
        table.chains.set(renamed.name, renamed);
        return done(true);
      }
      default:
        return done(true);
    }
  }
}

/** The rules one rule spec adds (one per `-s`/`-d` address pair). */
function makeRulesOf(cmd: IptCommand, spec: IptRuleSpec, chain: string, family: IptFamily, provenance: Provenance): RulesetRule[] {
  const s = spec.source?.value?.text;
  const d = spec.destination?.value?.text;
  if ((s === undefined || s.indexOf(',') < 0) && (d === undefined || d.indexOf(',') < 0)) {
    return [newRule(family, cmd.table, chain, cmd, undefined, undefined, provenance)];
  }
  return expandAddresses(spec).map((e) => newRule(family, cmd.table, chain, cmd, e.source, e.destination, provenance));
}

function renameRule(r: RulesetRule, chain: string): RulesetRule {
  return r instanceof LazyRule ? r.withChain(chain) : { ...r, chain };
}
