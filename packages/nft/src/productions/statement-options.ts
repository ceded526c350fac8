// nft(8) STATEMENTS with options: counter, limit, quota, log, reject, NAT (snat, dnat, masquerade,
// redirect), tproxy, queue, dup, fwd, synproxy, meter and set/map element statements.
import type { IToken } from 'chevrotain';
import type { NftExpr, NftNat, NftOption, NftOptionStatement, NftStatement } from '../ast.js';
import { BYTE_UNITS, LOG_LEVELS, NAT_FLAGS, STATEMENT_KEYWORDS, TIME_UNITS, VERDICTS } from '../keywords.js';
import { Cur, exact, isBlock, isTok, type TBlock } from '../tree.js';
import { isSelectorStart, parseElements, parseValue, parseValuePrimary, word } from './expressions.js';

export const STMT_VALUE = { selectors: true, sets: false, list: true, map: true } as const;

export function expectNum(cur: Cur, after: string): NftExpr {
  const it = cur.peek();
  if (!isTok(it) || (it.tokenType.name !== 'Number' && it.tokenType.name !== 'Variable')) {
    cur.fail(`expected a number after \`${after}\`, found ${cur.describe()}`);
  }
  return parseValuePrimary(cur, {});
}

export function opt(cur: Cur, startIdx: number, key: string, value: NftExpr | null): NftOption {
  return { key, value, range: cur.rangeFrom(startIdx) };
}

export function sym(cur: Cur, startIdx: number, name: string): NftExpr {
  return { type: 'NftSymbol', name, range: cur.rangeFrom(startIdx) };
}

/** Whether the item at the cursor may start a new statement (ends an option list). */
export function atStatementStart(cur: Cur): boolean {
  const w = word(cur);
  if (w === null) return isSelectorStart(cur);
  return VERDICTS.has(w) || STATEMENT_KEYWORDS.has(w) || isSelectorStart(cur);
}

export function optionStmt(cur: Cur, s: number, keyword: NftOptionStatement['keyword'], options: NftOption[], ref: NftExpr | null = null, expr: NftExpr | null = null): NftOptionStatement {
  const refName = ref ? { text: exprText(cur, ref), range: ref.range } : null;
  return { type: 'NftStatement', keyword, options: exact(options), ref: refName, expr, range: cur.rangeFrom(s) };
}

export function exprText(cur: Cur, e: NftExpr): string {
  if (e.type === 'NftString') return e.value;
  if (e.type === 'NftSymbol') return e.name;
  if (e.type === 'NftSetRef') return e.name;
  if (e.type === 'NftVariable') return `$${e.name}`;
  void cur;
  return '';
}

export function parseCounter(cur: Cur): NftStatement {
  const s = cur.i;
  cur.next();
  if (cur.accept('name')) {
    if (cur.atEnd()) cur.fail('expected a counter name after `counter name`');
    const v = parseValue(cur, STMT_VALUE);
    return optionStmt(cur, s, 'counter', [], v, v);
  }
  const options: NftOption[] = [];
  while (cur.is('packets') || cur.is('bytes')) {
    const os = cur.i;
    const k = (cur.next() as IToken).image;
    options.push(opt(cur, os, k, expectNum(cur, k)));
  }
  return optionStmt(cur, s, 'counter', options);
}

