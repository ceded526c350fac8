// Applies the commands of a parsed input in order (what `nft -f` does to an empty ruleset) and
// returns the resulting tables, merged: block and command forms, `add`/`insert` rules, elements,
// deletes and flushes. Used by the canonical printer; also handy for cross-file reasoning.
import type {
  NftChain, NftCommand, NftDefine, NftExpr, NftFlowtable, NftObject, NftRule, NftRuleset, NftSet, NftSetElement, NftTable,
} from './ast.js';

export interface StateChain {
  readonly decl: NftChain;
  name: string;
  rules: NftRule[];
}
export interface StateSet {
  readonly decl: NftSet;
  elements: NftSetElement[];
}
export interface StateTable {
  readonly family: NftTable['family'];
  readonly name: string;
  flags: string[];
  comment: string | null;
  objects: NftObject[];
  sets: StateSet[];
  flowtables: NftFlowtable[];
  chains: StateChain[];
}
export interface RulesetState {
  readonly tables: StateTable[];
  /** `define`d values (last definition wins, any block). Prefer `valueAt`, which follows nft's scoping. */
  readonly defines: ReadonlyMap<string, NftExpr>;
  /**
   * The value of `$name` as nft resolves it where `node` (a rule, set element or flowtable) was written:
   * the innermost block scope (file, table block, chain block) binding it before that point.
   * Undefined when nothing binds it there, or when `node` was not recorded (nothing was defined).
   */
  valueAt(node: object, name: string): NftExpr | undefined;
}

/** One block's bindings; copied on write, so a recorded scope chain never changes afterwards. */
interface DefineScope {
  readonly vars: ReadonlyMap<string, NftExpr>;
  readonly parent: DefineScope | null;
}
const NO_VARS: ReadonlyMap<string, NftExpr> = new Map();

