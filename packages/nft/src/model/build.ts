// Builds the symbol model (types.ts) from parsed rulesets. Commands are applied in load order,
// so `flush ruleset`, `delete table` and friends end what came before them; names used by rules
// are resolved against everything declared in the same table generation (nft accepts forward
// references inside a table block).
import type { TextRange } from '@wglint/core';
import type {
  NftChain, NftCommand, NftDefine, NftElementCommand, NftFamily, NftFlowtable, NftInclude, NftName, NftNode, NftObject, NftRule, NftSet,
  NftStatement, NftTable,
} from '../ast.js';
import type {
  NftChainSymbol, NftDefineSymbol, NftEffect, NftElementCommandSymbol, NftIncludeSymbol, NftJumpEdge, NftLocation,
  NftModel, NftModelOptions, NftRuleSymbol, NftSetReference, NftSetSymbol, NftSource, NftTableSymbol, NftVariableUse,
} from './types.js';

/** `inet filter`: the key of a table in `NftModel.table` and `NftTableSymbol.key`. */
export function tableKey(family: NftFamily, name: string): string {
  return `${family} ${name}`;
}

type Scope = Map<string, NftDefineSymbol>;

// nft scopes defines by block (parser_bison.y, checked with nft 1.0.6): the file, each table block
// and each chain block (set/flowtable/object blocks do not open one). A `$var` resolves to the
// innermost binding made *before* it in file order; `define` of a name visible in any enclosing
// scope is refused (`redefinition of symbol`), `redefine` binds in the current block (shadowing an
// outer one), `undefine` unbinds in the current block only (an outer binding shows again; no error
// when there is none). An included file binds in the scope of its `include` line.
interface Env {
  readonly file: string;
  readonly text: string | undefined;
  /** Innermost first. */
  readonly scopes: readonly Scope[];
  /** The scope of the chain block being read, when it has defines. */
  readonly chainScope?: Scope;
  /** Name of that chain. */
  readonly chain?: string;
}

interface PendingJump {
  readonly kind: 'jump' | 'goto';
  readonly from: NftChainSymbol;
  readonly name: string;
  readonly file: string;
  readonly range: TextRange;
  readonly rule: NftRuleSymbol;
  readonly via: 'verdict' | 'vmap';
}

const MAX_INCLUDE_DEPTH = 16;

/** Builds the model of one load: `sources` are applied in order, each with its own file scope. */
export function buildNftModel(sources: NftSource | readonly NftSource[], options: NftModelOptions = {}): NftModel {
  return new Builder(options).run(Array.isArray(sources) ? sources : [sources as NftSource]);
}

class Builder {
  private readonly live = new Map<string, NftTableSymbol>();
  private readonly allTables: NftTableSymbol[] = [];
  private readonly files: string[] = [];
  private readonly defines: NftDefineSymbol[] = [];
  private readonly uses: NftVariableUse[] = [];
  private readonly setRefs: NftSetReference[] = [];
  private readonly pendingSetRefs: { name: string; file: string; range: TextRange; table: NftTableSymbol | null; rule: NftRuleSymbol | null }[] = [];
  private readonly pendingJumps: PendingJump[] = [];
  private readonly namedVmaps: { rule: NftRuleSymbol; name: string; table: NftTableSymbol }[] = [];
  private readonly elementCommands: NftElementCommandSymbol[] = [];
  private readonly includes: NftIncludeSymbol[] = [];
  private readonly effects: NftEffect[] = [];
  private readonly rules: NftRuleSymbol[] = [];
  private readonly jumps: NftJumpEdge[] = [];
  private incomplete = false;
  private readonly stack: string[] = [];

  constructor(private readonly options: NftModelOptions) {}

  run(sources: readonly NftSource[]): NftModel {
    for (const s of sources) this.source(s, [new Map()]);
    this.resolve();
    const live = this.live;
    return {
      files: this.files,
      tables: [...live.values()],
      allTables: this.allTables,
      defines: this.defines,
      variableUses: this.uses,
      setReferences: this.setRefs,
      jumps: this.jumps,
      elementCommands: this.elementCommands,
      includes: this.includes,
      effects: this.effects,
      rules: this.rules,
      incomplete: this.incomplete,
      table: (family, name) => live.get(tableKey(family, name)),
    };
  }

  private source(s: NftSource, scopes: readonly Scope[]): void {
    if (this.stack.includes(s.file) || this.stack.length >= MAX_INCLUDE_DEPTH) return;
    this.stack.push(s.file);
    if (!this.files.includes(s.file)) this.files.push(s.file);
    const env: Env = { file: s.file, text: s.text, scopes };
    for (const c of s.ast.commands) this.command(c, env);
    this.stack.pop();
  }

