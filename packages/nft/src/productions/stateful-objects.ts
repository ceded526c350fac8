// nft(8) STATEFUL OBJECTS (counter, quota, limit, ct helper/timeout/expectation, secmark,
// synproxy) and FLOWTABLES. Object blocks do not need separators between items.
import type { IToken } from 'chevrotain';
import type { NftDefine, NftExpr, NftFamily, NftFlowtable, NftName, NftObject, NftObjectKind, NftPriority, NftVerb } from '../ast.js';
import { HOOKS } from '../keywords.js';
import { Cur, isBlock, isTok, type TBlock } from '../tree.js';
import { eachBlockLine, expectLineEnd, nameOf, parseComment, parseDefine, parseHandle, parseInclude, parsePriority } from './common.js';
import { parseElements, parseValue, word } from './expressions.js';

const BLOCK_COMMANDS: ReadonlySet<string> = new Set(['define', 'redefine', 'undefine', 'include']);
const NUMERIC_KEYS = new Set(['mss', 'wscale', 'packets', 'bytes', 'dport', 'size']);

/** Keys each object block accepts (first word of an item). */
const OBJECT_KEYS: Record<NftObjectKind, readonly string[]> = {
  counter: ['packets', 'bytes'],
  quota: ['over', 'until', 'used'],
  limit: ['rate'],
  'ct helper': ['type', 'l3proto'],
  'ct timeout': ['protocol', 'l3proto', 'policy'],
  'ct expectation': ['protocol', 'l3proto', 'dport', 'timeout', 'size'],
  secmark: [],
  synproxy: ['mss', 'wscale', 'timestamp', 'sack-perm'],
  tunnel: ['id', 'ip', 'ip6', 'sport', 'dport', 'tos', 'ttl', 'geneve', 'vxlan', 'erspan', 'flags'],
};

