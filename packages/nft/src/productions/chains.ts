// nft(8) CHAINS: `chain NAME { type T hook H [device D] priority P; policy P; … rules }` and the
// command form `add|create|delete|… chain [family] TABLE NAME [{ … }]`.
import type { IToken } from 'chevrotain';
import type { NftExpr, NftChain, NftChainHook, NftDefine, NftFamily, NftName, NftRule, NftVerb } from '../ast.js';
import { CHAIN_TYPES, HOOKS } from '../keywords.js';
import { Cur, Ctx, isBlock, isTok, type TBlock } from '../tree.js';
import { eachBlockLine, expectLineEnd, nameOf, parseComment, parseDefine, parseHandle, parseInclude, parsePriority } from './common.js';
import { parseElements, parseValue, word } from './expressions.js';
import { buildRuleLine } from './rules.js';

export interface ChainBody {
  hook: NftChainHook | null;
  policy: NftName | null;
  devices: NftName[];
  comment: string | null;
  flags: string[];
  rules: NftRule[];
  /** `define`/`redefine`/`undefine` lines, in order; made on the first one. */
  defines?: NftDefine[];
}

/** Device name of a value: string contents, word, `$var`, or `prefix*`. */
function exprName(cur: Cur, e: NftExpr): string {
  switch (e.type) {
    case 'NftString': return e.value;
    case 'NftSymbol': return e.name;
    case 'NftVariable': return `$${e.name}`;
    case 'NftWildcard': return `${e.prefix}*`;
    default: return cur.ctx.text.slice(e.range.start, e.range.end);
  }
}

function parseHookSpec(cur: Cur, family: NftFamily): NftChainHook {
  const s = cur.i;
  cur.next(); // type
  const tt = cur.peek();
  if (!isTok(tt) || !(tt.tokenType.name === 'Word' || tt.tokenType.name.startsWith('Kw_'))) return cur.fail(`expected a chain type (filter, nat, route) after \`type\`, found ${cur.describe()}`);
  if (!CHAIN_TYPES.has(tt.image)) cur.fail(`unknown chain type \`${tt.image}\`; expected filter, nat or route`);
  cur.next();
  if (!cur.accept('hook')) cur.fail(`expected \`hook\` after \`type ${tt.image}\`, found ${cur.describe()}`);
  const ht = cur.peek();
  if (!isTok(ht) || !(ht.tokenType.name === 'Word' || ht.tokenType.name.startsWith('Kw_'))) return cur.fail(`expected a hook name after \`hook\`, found ${cur.describe()}`);
  if (!HOOKS.has(ht.image)) cur.fail(`unknown chain hook \`${ht.image}\`; expected one of ${[...HOOKS].join(', ')}`);
  cur.next();
  let device: NftName | null = null;
  const devices: NftName[] = [];
  if (cur.is('devices')) {
    // `devices = { a, b }` (nft >= 1.0.7) or `devices = $var`
    cur.next();
    if (!cur.accept('=')) cur.fail('expected `=` after `devices`');
    const v = isBlock(cur.peek()) ? parseElements(cur, cur.next() as TBlock, { selectors: false }).map((e) => e.key) : [parseValue(cur, { list: false })];
    for (const k of v) devices.push({ text: exprName(cur, k), range: k.range });
  } else if (cur.is('device')) {
    cur.next();
    const d = cur.peek();
    if (!isTok(d) || !['QuotedString', 'Word', 'Variable'].includes(d.tokenType.name)) cur.fail(`expected a device name after \`device\`, found ${cur.describe()}`);
    cur.next();
    device = { text: d.image.replace(/^"|"$/g, ''), range: cur.ctx.itemRange(d) };
  }
  if (!cur.accept('priority')) cur.fail(`expected \`priority\` after \`hook ${ht.image}\`, found ${cur.describe()}`);
  const priority = parsePriority(cur, family);
  return { type: 'NftChainHook', chainType: nameOf(cur, tt), hook: nameOf(cur, ht), device, devices, priority, range: cur.rangeFrom(s) };
}