export function parseLimit(cur: Cur): NftStatement {
  const s = cur.i;
  cur.next();
  if (cur.accept('name')) {
    const v = parseValue(cur, STMT_VALUE);
    return optionStmt(cur, s, 'limit', [], v, v);
  }
  if (!cur.accept('rate')) cur.fail(`expected \`rate\` after \`limit\`, found ${cur.describe()}`);
  const options: NftOption[] = [];
  const ms = cur.i;
  if (cur.is('over') || cur.is('until')) options.push(opt(cur, ms, (cur.next() as IToken).image, null));
  const rs = cur.i;
  const rate = expectNum(cur, 'limit rate');
  let bytes = false;
  let unit = '';
  const w = word(cur);
  if (cur.is('/')) {
    cur.next();
    const u = word(cur);
    if (u === null || !TIME_UNITS.has(u)) cur.fail(`expected a time unit (second, minute, hour, day, week) after \`/\`, found ${cur.describe()}`);
    cur.next();
    unit = `/${u}`;
  } else if (w !== null && /^(bytes|kbytes|mbytes)\/(second|minute|hour|day|week)$/.test(w)) {
    cur.next();
    bytes = true;
    unit = w;
  } else if (w !== null && /^(bytes|kbytes|mbytes)\/$/.test(w)) {
    // `1025bytes/ second`
    cur.next();
    const u = word(cur);
    if (u === null || !TIME_UNITS.has(u)) cur.fail(`expected a time unit after \`${w}\`, found ${cur.describe()}`);
    cur.next();
    bytes = true;
    unit = `${w}${u}`;
  } else if (w !== null && BYTE_UNITS.has(w)) {
    cur.next();
    if (!cur.accept('/')) cur.fail(`expected \`/\` and a time unit after \`${w}\`, found ${cur.describe()}`);
    const u = word(cur);
    if (u === null || !TIME_UNITS.has(u)) cur.fail(`expected a time unit after \`${w}/\`, found ${cur.describe()}`);
    cur.next();
    bytes = true;
    unit = `${w}/${u}`;
  } else cur.fail(`expected a rate unit such as \`/second\` or \`kbytes/second\` after the rate, found ${cur.describe()}`);
  options.push(opt(cur, rs, 'rate', { type: 'NftList', items: [rate, sym(cur, rs + 1, unit)], range: cur.rangeFrom(rs) }));
  if (cur.is('burst')) {
    const bs = cur.i;
    cur.next();
    const n = expectNum(cur, 'burst');
    const u = word(cur);
    if (bytes) {
      if (u === null || !BYTE_UNITS.has(u)) cur.fail(`expected \`bytes\`, \`kbytes\` or \`mbytes\` after the burst of a byte rate limit, found ${cur.describe()}`);
    } else if (u !== 'packets') cur.fail(`expected \`packets\` after the burst of a packet rate limit, found ${cur.describe()}`);
    cur.next();
    options.push(opt(cur, bs, 'burst', { type: 'NftList', items: [n, sym(cur, cur.i - 1, u)], range: cur.rangeFrom(bs + 1) }));
  }
  return optionStmt(cur, s, 'limit', options);
}

export function parseQuota(cur: Cur): NftStatement {
  const s = cur.i;
  cur.next();
  if (cur.accept('name')) {
    const v = parseValue(cur, STMT_VALUE);
    return optionStmt(cur, s, 'quota', [], v, v);
  }
  const options: NftOption[] = [];
  const ms = cur.i;
  if (cur.is('over') || cur.is('until')) options.push(opt(cur, ms, (cur.next() as IToken).image, null));
  const amount = (key: string): void => {
    const as = cur.i;
    const n = expectNum(cur, key);
    const u = word(cur);
    if (u === null || !BYTE_UNITS.has(u)) cur.fail(`expected \`bytes\`, \`kbytes\` or \`mbytes\` after the quota, found ${cur.describe()}`);
    cur.next();
    options.push(opt(cur, as, key, { type: 'NftList', items: [n, sym(cur, cur.i - 1, u)], range: cur.rangeFrom(as) }));
  };
  amount('quota');
  if (cur.accept('used')) amount('used');
  return optionStmt(cur, s, 'quota', options);
}

