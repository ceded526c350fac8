// nft(8) top level: a ruleset is a sequence of commands (`add …`, `delete …`, or a bare object,
// which is an implicit `add`), `define`s and `include`s, separated by newlines or `;`.
import type { IToken } from 'chevrotain';
import type { NftCommand, NftFamily, NftGenericCommand, NftName, NftObjectKind, NftVerb } from '../ast.js';
import { COMMAND_OBJECTS, CT_OBJECT_KINDS, CT_OBJECT_PLURALS, FAMILIES, OBJECT_KINDS, VERBS } from '../keywords.js';
import { Cur, isTok } from '../tree.js';
import { buildChain } from './chains.js';
import { expectLineEnd, nameOf, parseDefine, parseFamily, parseHandle, parseInclude, parseName } from './common.js';
import { word } from './expressions.js';
import { buildRuleCommand } from './rules.js';
import { buildElementCommand, buildSet } from './sets-maps.js';
import { buildFlowtable, buildObject } from './stateful-objects.js';
import { buildTable } from './tables.js';

const ADDING = new Set<NftVerb>(['add', 'create', 'insert', 'replace']);

/** Names after an object keyword for non-adding verbs: `[family] TABLE [NAME | handle N]`. */
function specNames(cur: Cur, what: string, count: number, verb: NftVerb): { family: NftFamily; table: NftName | null; name: NftName | null } {
  const { family } = parseFamily(cur);
  const table = parseName(cur, 'table', what);
  let name: NftName | null = null;
  if (count > 1) {
    if (cur.is('handle') && (verb === 'delete' || verb === 'destroy')) return { family, table, name };
    name = parseName(cur, what, table.text);
  }
  return { family, table, name };
}

export function buildCommand(cur: Cur): NftCommand {
  const s = cur.i;
  const first = word(cur);
  if (first === 'define' || first === 'redefine' || first === 'undefine') return parseDefine(cur);
  if (first === 'include') return parseInclude(cur);
  let verb: NftVerb = 'add';
  const explicitVerb = first !== null && VERBS.has(first);
  if (explicitVerb) {
    verb = first as NftVerb;
    cur.next();
  }
  const obj = word(cur);
  if (obj === null || (!COMMAND_OBJECTS.has(obj) && !(explicitVerb && (FAMILIES.has(obj) || cur.tokName() === 'Word')))) {
    if (!explicitVerb) {
      return cur.fail(`unknown command ${cur.describe()}; expected a command such as \`table\`, \`add\`, \`delete\`, \`flush\`, \`define\` or \`include\``);
    }
    return cur.fail(`expected an object (table, chain, rule, set, map, element, …) after \`${verb}\`, found ${cur.describe()}`);
  }
  if (!COMMAND_OBJECTS.has(obj)) {
    if (!ADDING.has(verb)) cur.fail(`unknown object \`${obj}\` after \`${verb}\``);
    return buildRuleCommand(cur, verb, s);
  }
  const isAdd = ADDING.has(verb);
  switch (obj) {
    case 'table':
      cur.next();
      return buildTable(cur, verb, s);
    case 'chain': {
      cur.next();
      const { family, table, name } = specNames(cur, 'chain', 2, verb);
      return buildChain(cur, verb, s, family, table, name);
    }
    case 'rule':
      return buildRuleCommand(cur, verb, s);
    case 'set': case 'map': {
      cur.next();
      const { family, table, name } = specNames(cur, obj, 2, verb);
      return buildSet(cur, obj, verb, s, family, table, name, isAdd && verb !== 'insert');
    }
    case 'element': {
      cur.next();
      const { family, table, name } = specNames(cur, 'set', 2, verb);
      return buildElementCommand(cur, verb, s, family, table, name);
    }
    case 'flowtable': {
      cur.next();
      const { family, table, name } = specNames(cur, 'flowtable', 2, verb);
      return buildFlowtable(cur, verb, s, family, table, name, false);
    }
    case 'ct': {
      cur.next();
      const k = word(cur);
      if (k !== null && CT_OBJECT_KINDS.has(k)) {
        cur.next();
        const { family, table, name } = specNames(cur, `ct ${k}`, 2, verb);
        return buildObject(cur, `ct ${k}` as NftObjectKind, verb, s, family, table, name, false);
      }
      if (k !== null && CT_OBJECT_PLURALS.has(k) && !isAdd) return generic(cur, verb, `ct ${k}`, s, true);
      return cur.fail(`expected \`helper\`, \`timeout\` or \`expectation\` after \`ct\`, found ${cur.describe()}`);
    }
  }
  if (OBJECT_KINDS.has(obj)) {
    cur.next();
    if (!isAdd && (cur.is('table') || cur.atEnd() || (FAMILIES.has(cur.img()) && cur.peek(1) === undefined))) return generic(cur, verb, obj, s, false);
    const { family, table, name } = specNames(cur, obj, 2, verb);
    return buildObject(cur, obj as NftObjectKind, verb, s, family, table, name, false);
  }
  if (isAdd) cur.fail(`cannot \`${verb}\` \`${obj}\`; expected table, chain, rule, set, map, element, flowtable or an object`);
  return generic(cur, verb, obj, s, false);
}

function generic(cur: Cur, verb: NftVerb, object: string, s: number, consumedObject: boolean): NftGenericCommand {
  if (!consumedObject) cur.next();
  let family: NftFamily | null = null;
  const args: NftName[] = [];
  while (!cur.atEnd()) {
    const it = cur.next();
    if (!isTok(it)) cur.fail('unexpected `{` in command');
    const t = it as IToken;
    if (family === null && args.length === 0 && FAMILIES.has(t.image)) family = t.image as NftFamily;
    else args.push(nameOf(cur, t));
  }
  void parseHandle;
  expectLineEnd(cur);
  return { type: 'NftGenericCommand', verb, object, family, args, range: cur.rangeFrom(s) };
}