  // ---- commands -------------------------------------------------------------------------------

  private command(c: NftCommand, env: Env): void {
    switch (c.type) {
      case 'NftDefine':
        return this.define(c, env, 'top');
      case 'NftInclude':
        return this.include(c, env);
      case 'NftTable':
        return this.tableCommand(c, env);
      case 'NftChain':
        return this.chainCommand(c, env);
      case 'NftRule':
        return this.ruleCommand(c, env);
      case 'NftSet':
        return this.setCommand(c, env);
      case 'NftElementCommand':
        return this.elementCommand(c, env);
      case 'NftFlowtable':
      case 'NftObject':
        this.scanBlock(c, env, 'top');
        return;
      case 'NftGenericCommand':
        if (c.verb === 'flush' && c.object === 'ruleset') {
          this.effects.push({ kind: 'flush-ruleset', file: env.file, node: c, family: c.family });
          for (const [k, t] of [...this.live]) {
            if (c.family && t.family !== c.family) continue;
            t.removedBy = { file: env.file, range: c.range };
            this.live.delete(k);
          }
        }
        return;
    }
  }

  private include(c: NftInclude, env: Env): void {
    const resolved = c.resolved
      ? c.resolved.map((r) => ({ file: r.file, ast: r.ruleset }))
      : (this.options.resolveInclude?.(c, env.file) ?? null);
    this.includes.push({ file: env.file, node: c, files: resolved ? resolved.map((r) => r.file) : null });
    if (!resolved) {
      this.incomplete = true;
      return;
    }
    // Included files share the scope of the include line: their defines are visible after the
    // include, in that block (nft: an include in a table block binds in that table's scope).
    for (const r of resolved) this.source(r, env.scopes);
  }

  private define(d: NftDefine, env: Env, scope: string, chain: string | null = null): void {
    if (d.value) this.scanVariables(d.value, env);
    const map = env.scopes[0]!;
    if (d.kind === 'undefine') {
      map.delete(d.name.text);
      return;
    }
    const redefinitionOf = d.kind === 'define' ? this.lookup(d.name.text, env) : null;
    const sym: NftDefineSymbol = { name: d.name.text, file: env.file, node: d, scope, chain, redefinitionOf, uses: [] };
    this.defines.push(sym);
    map.set(d.name.text, sym);
  }

  private lookup(name: string, env: Env): NftDefineSymbol | null {
    for (const s of env.scopes) {
      const d = s.get(name);
      if (d) return d;
    }
    return null;
  }

  private table(family: NftFamily, name: string, declare: boolean): NftTableSymbol {
    const key = tableKey(family, name);
    let t = this.live.get(key);
    if (!t) {
      t = {
        key, family, name, declarations: [], declared: declare, open: !declare,
        chains: new Map(), allChains: new Map(), sets: new Map(), allSets: new Map(), removedBy: null,
      };
      this.live.set(key, t);
      this.allTables.push(t);
    } else if (declare && !t.declared) t.declared = true;
    return t;
  }

  private tableCommand(c: NftTable, env: Env): void {
    if (!c.name) return;
    const name = c.name.text;
    switch (c.verb) {
      case 'delete':
      case 'destroy': {
        this.effects.push({ kind: 'delete-table', file: env.file, node: c, family: c.family });
        const t = this.live.get(tableKey(c.family, name));
        if (t) {
          t.removedBy = { file: env.file, range: c.range };
          this.live.delete(t.key);
        }
        return;
      }
      case 'flush': {
        this.effects.push({ kind: 'flush-table', file: env.file, node: c, family: c.family });
        const t = this.live.get(tableKey(c.family, name));
        if (t) for (const ch of t.chains.values()) ch.rules = [];
        return;
      }
      case 'add':
      case 'create': {
        const t = this.table(c.family, name, true);
        t.declarations.push({ file: env.file, node: c });
        const blockEnv: Env = { ...env, scopes: [new Map(), ...env.scopes] };
        for (const item of c.items) {
          switch (item.type) {
            case 'NftDefine':
              this.define(item, blockEnv, t.key);
              break;
            case 'NftChain':
              this.chain(t, item, blockEnv);
              break;
            case 'NftSet':
              this.set(t, item, blockEnv, t.key);
              break;
            case 'NftInclude':
              this.include(item, blockEnv);
              break;
            case 'NftFlowtable':
            case 'NftObject':
              this.scanBlock(item, blockEnv, t.key);
              break;
            default:
              break;
          }
        }
        return;
      }
      default:
        return;
    }
  }