export function parseLog(cur: Cur): NftStatement {
  const s = cur.i;
  cur.next();
  const options: NftOption[] = [];
  for (;;) {
    const os = cur.i;
    const k = word(cur);
    if (k === 'prefix') {
      cur.next();
      const t = cur.peek();
      if (!isTok(t) || (t.tokenType.name !== 'QuotedString' && t.tokenType.name !== 'Variable' && t.tokenType.name !== 'Word')) cur.fail(`expected a quoted string after \`prefix\`, found ${cur.describe()}`);
      options.push(opt(cur, os, 'prefix', parseValue(cur, { list: false, map: false })));
    } else if (k === 'level') {
      cur.next();
      const l = word(cur);
      if (l === null || !LOG_LEVELS.has(l)) cur.fail(`invalid log level ${cur.describe()}; expected one of ${[...LOG_LEVELS].join(', ')}`);
      cur.next();
      options.push(opt(cur, os, 'level', sym(cur, cur.i - 1, l)));
    } else if (k === 'group' || k === 'snaplen' || k === 'queue-threshold') {
      cur.next();
      options.push(opt(cur, os, k, expectNum(cur, k)));
    } else if (k === 'flags') {
      cur.next();
      const fl: NftExpr[] = [];
      for (;;) {
        const fs = cur.i;
        const f = word(cur);
        if (f === 'tcp' || f === 'ip') {
          cur.next();
          const g = word(cur);
          const ok = f === 'tcp' ? g === 'sequence' || g === 'options' : g === 'options';
          if (!ok) cur.fail(`invalid log flag after \`${f}\`: ${cur.describe()}`);
          cur.next();
          fl.push(sym(cur, fs, `${f} ${g}`));
          while (f === 'tcp' && cur.is(',') && (cur.is('sequence', 1) || cur.is('options', 1))) {
            cur.next();
            fl.push(sym(cur, cur.i, (cur.next() as IToken).image));
          }
        } else if (f === 'skuid' || f === 'ether' || f === 'all') {
          cur.next();
          fl.push(sym(cur, fs, f));
        } else cur.fail(`invalid log flag ${cur.describe()}; expected tcp sequence, tcp options, ip options, skuid, ether or all`);
        if (cur.is(',')) {
          cur.next();
          continue;
        }
        break;
      }
      options.push(opt(cur, os, 'flags', { type: 'NftList', items: fl, range: cur.rangeFrom(os + 1) }));
    } else break;
  }
  return optionStmt(cur, s, 'log', options);
}

export function parseReject(cur: Cur): NftStatement {
  const s = cur.i;
  cur.next();
  const options: NftOption[] = [];
  if (cur.is('with')) {
    const os = cur.i;
    cur.next();
    const k = word(cur);
    if (k === 'tcp') {
      cur.next();
      if (!cur.accept('reset')) cur.fail(`expected \`reset\` after \`reject with tcp\`, found ${cur.describe()}`);
      options.push(opt(cur, os, 'with', sym(cur, os + 1, 'tcp reset')));
    } else if (k === 'icmp' || k === 'icmpv6' || k === 'icmp6' || k === 'icmpx') {
      cur.next();
      cur.accept('type');
      if (cur.atEnd()) cur.fail(`expected a reject code after \`reject with ${k}\``);
      const code = parseValuePrimary(cur, {});
      options.push(opt(cur, os, 'with', { type: 'NftList', items: [sym(cur, os + 1, k), code], range: cur.rangeFrom(os + 1) }));
    } else cur.fail(`expected \`icmp\`, \`icmpv6\`, \`icmpx\` or \`tcp reset\` after \`reject with\`, found ${cur.describe()}`);
  }
  return optionStmt(cur, s, 'reject', options);
}

function parseNatFlags(cur: Cur, flags: string[]): void {
  for (;;) {
    const f = word(cur);
    if (f === null || !NAT_FLAGS.has(f)) return;
    cur.next();
    flags.push(f);
    if (cur.is(',')) {
      cur.next();
      const g = word(cur);
      if (g === null || !NAT_FLAGS.has(g)) cur.fail(`expected a NAT flag (random, fully-random, persistent) after \`,\`, found ${cur.describe()}`);
    } else return;
  }
}