/** Parses the lines of a chain block. */
export function buildChainBody(ctx: Ctx, b: TBlock, family: NftFamily, table: NftName | null, chain: NftName | null): ChainBody {
  const body: ChainBody = { hook: null, policy: null, devices: [], comment: null, flags: [], rules: [] };
  ctx.openScope();
  try {
    eachBlockLine(ctx, b, true, (cur: Cur) => {
      const w = word(cur);
      switch (w) {
        case 'type':
          body.hook = parseHookSpec(cur, family);
          break;
        case 'policy': {
          cur.next();
          const p = cur.peek();
          if (!isTok(p) || !(p.image === 'accept' || p.image === 'drop' || p.tokenType.name === 'Variable')) {
            cur.fail(`invalid chain policy ${cur.describe()}: expected \`accept\` or \`drop\``);
          }
          cur.next();
          body.policy = nameOf(cur, p);
          break;
        }
        case 'comment': {
          body.comment = parseComment(cur);
          break;
        }
        case 'devices':
        case 'device': {
          cur.next();
          if (w === 'devices' && !cur.accept('=')) cur.fail('expected `=` after `devices`');
          if (isBlock(cur.peek())) {
            const bb = cur.next() as TBlock;
            for (const el of parseElements(cur, bb, { selectors: false })) {
              const k = el.key;
              body.devices.push({ text: exprName(cur, k), range: k.range });
            }
          } else {
            const v = parseValue(cur, { list: false });
            body.devices.push({ text: exprName(cur, v), range: v.range });
          }
          break;
        }
        case 'flags': {
          cur.next();
          do {
            const f = word(cur);
            if (f === null) cur.fail(`expected a chain flag after \`flags\`, found ${cur.describe()}`);
            cur.next();
            body.flags.push(f);
          } while (cur.accept(','));
          break;
        }
        case 'define': case 'redefine': case 'undefine':
          (body.defines ??= []).push(parseDefine(cur));
          return;
        case 'include':
          parseInclude(cur);
          return;
        default:
          body.rules.push(buildRuleLine(cur, family, table, chain));
          return;
      }
      expectLineEnd(cur);
    });
  } finally {
    ctx.closeScope();
  }
  if (body.devices.length > 0 && !body.hook) {
    ctx.error(ctx.range(b.start, b.open.startOffset + 1), '`devices` needs a base chain: add `type filter hook ingress … priority …;`');
  }
  return body;
}

/** `chain [family] TABLE NAME [{…}]` (command form) or `chain NAME {…}` (table block). */
export function buildChain(cur: Cur, verb: NftVerb, startIdx: number, family: NftFamily, table: NftName | null, name: NftName | null, blockRequired = false): NftChain {
  const handle = parseHandle(cur);
  let body: ChainBody = { hook: null, policy: null, devices: [], comment: null, flags: [], rules: [] };
  let hasBlock = false;
  let newName: NftName | undefined;
  if (verb === 'rename') {
    const t = cur.peek();
    if (!isTok(t) || t.tokenType.name !== 'Word') cur.fail(`expected the new chain name, found ${cur.describe()}`);
    cur.next();
    newName = nameOf(cur, t as IToken);
  }
  if (isBlock(cur.peek())) {
    if (verb !== 'add' && verb !== 'create') cur.fail(`\`${verb} chain\` does not take a \`{ … }\` block`);
    const b = cur.next() as TBlock;
    hasBlock = true;
    body = buildChainBody(cur.ctx, b, family, table, name);
  } else if (blockRequired) {
    cur.fail(`expected \`{\` after the chain name, found ${cur.describe()}`);
  }
  expectLineEnd(cur);
  const chain: NftChain = {
    type: 'NftChain', verb, family, table, name, hasBlock, hook: body.hook, policy: body.policy, devices: body.devices,
    comment: body.comment, flags: body.flags, rules: body.rules, range: cur.rangeFrom(startIdx),
    ...(handle !== undefined ? { handle } : {}), ...(newName ? { newName } : {}), ...(body.defines ? { defines: body.defines } : {}),
  };
  return chain;
}
