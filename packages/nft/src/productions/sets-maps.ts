// nft(8) SETS, MAPS and ELEMENTS: `set NAME { type …; flags …; elements = { … } }`, `map NAME
// { type K : V; … }`, and `add|delete|get|reset element [family] TABLE SET { … }`.
import type { IToken } from 'chevrotain';
import type { NftDefine, NftElementCommand, NftExpr, NftFamily, NftName, NftSet, NftSetElement, NftStatement, NftVerb } from '../ast.js';
import { Cur, Ctx, isBlock, isTok, type TBlock } from '../tree.js';
import { LAST_WITHOUT_SEPARATOR, eachBlockLine, expectLineEnd, nameOf, parseComment, parseDefine, parseHandle, parseInclude } from './common.js';
import { isSelectorStart, parseElements, parseLhs, parseValuePrimary, word } from './expressions.js';
import { parseStatements } from './statements.js';

interface SetBody {
  keyType: NftName[];
  dataType: NftName[];
  dataInterval: boolean;
  typeofKey: NftExpr[];
  typeofData: NftExpr[];
  flags: string[];
  timeout: string | null;
  gcInterval: string | null;
  size: number | null;
  count?: number;
  policy: string | null;
  autoMerge: boolean;
  elements: NftSetElement[] | null;
  stateful: NftStatement[];
  comment: string | null;
  defines?: NftDefine[];
}

function typeWords(cur: Cur, after: string): NftName[] {
  const out: NftName[] = [];
  for (;;) {
    const t = cur.peek();
    if (!isTok(t) || !(t.tokenType.name === 'Word' || t.tokenType.name.startsWith('Kw_'))) {
      return cur.fail(`expected a data type after \`${after}\`, found ${cur.describe()}`);
    }
    cur.next();
    // `ct helper` (object map data) is two words
    if (t.image === 'ct' && word(cur) !== null) {
      const u = cur.next() as IToken;
      out.push({ text: `ct ${u.image}`, range: cur.ctx.spanRange(t, u) });
    } else out.push(nameOf(cur, t));
    if (!cur.accept('.')) return out;
    after = '.';
  }
}

function typeofExprs(cur: Cur): NftExpr[] {
  const out: NftExpr[] = [];
  for (;;) {
    if (!isSelectorStart(cur)) return cur.fail(`expected an expression after \`typeof\`, found ${cur.describe()}`);
    out.push(parseLhs(cur, false));
    if (!cur.accept('.')) return out;
  }
}