export function parseNat(cur: Cur): NftStatement {
  const s = cur.i;
  const kind = (cur.next() as IToken).image as NftNat['kind'];
  let family: 'ip' | 'ip6' | null = null;
  const modifiers: string[] = [];
  const flags: string[] = [];
  let address: NftExpr | null = null;
  let port: NftExpr | null = null;
  if ((cur.is('ip') || cur.is('ip6')) && (cur.is('to', 1) || cur.is('prefix', 1) || cur.is('interval', 1) || cur.is('addr', 1))) {
    family = (cur.next() as IToken).image as 'ip' | 'ip6';
  }
  while (cur.is('prefix') || cur.is('interval') || cur.is('addr')) {
    modifiers.push((cur.next() as IToken).image);
    if (modifiers[modifiers.length - 1] === 'addr' && cur.is('.')) {
      cur.next();
      if (!cur.accept('port')) cur.fail('expected `port` after `addr .`');
    }
  }
  const hasTo = !!cur.accept('to');
  const masq = kind === 'masquerade' || kind === 'redirect';
  if (hasTo || (!masq && !cur.atEnd() && !NAT_FLAGS.has(cur.img()))) {
    if (cur.is(':')) {
      cur.next();
      port = parseValue(cur, { ...STMT_VALUE, list: false });
    } else if (masq && !hasTo) {
      cur.fail(`unexpected ${cur.describe()} after \`${kind}\``);
    } else {
      if (cur.atEnd()) cur.fail(`expected an address after \`${kind} to\``);
      address = parseValue(cur, { ...STMT_VALUE, list: false });
      if (cur.is(':')) {
        cur.next();
        port = parseValue(cur, { ...STMT_VALUE, list: false });
      }
    }
    if (masq && address && !port) {
      // `redirect to 8080` (port without a colon) is accepted by nft.
      port = address;
      address = null;
    }
  }
  if (!masq && !address && !port) cur.fail(`expected \`to\` and an address after \`${kind}\`, found ${cur.describe()}`);
  parseNatFlags(cur, flags);
  if (!cur.atEnd() && !atStatementStart(cur) && !cur.is('comment')) cur.fail(`unexpected ${cur.describe()} in \`${kind}\` statement`);
  return { type: 'NftNat', kind, family, address, port, flags, modifiers, range: cur.rangeFrom(s) };
}

export function parseTproxy(cur: Cur): NftStatement {
  const s = cur.i;
  cur.next();
  const options: NftOption[] = [];
  if (cur.is('ip') || cur.is('ip6')) options.push(opt(cur, cur.i, 'family', sym(cur, cur.i, (cur.next() as IToken).image)));
  if (!cur.accept('to')) cur.fail(`expected \`to\` after \`tproxy\`, found ${cur.describe()}`);
  let expr: NftExpr | null = null;
  if (!cur.is(':')) {
    if (cur.atEnd()) cur.fail('expected an address after `tproxy to`');
    expr = parseValue(cur, { ...STMT_VALUE, list: false });
  }
  if (cur.is(':')) {
    const ps = cur.i;
    cur.next();
    if (cur.atEnd()) cur.fail('expected a port after `:`');
    options.push(opt(cur, ps, 'port', parseValue(cur, { ...STMT_VALUE, list: false })));
  }
  return optionStmt(cur, s, 'tproxy', options, null, expr);
}

export function parseQueue(cur: Cur): NftStatement {
  const s = cur.i;
  cur.next();
  const options: NftOption[] = [];
  let expr: NftExpr | null = null;
  for (;;) {
    const os = cur.i;
    if (cur.is('num')) {
      cur.next();
      const it = cur.peek();
      if (!isTok(it) || (it.tokenType.name !== 'Number' && it.tokenType.name !== 'Variable')) cur.fail(`expected a queue number after \`num\`, found ${cur.describe()}`);
      options.push(opt(cur, os, 'num', parseValue(cur, { list: false, map: false })));
    } else if (cur.is('flags')) {
      cur.next();
      const fl: NftExpr[] = [];
      do {
        const f = word(cur);
        if (f !== 'bypass' && f !== 'fanout') cur.fail(`expected \`bypass\` or \`fanout\`, found ${cur.describe()}`);
        fl.push(sym(cur, cur.i, f));
        cur.next();
      } while (cur.accept(','));
      options.push(opt(cur, os, 'flags', { type: 'NftList', items: fl, range: cur.rangeFrom(os + 1) }));
    } else if (cur.is('bypass') || cur.is('fanout')) {
      const f = (cur.next() as IToken).image;
      options.push(opt(cur, os, f, null));
      while (cur.is(',') && (cur.is('bypass', 1) || cur.is('fanout', 1))) {
        cur.next();
        options.push(opt(cur, cur.i, (cur.next() as IToken).image, null));
      }
    } else if (cur.is('to')) {
      cur.next();
      if (cur.atEnd()) cur.fail('expected a queue expression after `queue to`');
      expr = parseValue(cur, { ...STMT_VALUE, list: false });
      const t = expr.type;
      const ok = t === 'NftNumber' || t === 'NftRange' || t === 'NftVariable' || t === 'NftMapLookup' ||
        (t === 'NftSpecialExpr' && ['numgen', 'jhash', 'symhash'].includes(expr.kind));
      if (!ok) cur.fail(`expected \`map\` after the queue expression, found ${cur.describe()}`);
    } else break;
  }
  return optionStmt(cur, s, 'queue', options, null, expr);
}

