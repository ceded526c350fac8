// nft(8) TABLES: `table [family] NAME { chain …; set …; flags …; comment …; }` and the command
// forms `add|create|delete|destroy|list|flush table [family] NAME|handle N`.
import type { NftChain, NftDefine, NftFamily, NftFlowtable, NftInclude, NftName, NftObject, NftObjectKind, NftSet, NftTable, NftVerb } from '../ast.js';
import { Cur, isBlock, isTok, type TBlock } from '../tree.js';
import { buildChain } from './chains.js';
import { eachBlockLine, expectLineEnd, parseComment, parseDefine, parseFamily, parseHandle, parseInclude, parseName } from './common.js';
import { word } from './expressions.js';
import { buildSet } from './sets-maps.js';
import { buildFlowtable, buildObject } from './stateful-objects.js';

type TableItem = NftChain | NftSet | NftFlowtable | NftObject | NftDefine | NftInclude;

const OBJECTS = new Set(['counter', 'quota', 'limit', 'secmark', 'synproxy', 'tunnel']);

function tableItem(cur: Cur, family: NftFamily, table: NftName | null): TableItem | null {
  const s = cur.i;
  const w = word(cur);
  switch (w) {
    case 'chain': {
      cur.next();
      const name = parseName(cur, 'chain', 'chain');
      return buildChain(cur, 'add', s, family, table, name, true);
    }
    case 'set': case 'map': {
      cur.next();
      const name = parseName(cur, w, w);
      return buildSet(cur, w, 'add', s, family, table, name, true);
    }
    case 'flowtable': {
      cur.next();
      const name = parseName(cur, 'flowtable', 'flowtable');
      return buildFlowtable(cur, 'add', s, family, table, name, true);
    }
    case 'ct': {
      cur.next();
      const k = word(cur);
      if (k !== 'helper' && k !== 'timeout' && k !== 'expectation') return cur.fail(`expected \`helper\`, \`timeout\` or \`expectation\` after \`ct\`, found ${cur.describe()}`);
      cur.next();
      const name = parseName(cur, `ct ${k}`, k);
      return buildObject(cur, `ct ${k}` as NftObjectKind, 'add', s, family, table, name, true);
    }
    case 'define': case 'redefine': case 'undefine':
      return parseDefine(cur);
    case 'include':
      return parseInclude(cur);
  }
  if (w !== null && OBJECTS.has(w)) {
    cur.next();
    const name = parseName(cur, w, w);
    return buildObject(cur, w as NftObjectKind, 'add', s, family, table, name, true);
  }
  return cur.fail(`unexpected ${cur.describe()} in table block; expected chain, set, map, flowtable, counter, quota, limit, ct, secmark, synproxy, flags or comment`);
}

/** After `table`: `[family] NAME [handle N] [{ … }]`. */
export function buildTable(cur: Cur, verb: NftVerb, startIdx: number): NftTable {
  const { family, explicit } = parseFamily(cur);
  let name: NftName | null = null;
  let handle: number | undefined;
  if (cur.is('handle') && (verb === 'delete' || verb === 'destroy')) handle = parseHandle(cur);
  else {
    const t = cur.peek();
    if (!explicit && isTok(t) && t.tokenType.name === 'Word' && isTok(cur.peek(1)) && (cur.peek(1) as { tokenType: { name: string } }).tokenType.name === 'Word') {
      cur.fail(`unknown family \`${t.image}\`; expected ip, ip6, inet, arp, bridge or netdev`);
    }
    name = parseName(cur, 'table', explicit ? family : 'table');
  }
  const items: TableItem[] = [];
  const flags: string[] = [];
  let comment: string | null = null;
  let hasBlock = false;
  if (isBlock(cur.peek())) {
    if (verb !== 'add' && verb !== 'create') cur.fail(`\`${verb} table\` does not take a \`{ … }\` block`);
    const b = cur.next() as TBlock;
    hasBlock = true;
    cur.ctx.openScope();
    try {
      eachBlockLine(cur.ctx, b, true, (lc: Cur) => {
        if (lc.is('flags')) {
          lc.next();
          do {
            const f = word(lc);
            if (f === null) lc.fail(`expected a table flag (dormant, owner, persist) after \`flags\`, found ${lc.describe()}`);
            lc.next();
            flags.push(f);
          } while (lc.accept(','));
          expectLineEnd(lc);
          return;
        }
        if (lc.is('comment')) {
          comment = parseComment(lc);
          expectLineEnd(lc);
          return;
        }
        const it = tableItem(lc, family, name);
        if (it) items.push(it);
      });
    } finally {
      cur.ctx.closeScope();
    }
  }
  expectLineEnd(cur);
  return {
    type: 'NftTable', verb, family, familyExplicit: explicit, name, hasBlock, flags, comment, items,
    chains: items.filter((i): i is NftChain => i.type === 'NftChain'),
    sets: items.filter((i): i is NftSet => i.type === 'NftSet'),
    flowtables: items.filter((i): i is NftFlowtable => i.type === 'NftFlowtable'),
    objects: items.filter((i): i is NftObject => i.type === 'NftObject'),
    defines: items.filter((i): i is NftDefine => i.type === 'NftDefine'),
    range: cur.rangeFrom(startIdx),
    ...(handle !== undefined ? { handle } : {}),
  };
}