  private chainCommand(c: NftChain, env: Env): void {
    if (!c.table || !c.name) return;
    const key = tableKey(c.family, c.table.text);
    switch (c.verb) {
      case 'delete':
      case 'destroy': {
        this.effects.push({ kind: 'delete-chain', file: env.file, node: c, family: c.family });
        const t = this.live.get(key);
        const ch = t?.chains.get(c.name.text);
        if (t && ch) {
          ch.removedBy = { file: env.file, range: c.range };
          t.chains.delete(c.name.text);
        }
        return;
      }
      case 'flush': {
        this.effects.push({ kind: 'flush-chain', file: env.file, node: c, family: c.family });
        const ch = this.live.get(key)?.chains.get(c.name.text);
        if (ch) ch.rules = [];
        return;
      }
      case 'add':
      case 'create':
        this.chain(this.table(c.family, c.table.text, false), c, env);
        return;
      default:
        // rename and others: the model cannot follow renames precisely; stay conservative.
        if (c.verb === 'rename') {
          const t = this.live.get(key);
          if (t) t.open = true;
        }
        return;
    }
  }

  private chainSymbol(t: NftTableSymbol, name: NftName, file: string, declare: boolean): NftChainSymbol {
    let ch = t.chains.get(name.text);
    if (!ch) {
      ch = {
        table: t, name: name.text, declarations: [], declared: declare, nameLocation: { file, range: name.range },
        base: false, chainType: null, hook: null, priority: null, priorityText: null, hookDeclaration: null, devices: [],
        policy: null, rules: [], jumps: [], jumpedFrom: [], removedBy: null,
      };
      t.chains.set(name.text, ch);
      t.allChains.set(name.text, ch);
    } else if (declare && !ch.declared) {
      ch.declared = true;
      ch.nameLocation = { file, range: name.range };
    }
    if (!declare && !ch.declared) t.open = true;
    return ch;
  }

  private chain(t: NftTableSymbol, c: NftChain, outer: Env): void {
    if (!c.name) return;
    const ch = this.chainSymbol(t, c.name, outer.file, true);
    ch.declarations.push({ file: outer.file, node: c });
    // A chain block with defines gets its own scope; they apply to the lines after them.
    const defs = c.defines;
    let env = outer;
    let di = 0;
    if (defs) {
      const chainScope: Scope = new Map();
      env = { ...outer, scopes: [chainScope, ...outer.scopes], chainScope, chain: c.name.text };
    }
    const h = c.hook;
    if (h) {
      if (defs) di = this.definesBefore(defs, di, h.range.start, env, t.key);
      ch.base = true;
      ch.chainType = h.chainType.text;
      ch.hook = h.hook.text;
      ch.priority = h.priority?.value ?? null;
      ch.priorityText = h.priority?.text ?? null;
      ch.hookDeclaration = { file: env.file, node: c };
      const devs = [...(h.device ? [h.device] : []), ...h.devices];
      ch.devices = devs.map((d) => d.text);
      for (const d of devs) this.nameVariable(d, env);
      if (h.priority && h.priority.text.startsWith('$')) this.use(h.priority.text.slice(1).trim(), h.priority.range, env);
    }
    for (const d of c.devices) this.nameVariable(d, env);
    if (c.policy) {
      if (defs) di = this.definesBefore(defs, di, c.policy.range.start, env, t.key);
      ch.policy = { value: c.policy.text, location: { file: env.file, range: c.policy.range } };
      this.nameVariable(c.policy, env);
    }
    for (const r of c.rules) {
      if (defs) di = this.definesBefore(defs, di, r.range.start, env, t.key);
      this.rule(ch, r, env, 'append');
    }
    if (defs) this.definesBefore(defs, di, Infinity, env, t.key);
  }

  /** Applies a block's defines from index `i` that stand before `pos`; returns the next index. */
  private definesBefore(defs: readonly NftDefine[], i: number, pos: number, env: Env, scope: string): number {
    while (i < defs.length && defs[i]!.range.start < pos) this.define(defs[i++]!, env, scope, env.chain ?? null);
    return i;
  }

  private ruleCommand(r: NftRule, env: Env): void {
    if (!r.table || !r.chain) return;
    if (r.verb === 'delete' || r.verb === 'destroy' || r.verb === 'replace') {
      this.effects.push({ kind: 'delete-rule', file: env.file, node: r, family: r.family });
      if (r.verb !== 'replace') return;
    }
    if (!['add', 'insert', 'create', 'replace'].includes(r.verb)) return;
    const t = this.table(r.family, r.table.text, false);
    const ch = this.chainSymbol(t, r.chain, env.file, false);
    this.rule(ch, r, env, r.verb === 'insert' ? 'prepend' : 'append');
  }