export function buildObject(cur: Cur, kind: NftObjectKind, verb: NftVerb, startIdx: number, family: NftFamily, table: NftName | null, name: NftName | null, blockRequired: boolean): NftObject {
  const handle = parseHandle(cur);
  void handle;
  const properties: { key: string; words: NftName[]; range: NftName['range'] }[] = [];
  let comment: string | null = null;
  let defines: NftDefine[] | undefined;
  let hasBlock = false;
  const lines: string[] = [];
  if (isBlock(cur.peek())) {
    const b = cur.next() as TBlock;
    hasBlock = true;
    // nft's ct helper/timeout/expectation blocks end every item with a separator, the last one too;
    // counter, quota, limit and synproxy blocks do not need one
    eachBlockLine(cur.ctx, b, kind.startsWith('ct '), (lc: Cur, line) => {
      // `define`/`include` lines are not part of the object (nft lists none of them)
      if (!BLOCK_COMMANDS.has(lc.img())) lines.push(cur.ctx.text.slice(line.start, line.end) + (line.terminator === 'semi' ? ';' : ''));
      while (!lc.atEnd()) {
        const s = lc.i;
        const w = lc.img();
        if (w === 'comment') {
          comment = parseComment(lc);
          continue;
        }
        if (w === 'define' || w === 'redefine' || w === 'undefine') {
          (defines ??= []).push(parseDefine(lc));
          return;
        }
        if (w === 'include') {
          parseInclude(lc);
          return;
        }
        const first = lc.peek();
        const known = OBJECT_KEYS[kind];
        const isValueStart = isTok(first) && ['Number', 'QuotedString', 'Variable'].includes(first.tokenType.name);
        if (!known.includes(w) && !isValueStart) lc.fail(`unexpected ${lc.describe()} in ${kind} \`${name?.text ?? ''}\`${known.length ? `; expected ${known.join(', ')}` : ''}`);
        const words: NftName[] = [];
        // Read a property up to the next known key.
        lc.next();
        if (isValueStart) words.push(nameOf(lc, first as IToken));
        while (!lc.atEnd() && !known.includes(lc.img()) && lc.img() !== 'comment') {
          const it = lc.next();
          if (isBlock(it)) {
            words.push({ text: lc.ctx.text.slice(it.start, it.end), range: lc.ctx.range(it.start, it.end) });
          } else words.push(nameOf(lc, it));
        }
        if (NUMERIC_KEYS.has(w) && !/^(\d+|0x[0-9a-fA-F]+)$/.test(words[0]?.text ?? '')) {
          lc.ctx.error(words[0]?.range ?? lc.rangeFrom(s), `expected a number after \`${w}\`, found ${words[0] ? `\`${words[0].text}\`` : 'nothing'}`);
        }
        properties.push({ key: isValueStart ? '' : w, words, range: lc.rangeFrom(s) });
      }
    });
  } else if (blockRequired) cur.fail(`expected \`{\` after the ${kind} name, found ${cur.describe()}`);
  expectLineEnd(cur);
  return { type: 'NftObject', kind, verb, family, table, name, hasBlock, properties, comment, lines, range: cur.rangeFrom(startIdx), ...(defines ? { defines } : {}) };
}

export function buildFlowtable(cur: Cur, verb: NftVerb, startIdx: number, family: NftFamily, table: NftName | null, name: NftName | null, blockRequired: boolean): NftFlowtable {
  parseHandle(cur);
  let hook: NftName | null = null;
  let priority: NftPriority | null = null;
  const devices: NftExpr[] = [];
  const flags: string[] = [];
  let counter = false;
  let defines: NftDefine[] | undefined;
  let hasBlock = false;
  if (isBlock(cur.peek())) {
    const b = cur.next() as TBlock;
    hasBlock = true;
    eachBlockLine(cur.ctx, b, true, (lc: Cur) => {
      const w = word(lc);
      switch (w) {
        case 'hook': {
          lc.next();
          const h = lc.peek();
          if (!isTok(h) || !HOOKS.has(h.image)) lc.fail(`expected a hook name after \`hook\`, found ${lc.describe()}`);
          lc.next();
          hook = nameOf(lc, h);
          if (!lc.accept('priority')) lc.fail(`expected \`priority\` after \`hook ${h.image}\`, found ${lc.describe()}`);
          // nft evaluates a flowtable's priority as netdev in every family (`filter` is 0, also in bridge).
          priority = parsePriority(lc, 'netdev');
          break;
        }
        case 'devices': {
          lc.next();
          if (!lc.accept('=')) lc.fail('expected `=` after `devices`');
          const db = lc.peek();
          if (isBlock(db)) {
            lc.next();
            for (const e of parseElements(lc, db, { selectors: false })) devices.push(e.key);
          } else devices.push(parseValue(lc, { list: false }));
          break;
        }
        case 'flags':
          lc.next();
          do {
            const f = word(lc);
            if (f === null) lc.fail(`expected a flowtable flag after \`flags\`, found ${lc.describe()}`);
            lc.next();
            flags.push(f);
          } while (lc.accept(','));
          break;
        case 'counter':
          lc.next();
          counter = true;
          break;
        case 'define': case 'redefine': case 'undefine':
          (defines ??= []).push(parseDefine(lc));
          return;
        default:
          lc.fail(`unexpected ${lc.describe()} in flowtable block; expected hook, devices, flags or counter`);
      }
      expectLineEnd(lc);
    });
    if (!hook && (verb === 'add' || verb === 'create')) cur.ctx.error(cur.ctx.range(b.start, b.open.startOffset + 1), 'flowtable needs `hook ingress priority N;`');
  } else if (blockRequired) cur.fail(`expected \`{\` after the flowtable name, found ${cur.describe()}`);
  expectLineEnd(cur);
  return { type: 'NftFlowtable', verb, family, table, name, hasBlock, hook, priority, devices, flags, counter, range: cur.rangeFrom(startIdx), ...(defines ? { defines } : {}) };
}