function buildSetBody(ctx: Ctx, b: TBlock, kind: 'set' | 'map'): SetBody {
  const body: SetBody = {
    keyType: [], dataType: [], dataInterval: false, typeofKey: [], typeofData: [], flags: [], timeout: null, gcInterval: null,
    size: null, policy: null, autoMerge: false, elements: null, stateful: [], comment: null,
  };
  eachBlockLine(ctx, b, true, (cur: Cur, line) => {
    const w = word(cur);
    switch (w) {
      case 'type':
        cur.next();
        body.keyType = typeWords(cur, 'type');
        if (cur.accept(':')) {
          if (kind === 'set') cur.fail('a set has no data type: use `map` for `type KEY : VALUE`');
          if (cur.accept('interval')) body.dataInterval = true;
          body.dataType = typeWords(cur, ':');
        } else if (kind === 'map') cur.fail(`expected \`: DATA_TYPE\` in a map type, found ${cur.describe()}`);
        break;
      case 'typeof':
        cur.next();
        body.typeofKey = typeofExprs(cur);
        if (cur.accept(':')) {
          if (cur.accept('interval')) body.dataInterval = true;
          if (isSelectorStart(cur)) body.typeofData = typeofExprs(cur);
          else body.dataType = typeWords(cur, ':');
        }
        break;
      case 'flags':
        cur.next();
        do {
          const f = word(cur);
          if (f === null || !['constant', 'dynamic', 'interval', 'timeout', 'eval'].includes(f)) cur.fail(`unknown set flag ${cur.describe()}; expected constant, dynamic, interval or timeout`);
          cur.next();
          body.flags.push(f);
        } while (cur.accept(','));
        break;
      case 'timeout': case 'gc-interval': {
        cur.next();
        const t = cur.peek();
        if (!isTok(t) || !['TimeString', 'Number', 'Variable'].includes(t.tokenType.name)) cur.fail(`expected a time after \`${w}\`, found ${cur.describe()}`);
        cur.next();
        if (w === 'timeout') body.timeout = t.image;
        else body.gcInterval = t.image;
        break;
      }
      case 'size': {
        cur.next();
        const t = cur.peek();
        if (!isTok(t) || t.tokenType.name !== 'Number') cur.fail(`expected a number after \`size\`, found ${cur.describe()}`);
        cur.next();
        body.size = Number(t.image);
        const m = /^[ \t]*# count (\d+)/.exec(ctx.text.slice(line.end, line.end + 40));
        if (m) body.count = Number(m[1]);
        break;
      }
      case 'policy': {
        cur.next();
        const p = word(cur);
        if (p !== 'performance' && p !== 'memory') cur.fail(`expected \`performance\` or \`memory\` after \`policy\`, found ${cur.describe()}`);
        cur.next();
        body.policy = p;
        break;
      }
      case 'auto-merge':
        cur.next();
        body.autoMerge = true;
        expectLineEnd(cur);
        // nft's set_block: `elements = …` and `auto-merge` are the items a `}` may follow directly
        return LAST_WITHOUT_SEPARATOR;
      case 'comment': {
        body.comment = parseComment(cur);
        break;
      }
      case 'elements': {
        cur.next();
        if (!cur.accept('=')) cur.fail(`expected \`=\` after \`elements\`, found ${cur.describe()}`);
        const eb = cur.peek();
        if (isBlock(eb)) {
          cur.next();
          body.elements = parseElements(cur, eb, { selectors: false });
        } else if (cur.tokName() === 'Variable') {
          const v = parseValuePrimary(cur, {});
          body.elements = [{ type: 'NftSetElement', key: v, value: null, options: [], breakBefore: false, range: v.range }];
        } else cur.fail(`expected \`{\` after \`elements =\`, found ${cur.describe()}`);
        expectLineEnd(cur);
        return LAST_WITHOUT_SEPARATOR;
      }
      case 'counter': case 'quota': case 'limit': case 'last': case 'ct':
        body.stateful.push(...parseStatements(cur).statements);
        break;
      case 'define': case 'redefine': case 'undefine':
        (body.defines ??= []).push(parseDefine(cur));
        return;
      case 'include':
        parseInclude(cur);
        return;
      default:
        cur.fail(`unexpected ${cur.describe()} in ${kind} block; expected type, typeof, flags, timeout, size, policy, elements, comment`);
    }
    expectLineEnd(cur);
  });
  return body;
}

export function buildSet(cur: Cur, kind: 'set' | 'map', verb: NftVerb, startIdx: number, family: NftFamily, table: NftName | null, name: NftName | null, blockRequired: boolean): NftSet {
  const handle = parseHandle(cur);
  let body: SetBody | null = null;
  if (isBlock(cur.peek())) {
    const b = cur.next() as TBlock;
    body = buildSetBody(cur.ctx, b, kind);
    if (body.keyType.length === 0 && body.typeofKey.length === 0) {
      cur.ctx.error(cur.ctx.range(b.start, b.end), `${kind} \`${name?.text ?? ''}\` has no \`type\` or \`typeof\`: add one`);
    }
  } else if (blockRequired) cur.fail(`expected \`{\` after the ${kind} name, found ${cur.describe()}`);
  expectLineEnd(cur);
  const e = body ?? {
    keyType: [], dataType: [], dataInterval: false, typeofKey: [], typeofData: [], flags: [], timeout: null, gcInterval: null,
    size: null, policy: null, autoMerge: false, elements: null, stateful: [], comment: null,
  };
  return {
    type: 'NftSet', kind, verb, family, table, name, hasBlock: body !== null, ...e, range: cur.rangeFrom(startIdx),
    ...(handle !== undefined ? { handle } : {}),
  };
}

export function buildElementCommand(cur: Cur, verb: NftVerb, startIdx: number, family: NftFamily, table: NftName | null, set: NftName | null): NftElementCommand {
  const b = cur.peek();
  if (!isBlock(b)) return cur.fail(`expected \`{ ELEMENTS }\` after the set name, found ${cur.describe()}`);
  cur.next();
  const elements = parseElements(cur, b, { selectors: false });
  expectLineEnd(cur);
  return { type: 'NftElementCommand', verb, family, table, set, elements, range: cur.rangeFrom(startIdx) };
}
