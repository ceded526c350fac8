// libnftables JSON (`nft -j list ruleset`, doc/libnftables-json.adoc; facts §3.8) → the nft AST.
// Every object becomes a command-form node (`add table`, `add chain`, `add rule` …), which the
// symbol model treats like block form. Ranges point at the JSON objects; names at their strings.
import type { SyntaxProblem, TextRange } from '@wglint/core';
import type {
  NftChain, NftChainHook, NftCommand, NftElementCommand, NftExpr, NftFamily, NftFlowtable, NftName, NftNat, NftObject,
  NftObjectKind, NftOption, NftOptionStatement, NftRule, NftSet, NftSetElement, NftStatement, NftTable, NftVerb,
  NftVerdictKind,
} from '../ast.js';
import { parseNft } from '../parse.js';
import { type JsonArray, type JsonObject, type JsonString, type JsonValue, kindOf, member } from './json-parse.js';

const FAMILIES = new Set(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);
const COMMANDS = new Set(['add', 'replace', 'create', 'insert', 'delete', 'destroy', 'list', 'reset', 'flush', 'rename']);
const OBJECT_KINDS: ReadonlyMap<string, NftObjectKind> = new Map([
  ['counter', 'counter'], ['quota', 'quota'], ['limit', 'limit'], ['ct helper', 'ct helper'], ['ct timeout', 'ct timeout'],
  ['ct expectation', 'ct expectation'], ['secmark', 'secmark'], ['synproxy', 'synproxy'], ['tunnel', 'tunnel'],
]);
const ELEMENTS = ['table', 'chain', 'rule', 'set', 'map', 'element', 'flowtable', ...OBJECT_KINDS.keys()];
const VERDICTS = new Set(['accept', 'drop', 'continue', 'return', 'jump', 'goto']);
const OPTION_STATEMENTS = new Set([
  'counter', 'limit', 'quota', 'log', 'reject', 'queue', 'dup', 'fwd', 'tproxy', 'notrack', 'synproxy', 'last', 'xt', 'secmark', 'reset',
]);
const NAT = new Set(['snat', 'dnat', 'masquerade', 'redirect']);
const BINOPS = new Set(['&', '|', '^', '<<', '>>']);
const MATCH_OPS: Record<string, NftMatchOp> = { '==': '==', '!=': '!=', '<': '<', '>': '>', '<=': '<=', '>=': '>=', in: 'implicit', eq: '==', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=' };
type NftMatchOp = '==' | '!=' | '<' | '>' | '<=' | '>=' | 'implicit';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*$/;
const MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

export class JsonConverter {
  readonly problems: SyntaxProblem[] = [];

  private problem(range: TextRange, message: string): void {
    this.problems.push({ range, message });
  }

  /** The `nftables` array of the top-level object, or null (with a problem). */
  commands(root: JsonValue): NftCommand[] {
    if (root.kind !== 'object') {
      this.problem(root.range, `expected a JSON object \`{"nftables": [ … ]}\`, found ${kindOf(root)}`);
      return [];
    }
    const list = member(root, 'nftables');
    for (const m of root.members) if (m.key !== 'nftables') this.problem(m.keyRange, `unknown member "${m.key}": the top-level object has only "nftables"`);
    if (!list) {
      this.problem({ start: root.range.start, end: root.range.start + 1 }, 'missing "nftables": the input must be `{"nftables": [ … ]}` as printed by `nft -j list ruleset`');
      return [];
    }
    if (list.kind !== 'array') {
      this.problem(list.range, `"nftables" must be an array of objects, found ${kindOf(list)}`);
      return [];
    }
    const out: NftCommand[] = [];
    for (const item of list.items) {
      const c = this.item(item);
      if (c) out.push(c);
    }
    return out;
  }

  private single(v: JsonValue, what: string): { key: string; keyRange: TextRange; value: JsonValue } | null {
    if (v.kind !== 'object' || v.members.length !== 1) {
      this.problem(v.range, `expected ${what} with exactly one member, found ${v.kind === 'object' ? `an object with ${v.members.length} members` : kindOf(v)}`);
      return null;
    }
    return v.members[0]!;
  }

  private item(v: JsonValue): NftCommand | null {
    const m = this.single(v, 'an object such as {"table": {…}}');
    if (!m) return null;
    if (m.key === 'metainfo') {
      const ver = m.value.kind === 'object' ? member(m.value, 'json_schema_version') : undefined;
      if (ver?.kind === 'number' && ver.value > 1) this.problem(ver.range, `json_schema_version ${ver.value} is newer than this reader knows (1); objects may be misread`);
      return null;
    }
    if (COMMANDS.has(m.key)) return this.command(m.key as NftVerb, m.value, v.range);
    if (ELEMENTS.includes(m.key)) return this.element('add', m.key, m.keyRange, m.value, v.range);
    this.problem(m.keyRange, `unknown object "${m.key}": expected one of ${['metainfo', ...ELEMENTS].join(', ')}, or a command (${[...COMMANDS].join(', ')})`);
    return null;
  }

  private command(verb: NftVerb, v: JsonValue, range: TextRange): NftCommand | null {
    const m = this.single(v, `the object of "${verb}"`);
    if (!m) return null;
    if (m.key === 'ruleset') {
      const fam = m.value.kind === 'object' ? this.family(m.value, true) : null;
      return { type: 'NftGenericCommand', verb, object: 'ruleset', family: fam, args: [], range };
    }
    if (!ELEMENTS.includes(m.key)) {
      if (['tables', 'chains', 'sets', 'maps', 'counters', 'quotas', 'flowtables', 'meters', 'elements'].includes(m.key)) {
        return { type: 'NftGenericCommand', verb, object: m.key, family: null, args: [], range };
      }
      this.problem(m.keyRange, `unknown object "${m.key}" in "${verb}": expected one of ruleset, ${ELEMENTS.join(', ')}`);
      return null;
    }
    return this.element(verb, m.key, m.keyRange, m.value, range);
  }

  // ---- objects --------------------------------------------------------------------------------

  private element(verb: NftVerb, key: string, keyRange: TextRange, v: JsonValue, range: TextRange): NftCommand | null {
    if (v.kind !== 'object') {
      this.problem(v.range, `"${key}" must be an object, found ${kindOf(v)}`);
      return null;
    }
    switch (key) {
      case 'table':
        return this.table(verb, v, range);
      case 'chain':
        return this.chain(verb, v, range);
      case 'rule':
        return this.rule(verb, v, range);
      case 'set':
      case 'map':
        return this.set(verb, key, v, range);
      case 'element':
        return this.elementCommand(verb, v, range);
      case 'flowtable':
        return this.flowtable(verb, v, range);
      default: {
        const kind = OBJECT_KINDS.get(key);
        if (!kind) {
          this.problem(keyRange, `unknown object "${key}"`);
          return null;
        }
        return this.object(verb, kind, v, range);
      }
    }
  }

  private family(o: JsonObject, optional = false): NftFamily {
    const f = member(o, 'family');
    if (f?.kind === 'string' && FAMILIES.has(f.value)) return f.value as NftFamily;
    if (f) this.problem(f.range, `unknown family ${f.kind === 'string' ? `"${f.value}"` : kindOf(f)}: expected one of ${[...FAMILIES].join(', ')}`);
    else if (!optional) this.problem({ start: o.range.start, end: o.range.start + 1 }, 'missing "family"; nft uses "ip"');
    return 'ip';
  }

  /** A string member as a name whose range is the string's content. */
  private name(o: JsonObject, key: string, required: boolean, what: string): NftName | null {
    const v = member(o, key);
    if (!v) {
      if (required) this.problem({ start: o.range.start, end: o.range.start + 1 }, `${what} needs "${key}"`);
      return null;
    }
    if (v.kind !== 'string') {
      this.problem(v.range, `"${key}" must be a string, found ${kindOf(v)}`);
      return null;
    }
    return this.strName(v);
  }

  /** `"ipv4_addr . inet_service"` → one name per part, each with its range in the string. */
  private splitType(v: JsonString): NftName[] {
    const out: NftName[] = [];
    const re = /[^\s.]+/g;
    for (let m = re.exec(v.value); m; m = re.exec(v.value)) {
      const start = v.range.start + 1 + m.index;
      out.push({ text: m[0], range: { start, end: start + m[0].length } });
    }
    return out;
  }

  private strName(v: JsonString): NftName {
    return { text: v.value, range: { start: v.range.start + 1, end: Math.max(v.range.start + 1, v.range.end - 1) } };
  }

  private num(o: JsonObject, key: string): number | undefined {
    const v = member(o, key);
    if (v === undefined) return undefined;
    if (v.kind !== 'number') {
      this.problem(v.range, `"${key}" must be a number, found ${kindOf(v)}`);
      return undefined;
    }
    return v.value;
  }

  private str(o: JsonObject, key: string): string | null {
    const v = member(o, key);
    if (v === undefined) return null;
    if (v.kind === 'string') return v.value;
    if (v.kind === 'number') return v.text;
    this.problem(v.range, `"${key}" must be a string, found ${kindOf(v)}`);
    return null;
  }

  private strings(o: JsonObject, key: string): string[] {
    const v = member(o, key);
    if (v === undefined) return [];
    if (v.kind === 'string') return [v.value];
    if (v.kind === 'array') return v.items.flatMap((x) => (x.kind === 'string' ? [x.value] : []));
    this.problem(v.range, `"${key}" must be a string or an array of strings, found ${kindOf(v)}`);
    return [];
  }

  private names(o: JsonObject, key: string): NftName[] {
    const v = member(o, key);
    if (v === undefined) return [];
    if (v.kind === 'string') return [this.strName(v)];
    if (v.kind === 'array') return v.items.flatMap((x) => (x.kind === 'string' ? [this.strName(x)] : []));
    this.problem(v.range, `"${key}" must be a string or an array of strings, found ${kindOf(v)}`);
    return [];
  }

  private table(verb: NftVerb, o: JsonObject, range: TextRange): NftTable {
    const handle = this.num(o, 'handle');
    return {
      type: 'NftTable', verb, family: this.family(o), familyExplicit: true, name: this.name(o, 'name', verb !== 'list', 'a table'),
      ...(handle !== undefined ? { handle } : {}),
      hasBlock: false, flags: this.strings(o, 'flags'), comment: this.str(o, 'comment'),
      chains: [], sets: [], flowtables: [], objects: [], defines: [], items: [], range,
    };
  }

  private chain(verb: NftVerb, o: JsonObject, range: TextRange): NftChain {
    const family = this.family(o);
    const type = member(o, 'type');
    const hookV = member(o, 'hook');
    let hook: NftChainHook | null = null;
    if (type || hookV) {
      const chainType = this.name(o, 'type', true, 'a base chain');
      const hookName = this.name(o, 'hook', true, 'a base chain');
      const prio = member(o, 'prio');
      let priority: NftChainHook['priority'] = null;
      if (prio?.kind === 'number') priority = { type: 'NftPriority', text: prio.text, keyword: null, value: prio.value, range: prio.range };
      else if (prio?.kind === 'string') priority = { type: 'NftPriority', text: prio.value, keyword: prio.value, value: null, range: prio.range };
      else if (prio) this.problem(prio.range, `"prio" must be a number, found ${kindOf(prio)}`);
      else this.problem({ start: o.range.start, end: o.range.start + 1 }, 'a base chain needs "prio"');
      const dev = member(o, 'dev');
      const devices = dev?.kind === 'array' ? this.names(o, 'dev') : [];
      const device = dev?.kind === 'string' ? this.strName(dev) : null;
      if (chainType && hookName) {
        hook = { type: 'NftChainHook', chainType, hook: hookName, device, devices, priority, range: { start: (type ?? hookV)!.range.start, end: (prio ?? hookV ?? type)!.range.end } };
      }
    }
    const policy = this.name(o, 'policy', false, 'a chain');
    const handle = this.num(o, 'handle');
    const newName = this.name(o, 'newname', false, 'a chain');
    return {
      type: 'NftChain', verb, family, table: this.name(o, 'table', true, 'a chain'), name: this.name(o, 'name', true, 'a chain'),
      ...(handle !== undefined ? { handle } : {}),
      hasBlock: hook !== null || policy !== null, hook, policy, devices: [], comment: this.str(o, 'comment'), flags: [], rules: [],
      ...(newName ? { newName } : {}), range,
    };
  }

  private rule(verb: NftVerb, o: JsonObject, range: TextRange): NftRule {
    const expr = member(o, 'expr');
    const statements: NftStatement[] = [];
    if (expr?.kind === 'array') for (const s of expr.items) statements.push(...this.statement(s));
    else if (expr) this.problem(expr.range, `"expr" must be an array of statements, found ${kindOf(expr)}`);
    else if (verb === 'add' || verb === 'insert' || verb === 'replace' || verb === 'create') this.problem({ start: o.range.start, end: o.range.start + 1 }, 'a rule needs "expr" (its statements)');
    const handle = this.num(o, 'handle');
    const index = this.num(o, 'index');
    return {
      type: 'NftRule', verb, family: this.family(o), table: this.name(o, 'table', true, 'a rule'), chain: this.name(o, 'chain', true, 'a rule'),
      position: handle !== undefined && verb !== 'add' ? { kind: 'handle', value: handle } : index !== undefined ? { kind: 'index', value: index } : null,
      statements, comment: this.str(o, 'comment'), range,
    };
  }

  private set(verb: NftVerb, kind: 'set' | 'map', o: JsonObject, range: TextRange): NftSet {
    const typeV = member(o, 'type');
    let keyType: NftName[] = [];
    let typeofKey: NftExpr[] = [];
    if (typeV?.kind === 'string') keyType = this.splitType(typeV);
    else if (typeV?.kind === 'array') keyType = typeV.items.flatMap((x) => (x.kind === 'string' ? this.splitType(x) : []));
    else if (typeV?.kind === 'object' && member(typeV, 'typeof')) typeofKey = [this.expr(member(typeV, 'typeof')!)];
    else if (typeV) this.problem(typeV.range, `"type" must be a type name or an array of them, found ${kindOf(typeV)}`);
    const mapV = member(o, 'map');
    // Like the text parser, a concatenated data type is split (nft writes "ipv4_addr . inet_service").
    const dataType: NftName[] =
      mapV?.kind === 'string'
        ? this.splitType(mapV)
        : mapV?.kind === 'array'
          ? mapV.items.flatMap((x) => (x.kind === 'string' ? this.splitType(x) : []))
          : [];
    if (kind === 'map' && !mapV && verb === 'add') this.problem({ start: o.range.start, end: o.range.start + 1 }, 'a map needs "map" (its data type)');
    const elem = member(o, 'elem');
    const handle = this.num(o, 'handle');
    const size = this.num(o, 'size');
    const timeout = member(o, 'timeout');
    const gc = member(o, 'gc-interval');
    const stmts = member(o, 'stmt');
    return {
      type: 'NftSet', kind, verb, family: this.family(o), table: this.name(o, 'table', true, `a ${kind}`), name: this.name(o, 'name', true, `a ${kind}`),
      ...(handle !== undefined ? { handle } : {}),
      hasBlock: true, keyType, dataType, dataInterval: false, typeofKey, typeofData: [], flags: this.strings(o, 'flags'),
      timeout: timeout ? (timeout.kind === 'number' ? `${timeout.value}s` : timeout.kind === 'string' ? timeout.value : null) : null,
      gcInterval: gc ? (gc.kind === 'number' ? `${gc.value}s` : gc.kind === 'string' ? gc.value : null) : null,
      size: size ?? null, policy: this.str(o, 'policy'), autoMerge: member(o, 'auto-merge')?.kind === 'boolean' ? (member(o, 'auto-merge') as { value: boolean }).value : false,
      elements: elem ? this.elements(elem, kind === 'map') : null,
      stateful: stmts?.kind === 'array' ? stmts.items.flatMap((s) => this.statement(s)) : [],
      comment: this.str(o, 'comment'), range,
    };
  }

  private elementCommand(verb: NftVerb, o: JsonObject, range: TextRange): NftElementCommand {
    const elem = member(o, 'elem');
    if (!elem) this.problem({ start: o.range.start, end: o.range.start + 1 }, 'an element command needs "elem"');
    return {
      type: 'NftElementCommand', verb, family: this.family(o), table: this.name(o, 'table', true, 'an element command'),
      set: this.name(o, 'name', true, 'an element command'), elements: elem ? this.elements(elem, false) : [], range,
    };
  }

  private flowtable(verb: NftVerb, o: JsonObject, range: TextRange): NftFlowtable {
    const prio = member(o, 'prio');
    return {
      type: 'NftFlowtable', verb, family: this.family(o), table: this.name(o, 'table', true, 'a flowtable'), name: this.name(o, 'name', true, 'a flowtable'),
      hasBlock: true, hook: this.name(o, 'hook', false, 'a flowtable'),
      priority: prio?.kind === 'number' ? { type: 'NftPriority', text: prio.text, keyword: null, value: prio.value, range: prio.range } : null,
      devices: this.names(o, 'dev').map((n) => ({ type: 'NftString', value: n.text, quoted: true, range: n.range })),
      flags: this.strings(o, 'flags'), counter: false, range,
    };
  }

  private object(verb: NftVerb, kind: NftObjectKind, o: JsonObject, range: TextRange): NftObject {
    const properties = o.members
      .filter((m) => !['family', 'table', 'name', 'handle', 'comment'].includes(m.key))
      .map((m) => ({ key: m.key, words: this.words(m.value), range: { start: m.keyRange.start, end: m.value.range.end } }));
    return {
      type: 'NftObject', kind, verb, family: this.family(o), table: this.name(o, 'table', true, `a ${kind}`), name: this.name(o, 'name', true, `a ${kind}`),
      hasBlock: true, properties, comment: this.str(o, 'comment'), lines: [], range,
    };
  }

  private words(v: JsonValue): NftName[] {
    if (v.kind === 'string') return [this.strName(v)];
    if (v.kind === 'number' || v.kind === 'boolean') return [{ text: String(v.value), range: v.range }];
    if (v.kind === 'array') return v.items.flatMap((x) => this.words(x));
    if (v.kind === 'object') return v.members.flatMap((m) => [{ text: m.key, range: m.keyRange }, ...this.words(m.value)]);
    return [];
  }

  // ---- set elements -----------------------------------------------------------------------------

  private elements(v: JsonValue, isMap: boolean): NftSetElement[] {
    const items = v.kind === 'array' ? v.items : [v];
    return items.map((x) => this.setElement(x, isMap));
  }

  private setElement(x: JsonValue, _isMap: boolean): NftSetElement {
    // Map elements are `[key, data]`.
    if (x.kind === 'array' && x.items.length === 2) {
      const [k, d] = x.items as [JsonValue, JsonValue];
      const key = this.setElement(k, false);
      return { ...key, value: this.expr(d), range: x.range };
    }
    if (x.kind === 'object' && x.members.length === 1 && x.members[0]!.key === 'elem' && x.members[0]!.value.kind === 'object') {
      const e = x.members[0]!.value;
      const val = member(e, 'val');
      const options: NftOption[] = e.members
        .filter((m) => m.key !== 'val')
        .map((m) => ({ key: m.key, value: m.value.kind === 'null' || m.value.kind === 'object' ? null : this.expr(m.value), range: { start: m.keyRange.start, end: m.value.range.end } }));
      if (!val) this.problem({ start: e.range.start, end: e.range.start + 1 }, 'an "elem" object needs "val"');
      return { type: 'NftSetElement', key: val ? this.expr(val) : this.symbol('?', e.range), value: null, options, breakBefore: false, range: x.range };
    }
    return { type: 'NftSetElement', key: this.expr(x), value: null, options: [], breakBefore: false, range: x.range };
  }

  // ---- statements -----------------------------------------------------------------------------

  private statement(v: JsonValue): NftStatement[] {
    if (v.kind === 'string') return this.textStatement(v);
    const m = this.single(v, 'a statement object such as {"accept": null}');
    if (!m) return [];
    const o = m.value.kind === 'object' ? m.value : null;
    const range = v.range;
    const k = m.key;
    if (VERDICTS.has(k)) {
      let target: NftName | null = null;
      if (k === 'jump' || k === 'goto') {
        target = o ? this.name(o, 'target', true, `"${k}"`) : null;
        if (!o) this.problem(m.value.range, `"${k}" needs {"target": "CHAIN"}`);
      }
      return [{ type: 'NftVerdict', verdict: k as NftVerdictKind, target, range }];
    }
    if (k === 'match') {
      if (!o) {
        this.problem(m.value.range, `"match" must be an object with "op", "left" and "right", found ${kindOf(m.value)}`);
        return [];
      }
      const opV = member(o, 'op');
      const left = member(o, 'left');
      const right = member(o, 'right');
      let op: NftMatchOp = '==';
      if (opV?.kind === 'string' && opV.value in MATCH_OPS) op = MATCH_OPS[opV.value]!;
      else this.problem(opV?.range ?? { start: o.range.start, end: o.range.start + 1 }, opV ? `unknown match operator ${opV.kind === 'string' ? `"${opV.value}"` : kindOf(opV)}: expected one of ${Object.keys(MATCH_OPS).slice(0, 7).join(', ')}` : '"match" needs "op" (it is mandatory in JSON)');
      if (!left || !right) {
        this.problem({ start: o.range.start, end: o.range.start + 1 }, '"match" needs "left" and "right"');
        return [];
      }
      return [{ type: 'NftMatch', left: this.expr(left), op, right: this.expr(right, true), range }];
    }
    if (k === 'mangle') {
      const key = o ? member(o, 'key') : undefined;
      const value = o ? member(o, 'value') : undefined;
      if (!key || !value) {
        this.problem(m.value.range, '"mangle" needs "key" and "value"');
        return [];
      }
      return [{ type: 'NftMangle', target: this.expr(key), value: this.expr(value), range }];
    }
    if (k === 'ct helper' || k === 'ct timeout' || k === 'ct expectation') {
      const key = k.slice(3);
      return [{ type: 'NftMangle', target: { type: 'NftCt', key, direction: null, protocol: null, range: { start: m.keyRange.start + 1, end: m.keyRange.end - 1 } }, value: this.expr(m.value), range }];
    }
    if (k === 'vmap') {
      const key = o ? member(o, 'key') : undefined;
      const data = o ? member(o, 'data') : undefined;
      if (!key || !data) {
        this.problem(m.value.range, '"vmap" needs "key" and "data"');
        return [];
      }
      return [{ type: 'NftVmap', key: this.expr(key), map: this.expr(data), range }];
    }
    if (NAT.has(k)) return [this.nat(k as NftNat['kind'], m.value, range)];
    if (k === 'set' || k === 'map') {
      // Dynamic set update: {"set": {"op": "add", "elem": EXPR, "set": "@name"}}.
      const setV = o ? member(o, 'set') : undefined;
      const opV = o ? member(o, 'op') : undefined;
      const elem = o ? member(o, 'elem') : undefined;
      const ref = setV?.kind === 'string' ? this.strName(setV) : null;
      const stmts = o ? member(o, 'stmt') : undefined;
      const st: NftOptionStatement = {
        type: 'NftStatement', keyword: 'set',
        options: opV?.kind === 'string' ? [{ key: opV.value, value: null, range: opV.range }] : [],
        ref: ref ? { text: ref.text.replace(/^@/, ''), range: ref.text.startsWith('@') ? { start: ref.range.start + 1, end: ref.range.end } : ref.range } : null,
        expr: elem ? this.expr(elem) : null,
        ...(stmts?.kind === 'array' ? { inner: stmts.items.flatMap((s) => this.statement(s)) } : {}),
        range,
      };
      if (!ref) this.problem(m.value.range, `"${k}" statement needs "set": "@NAME"`);
      return [st];
    }
    if (k === 'meter') {
      const nameV = o ? member(o, 'name') : undefined;
      const key = o ? member(o, 'key') : undefined;
      const stmt = o ? member(o, 'stmt') : undefined;
      return [{
        type: 'NftStatement', keyword: 'meter', options: [], ref: nameV?.kind === 'string' ? this.strName(nameV) : null,
        expr: key ? this.expr(key) : null, inner: stmt ? this.statement(stmt) : [], range,
      }];
    }
    if (k === 'ct count') return [this.optionStatement('ct count', m.value, range)];
    if (OPTION_STATEMENTS.has(k)) return [this.optionStatement(k as NftOptionStatement['keyword'], m.value, range)];
    this.problem(m.keyRange, `unknown statement "${k}": expected a verdict (accept, drop, jump …), match, mangle, counter, limit, log, reject, snat/dnat/masquerade/redirect, set, vmap …`);
    return [];
  }

  /** nft 1.0.6 prints statements it cannot express in JSON as nft text (`"jump { … }"`). */
  private textStatement(v: JsonString): NftStatement[] {
    const prefix = 'add rule ip t c ';
    const start = v.range.start + 1;
    const end = Math.max(start, v.range.end - 1);
    const r = parseNft(prefix + v.value, { mapOffset: (off) => Math.min(end, Math.max(start, start + off - prefix.length)) });
    const rule = r.ast.commands.find((c): c is NftRule => c.type === 'NftRule');
    // nft's own fallback text is not always valid nft (`[invalid type]`): skip what cannot be read.
    if (r.problems.length || !rule) return [];
    return [...rule.statements];
  }

  private nat(kind: NftNat['kind'], v: JsonValue, range: TextRange): NftNat {
    const o = v.kind === 'object' ? v : null;
    if (!o && v.kind !== 'null') this.problem(v.range, `"${kind}" must be an object or null, found ${kindOf(v)}`);
    const fam = o ? member(o, 'family') : undefined;
    const addr = o ? member(o, 'addr') : undefined;
    const port = o ? member(o, 'port') : undefined;
    return {
      type: 'NftNat', kind, family: fam?.kind === 'string' && (fam.value === 'ip' || fam.value === 'ip6') ? fam.value : null,
      address: addr ? this.expr(addr) : null, port: port ? this.expr(port) : null,
      flags: o ? this.strings(o, 'flags') : [], modifiers: o ? this.strings(o, 'type_flags') : [], range,
    };
  }

  private optionStatement(keyword: NftOptionStatement['keyword'], v: JsonValue, range: TextRange): NftOptionStatement {
    // Named object reference: {"counter": "name"}; anonymous: {"counter": {…}} or null.
    if (v.kind === 'string') return { type: 'NftStatement', keyword, options: [], ref: this.strName(v), expr: { type: 'NftString', value: v.value, quoted: true, range: v.range }, range };
    if (keyword === 'reset' && v.kind === 'object') return { type: 'NftStatement', keyword, options: [], ref: null, expr: this.expr(v), range };
    if (v.kind === 'object' && v.members.length === 1 && v.members[0]!.key === 'map') {
      return { type: 'NftStatement', keyword, options: [], ref: null, expr: this.expr(v), range };
    }
    const options: NftOption[] = v.kind === 'object'
      ? v.members.map((m) => ({ key: m.key, value: m.value.kind === 'null' ? null : this.expr(m.value), range: { start: m.keyRange.start, end: m.value.range.end } }))
      : [];
    if (v.kind !== 'object' && v.kind !== 'null') this.problem(v.range, `"${keyword}" must be an object, a name or null, found ${kindOf(v)}`);
    return { type: 'NftStatement', keyword, options, ref: null, expr: null, range };
  }

  // ---- expressions ----------------------------------------------------------------------------

  private symbol(name: string, range: TextRange): NftExpr {
    return { type: 'NftSymbol', name, range };
  }

  /** `rhs`: the right side of a match (an array there is a flag list). */
  expr(v: JsonValue, rhs = false): NftExpr {
    switch (v.kind) {
      case 'number':
        return { type: 'NftNumber', text: v.text, value: v.value, range: v.range };
      case 'boolean':
        return this.symbol(String(v.value), v.range);
      case 'null':
        return this.symbol('null', v.range);
      case 'string':
        return this.stringExpr(v);
      case 'array':
        return { type: 'NftList', items: v.items.map((x) => this.expr(x)), range: v.range };
      case 'object':
        return this.objectExpr(v, rhs);
    }
  }

  private stringExpr(v: JsonString): NftExpr {
    const s = v.value;
    const range = v.range;
    if (s.startsWith('@')) return { type: 'NftSetRef', name: s.slice(1), range: { start: range.start + 1, end: range.end - 1 } };
    if (s.startsWith('$')) return { type: 'NftVariable', name: s.slice(1), range: { start: range.start + 1, end: range.end - 1 } };
    if (IPV4.test(s)) return { type: 'NftAddress', family: 'ip', text: s, range };
    if (MAC.test(s)) return { type: 'NftAddress', family: 'ether', text: s, range };
    if (IPV6.test(s) && s.includes(':')) return { type: 'NftAddress', family: 'ip6', text: s, range };
    if (s.endsWith('*') && s.length > 1) return { type: 'NftWildcard', prefix: s.slice(0, -1), range };
    if (/^[A-Za-z][\w.-]*$/.test(s)) return this.symbol(s, range);
    return { type: 'NftString', value: s, quoted: true, range };
  }

  private objectExpr(v: JsonObject, rhs: boolean): NftExpr {
    void rhs;
    const range = v.range;
    if (v.members.length !== 1) {
      this.problem(range, `expected an expression object with one member, found ${v.members.length} members`);
      return this.symbol('?', range);
    }
    const { key: k, keyRange, value: x } = v.members[0]!;
    const o = x.kind === 'object' ? x : null;
    const arr = x.kind === 'array' ? (x as JsonArray) : null;
    const s = (key: string): string => (o ? (this.str(o, key) ?? '') : '');
    if (VERDICTS.has(k)) {
      const target = o ? member(o, 'target') : undefined;
      return { type: 'NftVerdictExpr', verdict: k as NftVerdictKind, target: target?.kind === 'string' ? target.value : null, range };
    }
    switch (k) {
      case 'payload':
        if (!o) break;
        if (member(o, 'base')) return { type: 'NftRawPayload', base: s('base'), offset: this.num(o, 'offset') ?? 0, length: this.num(o, 'len') ?? 0, range };
        return { type: 'NftPayload', protocol: s('protocol'), field: s('field'), inner: null, range };
      case 'meta':
        if (!o) break;
        return { type: 'NftMeta', key: s('key'), qualified: true, range };
      case 'ct': {
        if (!o) break;
        const dir = this.str(o, 'dir');
        return { type: 'NftCt', key: s('key'), direction: dir === 'original' || dir === 'reply' ? dir : null, protocol: this.str(o, 'family'), range };
      }
      case 'prefix': {
        if (!o) break;
        const addr = member(o, 'addr');
        return { type: 'NftPrefix', address: addr ? this.expr(addr) : this.symbol('?', range), length: this.num(o, 'len') ?? 0, range };
      }
      case 'range':
        if (arr && arr.items.length === 2) return { type: 'NftRange', low: this.expr(arr.items[0]!), high: this.expr(arr.items[1]!), range };
        break;
      case 'concat':
        if (arr) return { type: 'NftConcat', parts: arr.items.map((p) => this.expr(p)), range };
        break;
      case 'set':
        if (arr) return { type: 'NftSetExpr', elements: arr.items.map((e) => this.setElement(e, false)), range };
        if (x.kind === 'string' || x.kind === 'number' || x.kind === 'object') return { type: 'NftSetExpr', elements: [this.setElement(x, false)], range };
        break;
      case 'map': {
        if (!o) break;
        const key = member(o, 'key');
        const data = member(o, 'data');
        if (!key || !data) break;
        return { type: 'NftMapLookup', key: this.expr(key), map: this.expr(data), range };
      }
      case 'elem':
        return this.setElement(v, false);
      case 'exthdr':
      case 'tcp option':
      case 'ip option':
      case 'sctp chunk':
      case 'dccp option':
        if (!o) break;
        return { type: 'NftExthdr', header: k === 'exthdr' ? s('name') : k, name: s('name') || s('type'), field: this.str(o, 'field'), range };
      case 'fib':
        if (!o) break;
        return { type: 'NftSpecialExpr', kind: 'fib', words: [...this.strings(o, 'flags'), s('result')], operand: null, range };
      case 'rt':
      case 'socket':
      case 'osf':
      case 'numgen':
      case 'ipsec':
      case 'tunnel':
        return { type: 'NftSpecialExpr', kind: k, words: o ? this.words(o).map((w) => w.text) : [], operand: null, range };
      case 'jhash':
      case 'symhash': {
        const e = o ? member(o, 'expr') : undefined;
        return { type: 'NftSpecialExpr', kind: k, words: o ? o.members.filter((m) => m.key !== 'expr').flatMap((m) => [m.key, ...this.words(m.value).map((w) => w.text)]) : [], operand: e ? this.expr(e) : null, range };
      }
      default:
        if (BINOPS.has(k) && arr && arr.items.length === 2) {
          return { type: 'NftBinary', op: k as '&' | '|' | '^' | '<<' | '>>', left: this.expr(arr.items[0]!), right: this.expr(arr.items[1]!), range };
        }
        this.problem(keyRange, `unknown expression "${k}": expected payload, meta, ct, prefix, range, set, map, concat, a binary operator …`);
        return this.symbol(k, range);
    }
    this.problem(x.range, `malformed "${k}" expression: ${kindOf(x)} is not what nft writes here`);
    return this.symbol(k, range);
  }
}