export function parseDupFwd(cur: Cur): NftStatement {
  const s = cur.i;
  const kw = (cur.next() as IToken).image as 'dup' | 'fwd';
  const options: NftOption[] = [];
  if (cur.is('ip') || cur.is('ip6')) options.push(opt(cur, cur.i, 'family', sym(cur, cur.i, (cur.next() as IToken).image)));
  if (!cur.accept('to')) cur.fail(`expected \`to\` after \`${kw}\`, found ${cur.describe()}`);
  if (cur.atEnd()) cur.fail(`expected a destination after \`${kw} to\``);
  const expr = parseValue(cur, { ...STMT_VALUE, list: false });
  if (expr.type === 'NftRange') cur.ctx.error(expr.range, `a range is not a valid \`${kw}\` destination`);
  if (cur.is('device')) {
    const ds = cur.i;
    cur.next();
    if (cur.atEnd()) cur.fail('expected a device after `device`');
    options.push(opt(cur, ds, 'device', parseValue(cur, { ...STMT_VALUE, list: false })));
  }
  return optionStmt(cur, s, kw, options, null, expr);
}

export function parseSynproxy(cur: Cur): NftStatement {
  const s = cur.i;
  cur.next();
  if (cur.accept('name')) {
    const v = parseValue(cur, STMT_VALUE);
    return optionStmt(cur, s, 'synproxy', [], v, v);
  }
  const options: NftOption[] = [];
  for (;;) {
    const os = cur.i;
    const k = word(cur);
    if (k === 'mss' || k === 'wscale') {
      cur.next();
      options.push(opt(cur, os, k, expectNum(cur, k)));
    } else if (k === 'timestamp' || k === 'sack-perm') {
      cur.next();
      options.push(opt(cur, os, k, null));
    } else break;
  }
  return optionStmt(cur, s, 'synproxy', options);
}

export function parseMeter(cur: Cur): NftStatement {
  const s = cur.i;
  cur.next();
  const name = cur.peek();
  if (!isTok(name) || name.tokenType.name !== 'Word') cur.fail(`expected a meter name after \`meter\`, found ${cur.describe()}`);
  cur.next();
  const options: NftOption[] = [];
  if (cur.is('size')) {
    const os = cur.i;
    cur.next();
    options.push(opt(cur, os, 'size', expectNum(cur, 'size')));
  }
  const b = cur.peek();
  if (!isBlock(b)) return cur.fail(`expected \`{ KEY STATEMENT }\` after the meter name, found ${cur.describe()}`);
  const expr = parseSetLikeBlock(cur);
  return optionStmt(cur, s, 'meter', options, { type: 'NftSymbol', name: name.image, range: cur.ctx.itemRange(name) }, expr);
}

/** `{ KEY [timeout T] [STATEMENT…] [: VALUE] }` of set statements and meters. */
function parseSetLikeBlock(cur: Cur): NftExpr {
  const b = cur.next() as TBlock;
  const elements = parseElements(cur, b, { selectors: true });
  return { type: 'NftSetExpr', elements, range: cur.ctx.range(b.start, b.end) };
}

export function parseSetStatement(cur: Cur): NftStatement {
  const s = cur.i;
  cur.next();
  if (!cur.is('@')) cur.fail(`expected \`@set\` after \`${cur.img(-1)}\`, found ${cur.describe()}`);
  const ref = parseValuePrimary(cur, {});
  if (!isBlock(cur.peek())) cur.fail(`expected \`{ ELEMENT }\` after \`${cur.ctx.text.slice(ref.range.start, ref.range.end)}\`, found ${cur.describe()}`);
  const expr = parseSetLikeBlock(cur);
  const op = (cur.items[s] as IToken).image;
  return optionStmt(cur, s, 'set', [{ key: op, value: null, range: cur.ctx.itemRange(cur.items[s]!) }], ref, expr);
}