/** Applies the commands (and resolved includes) in order. */
export function applyCommands(ast: NftRuleset): RulesetState {
  const tables: StateTable[] = [];
  const defines = new Map<string, NftExpr>();
  // Scoped defines (see model/build.ts): `scope` is the chain of the block being applied. Nodes are
  // recorded with it only once something has been defined, so files without defines cost nothing.
  let scope: DefineScope = { vars: NO_VARS, parent: null };
  let anyDefine = false;
  const at = new Map<object, DefineScope>();
  const record = (nodes: readonly object[]): void => {
    if (anyDefine) for (const n of nodes) at.set(n, scope);
  };
  const table = (family: NftTable['family'], name: string | undefined): StateTable | null => {
    if (name === undefined) return null;
    let t = tables.find((x) => x.family === family && x.name === name);
    if (!t) {
      t = { family, name, flags: [], comment: null, objects: [], sets: [], flowtables: [], chains: [] };
      tables.push(t);
    }
    return t;
  };
  const chainIn = (t: StateTable, c: NftChain): StateChain => {
    const name = c.name?.text ?? '';
    let sc = t.chains.find((x) => x.name === name);
    if (!sc) {
      sc = { decl: c, name, rules: [] };
      t.chains.push(sc);
    } else if (c.hook && !sc.decl.hook) {
      sc = Object.assign(sc, { decl: c });
    }
    return sc;
  };
  const setIn = (t: StateTable, s: NftSet): StateSet => {
    const name = s.name?.text ?? '';
    let ss = t.sets.find((x) => x.decl.name?.text === name && x.decl.kind === s.kind);
    if (!ss) {
      ss = { decl: s, elements: [] };
      t.sets.push(ss);
    }
    if (s.elements) ss.elements.push(...s.elements);
    return ss;
  };
  const define = (d: NftDefine): void => {
    if (d.kind === 'undefine') defines.delete(d.name.text);
    else if (d.value) defines.set(d.name.text, d.value);
    // define/redefine bind in the current block; undefine unbinds there only.
    const vars = new Map(scope.vars);
    if (d.kind === 'undefine') vars.delete(d.name.text);
    else if (d.value) vars.set(d.name.text, d.value);
    scope = { vars, parent: scope.parent };
    anyDefine = true;
  };
  /** Applies a block's defines from index `i` that stand before `pos`; returns the next index. */
  const definesBefore = (defs: readonly NftDefine[], i: number, pos: number): number => {
    while (i < defs.length && defs[i]!.range.start < pos) define(defs[i++]!);
    return i;
  };
  const enter = (): void => {
    scope = { vars: NO_VARS, parent: scope };
  };
  const leave = (): void => {
    scope = scope.parent ?? scope;
  };
  /** Rules of a chain block, interleaved with its defines in source order, in the chain's scope. */
  const chainRules = (c: NftChain): readonly NftRule[] => {
    const defs = c.defines;
    if (!defs) {
      record(c.rules);
      return c.rules;
    }
    enter();
    let di = 0;
    for (const r of c.rules) {
      di = definesBefore(defs, di, r.range.start);
      at.set(r, scope);
    }
    leave();
    return c.rules;
  };
  // A set, flowtable or object block opens no scope: its defines bind in the enclosing block.
  const blockDefines = (defs: readonly NftDefine[] | undefined): void => {
    for (const d of defs ?? []) define(d);
  };
  /** A set's elements, interleaved with its block's defines in source order. */
  const setElements = (s: NftSet): void => {
    const defs = s.defines;
    if (!defs) {
      if (s.elements) record(s.elements);
      return;
    }
    let di = 0;
    for (const e of s.elements ?? []) {
      di = definesBefore(defs, di, e.range.start);
      at.set(e, scope);
    }
    definesBefore(defs, di, Infinity);
  };
  const apply = (c: NftCommand): void => {
    switch (c.type) {
      case 'NftDefine':
        define(c);
        return;
      case 'NftInclude':
        for (const r of c.resolved ?? []) for (const x of r.ruleset.commands) apply(x);
        return;
      case 'NftTable': {
        if (c.verb === 'delete' || c.verb === 'destroy') {
          const i = tables.findIndex((x) => x.family === c.family && x.name === c.name?.text);
          if (i >= 0) tables.splice(i, 1);
          return;
        }
        const t = table(c.family, c.name?.text);
        if (!t) return;
        if (c.verb === 'flush') {
          for (const ch of t.chains) ch.rules = [];
          return;
        }
        if (c.verb !== 'add' && c.verb !== 'create') return;
        for (const f of c.flags) if (!t.flags.includes(f)) t.flags.push(f);
        if (c.comment !== null) t.comment = c.comment;
        enter();
        for (const it of c.items) {
          if (it.type === 'NftDefine') define(it);
          else if (it.type === 'NftChain') chainIn(t, it).rules.push(...chainRules(it));
          else if (it.type === 'NftSet') {
            setElements(it);
            setIn(t, it);
          } else if (it.type === 'NftFlowtable') {
            blockDefines(it.defines);
            if (anyDefine) at.set(it, scope);
            t.flowtables.push(it);
          } else if (it.type === 'NftObject') {
            blockDefines(it.defines);
            t.objects.push(it);
          }
        }
        leave();
        return;
      }
      case 'NftChain': {
        const t = tables.find((x) => x.family === c.family && x.name === c.table?.text);
        if (c.verb === 'add' || c.verb === 'create') {
          const tt = t ?? table(c.family, c.table?.text);
          if (tt) chainIn(tt, c).rules.push(...chainRules(c));
          return;
        }
        if (!t) return;
        const sc = t.chains.find((x) => x.name === c.name?.text);
        if (c.verb === 'delete' || c.verb === 'destroy') t.chains = t.chains.filter((x) => x !== sc);
        else if (c.verb === 'flush' && sc) sc.rules = [];
        else if (c.verb === 'rename' && sc && c.newName) sc.name = c.newName.text;
        return;
      }
      case 'NftRule': {
        const t = tables.find((x) => x.family === c.family && x.name === c.table?.text);
        const sc = t?.chains.find((x) => x.name === c.chain?.text);
        if (!sc) return;
        if (anyDefine) at.set(c, scope);
        if (c.verb === 'add') sc.rules.push(c);
        else if (c.verb === 'insert') sc.rules.unshift(c);
        return;
      }
      case 'NftSet': {
        const t = tables.find((x) => x.family === c.family && x.name === c.table?.text) ?? (c.verb === 'add' || c.verb === 'create' ? table(c.family, c.table?.text) : null);
        if (!t) return;
        if (c.verb === 'add' || c.verb === 'create') {
          setElements(c);
          setIn(t, c);
        } else if (c.verb === 'delete' || c.verb === 'destroy') t.sets = t.sets.filter((x) => x.decl.name?.text !== c.name?.text);
        else if (c.verb === 'flush') for (const s of t.sets) if (s.decl.name?.text === c.name?.text) s.elements = [];
        return;
      }
      case 'NftElementCommand': {
        const t = tables.find((x) => x.family === c.family && x.name === c.table?.text);
        const s = t?.sets.find((x) => x.decl.name?.text === c.set?.text);
        if (!s) return;
        if (c.verb === 'add' || c.verb === 'create') {
          record(c.elements);
          s.elements.push(...c.elements);
        }
        return;
      }
      case 'NftFlowtable':
      case 'NftObject': {
        if (c.verb !== 'add' && c.verb !== 'create') return;
        const t = table(c.family, c.table?.text);
        if (!t) return;
        blockDefines(c.defines);
        if (c.type === 'NftFlowtable') {
          if (anyDefine) at.set(c, scope);
          t.flowtables.push(c);
        } else t.objects.push(c);
        return;
      }
      case 'NftGenericCommand':
        if (c.verb === 'flush' && c.object === 'ruleset') {
          for (let i = tables.length - 1; i >= 0; i--) if (!c.family || tables[i]!.family === c.family) tables.splice(i, 1);
        }
        return;
    }
  };
  for (const c of ast.commands) apply(c);
  const valueAt = (node: object, name: string): NftExpr | undefined => {
    for (let s: DefineScope | null = at.get(node) ?? null; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v) return v;
    }
    return undefined;
  };
  return { tables, defines, valueAt };
}