  private rule(ch: NftChainSymbol, r: NftRule, env: Env, where: 'append' | 'prepend'): void {
    const sym: NftRuleSymbol = { file: env.file, node: r, chain: ch };
    if (where === 'prepend') ch.rules.unshift(sym);
    else ch.rules.push(sym);
    this.rules.push(sym);
    this.statements(r.statements, sym, env);
  }

  private statements(stmts: readonly NftStatement[], rule: NftRuleSymbol, env: Env): void {
    // One visitor per rule (not per statement).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const visit = (n: Record<string, any>): void => {
      if (n.type === 'NftVariable') this.use(n.name, n.range, env);
      else if (n.type === 'NftSetRef') this.pendingSetRefs.push({ name: n.name, file: env.file, range: n.range, table: rule.chain.table, rule });
      else if (n.type === 'NftVerdictExpr' && (n.verdict === 'jump' || n.verdict === 'goto') && n.target) {
        let name = n.target;
        if (name.startsWith('$')) {
          const d = this.use(name.slice(1), n.range, env);
          const v = d?.node.value;
          name = v?.type === 'NftSymbol' ? v.name : v?.type === 'NftString' ? v.value : name;
        }
        this.pendingJumps.push({ kind: n.verdict, from: rule.chain, name, file: env.file, range: n.range, rule, via: 'vmap' });
      } else if (n.type === undefined && typeof n.text === 'string' && n.text.startsWith('$') && n.range) this.use(n.text.slice(1), n.range, env);
    };
    for (const s of stmts) {
      if (s.type === 'NftVerdict') {
        if (s.verdict !== 'jump' && s.verdict !== 'goto') continue;
        const target = s.target;
        if (Array.isArray(target)) {
          // Anonymous chain: its edges leave the enclosing chain.
          for (const inner of target as NftRule[]) this.statements(inner.statements, rule, env);
        } else if (target) {
          let name = (target as NftName).text;
          if (name.startsWith('$')) {
            const d = this.use(name.slice(1), (target as NftName).range, env);
            const v = d?.node.value;
            name = v?.type === 'NftSymbol' ? v.name : v?.type === 'NftString' ? v.value : name;
          }
          this.pendingJumps.push({ kind: s.verdict, from: rule.chain, name, file: env.file, range: (target as NftName).range, rule, via: 'verdict' });
        }
        continue;
      }
      if (s.type === 'NftStatement' && s.keyword === 'set' && s.ref) {
        this.pendingSetRefs.push({ name: s.ref.text.replace(/^@/, ''), file: env.file, range: s.ref.range, table: rule.chain.table, rule });
      }
      if (s.type === 'NftVmap' && s.map.type === 'NftSetRef') this.namedVmaps.push({ rule, name: s.map.name, table: rule.chain.table });
      deepVisit(s, visit);
    }
  }

  private setCommand(c: NftSet, env: Env): void {
    if (!c.table || !c.name) return;
    const key = tableKey(c.family, c.table.text);
    if (c.verb === 'delete' || c.verb === 'destroy') {
      this.effects.push({ kind: 'delete-set', file: env.file, node: c, family: c.family });
      const t = this.live.get(key);
      const s = t?.sets.get(c.name.text);
      if (t && s) {
        s.removedBy = { file: env.file, range: c.range };
        t.sets.delete(c.name.text);
      }
      return;
    }
    if (c.verb === 'add' || c.verb === 'create') this.set(this.table(c.family, c.table.text, false), c, env, 'top');
  }

  private set(t: NftTableSymbol, c: NftSet, env: Env, scope: string): void {
    if (!c.name) return;
    this.scanBlock(c, env, scope);
    let s = t.sets.get(c.name.text);
    if (!s) {
      s = {
        table: t, kind: c.kind, name: c.name.text, file: env.file, node: c,
        keyType: c.keyType.map((k) => k.text), dataType: c.dataType.map((k) => k.text), flags: c.flags,
        elements: [], references: [], removedBy: null,
      };
      t.sets.set(s.name, s);
      t.allSets.set(s.name, s);
    }
    for (const e of c.elements ?? []) s.elements.push({ file: env.file, element: e, via: 'declaration' });
  }

  private elementCommand(c: NftElementCommand, env: Env): void {
    this.scanVariables(c, env);
    const t = c.table ? (this.live.get(tableKey(c.family, c.table.text)) ?? null) : null;
    const s = t && c.set ? (t.allSets.get(c.set.text) ?? null) : null;
    this.elementCommands.push({ file: env.file, node: c, table: t, set: s });
    if (s && (c.verb === 'add' || c.verb === 'create')) for (const e of c.elements) s.elements.push({ file: env.file, element: e, via: 'command' });
  }

  // ---- variables ------------------------------------------------------------------------------

  private scanVariables(node: NftNode, env: Env): void {
    deepVisit(node, (n) => {
      if (n.type === 'NftVariable') this.use(n.name, n.range, env);
      else if (n.type === undefined && typeof n.text === 'string' && n.text.startsWith('$') && n.range) this.use(n.text.slice(1), n.range, env);
    });
  }

  /**
   * The variable uses of a set, flowtable or object and the defines of its block, in source order:
   * the block opens no scope, so its defines bind in `env`'s innermost one (labelled `scope`).
   */
  private scanBlock(node: NftSet | NftFlowtable | NftObject, env: Env, scope: string): void {
    const defs = node.defines;
    if (!defs) return this.scanVariables(node, env);
    const uses: { name: string; range: TextRange }[] = [];
    deepVisit(node, (n) => {
      const name = n.type === 'NftVariable' ? n.name : n.type === undefined && typeof n.text === 'string' && n.text.startsWith('$') && n.range ? n.text.slice(1) : undefined;
      // a define's own value is scanned when the define applies
      if (name !== undefined && !defs.some((d) => d.range.start <= n.range.start && n.range.end <= d.range.end)) uses.push({ name, range: n.range });
    });
    uses.sort((a, b) => a.range.start - b.range.start);
    let di = 0;
    for (const u of uses) {
      di = this.definesBefore(defs, di, u.range.start, env, scope);
      this.use(u.name, u.range, env);
    }
    this.definesBefore(defs, di, Infinity, env, scope);
  }

  private nameVariable(n: NftName, env: Env): void {
    if (n.text.startsWith('$')) this.use(n.text.slice(1), n.range, env);
  }

  private use(name: string, range: TextRange, env: Env): NftDefineSymbol | null {
    const def = this.lookup(name, env);
    const chainLocal = def !== null && env.chainScope !== undefined && env.chainScope.get(name) === def;
    const u: NftVariableUse = { name, file: env.file, range, define: def, chainLocal };
    this.uses.push(u);
    def?.uses.push(u);
    return def;
  }

  // ---- resolution -----------------------------------------------------------------------------

  private resolve(): void {
    for (const p of this.pendingSetRefs) {
      const set = p.table?.allSets.get(p.name) ?? null;
      const ref: NftSetReference = { name: p.name, file: p.file, range: p.range, table: p.table, set, rule: p.rule };
      this.setRefs.push(ref);
      set?.references.push(ref);
    }
    for (const v of this.namedVmaps) {
      const map = v.table.allSets.get(v.name);
      for (const e of map?.elements ?? []) {
        const val = e.element.value;
        if (val?.type === 'NftVerdictExpr' && (val.verdict === 'jump' || val.verdict === 'goto') && val.target) {
          this.pendingJumps.push({ kind: val.verdict, from: v.rule.chain, name: val.target, file: e.file, range: val.range, rule: v.rule, via: 'vmap' });
        }
      }
    }
    for (const p of this.pendingJumps) {
      const to = p.name.startsWith('$') ? null : (p.from.table.allChains.get(p.name) ?? null);
      const edge: NftJumpEdge = { kind: p.kind, from: p.from, targetName: p.name, to, file: p.file, range: p.range, rule: p.rule, via: p.via };
      this.jumps.push(edge);
      p.from.jumps.push(edge);
      to?.jumpedFrom.push(edge);
    }
  }
}

/** Shape of the nodes and plain objects `deepVisit` hands out. */
interface Visited {
  readonly type?: string;
  readonly text?: unknown;
  readonly range?: TextRange;
  readonly [k: string]: unknown;
}

/**
 * Calls `cb` for every object below `root` (AST nodes, and plain objects such as options and
 * names, which `walkNft` does not enter). Anonymous chains of verdicts are left to the caller.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function deepVisit(root: unknown, cb: (n: Record<string, any>) => void): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const o = v as Visited;
    if (o.type === 'NftVerdict' && o !== root) continue;
    cb(o);
    // `for…in` walks the same own keys in the same order as `Object.entries` (AST objects are
    // plain literals) without allocating an entry array per object.
    for (const k in o) {
      if (k === 'range' || k === 'resolved') continue;
      const x = o[k];
      if (typeof x === 'object' && x !== null) stack.push(x);
    }
  }
}
