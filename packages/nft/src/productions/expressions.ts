// nft(8) EXPRESSIONS and PAYLOAD EXPRESSIONS: selectors (`<proto> <field>`, `meta <key>`,
// `ct [dir] <key>`, fib, rt, socket, osf, numgen, hash, ipsec, exthdr, raw payload) and values
// (numbers, addresses, prefixes, ranges, sets, concatenations, binary operations, maps).
import type { IToken } from 'chevrotain';
import type { TextRange } from '@wglint/core';
import type { NftExpr, NftSetElement, NftOption, NftVerdictKind } from '../ast.js';
import {
  PAYLOAD_FIELDS, TUNNELS, INNER_PROTOS, INDEXED_FIELDS, META_KEYS, META_UNQUALIFIED, CT_KEYS, CT_DIR_KEYS, CT_DIRS,
  FIB_FLAGS, FIB_RESULTS, RT_KEYS, SOCKET_KEYS, TCP_OPTIONS, TCP_OPTION_FIELDS, IP_OPTIONS, IP_OPTION_FIELDS,
  SCTP_CHUNKS, SCTP_CHUNK_FIELDS, EXTHDRS, BINOPS, RESERVED_WORDS, RHS_KEYWORD_VALUES, VERDICTS,
} from '../keywords.js';
import { Cur, LineError, isBlock, isTok, itemEnd, itemStart, type TBlock, type TItem } from '../tree.js';

export interface ValueOpts {
  /** Allow selector expressions (`ip saddr`, `meta mark`) as values (statement arguments). */
  readonly selectors?: boolean;
  /** Allow anonymous sets `{ … }`. */
  readonly sets?: boolean;
  /** Allow comma lists `a,b,c`. */
  readonly list?: boolean;
  /** Allow `map { … }` lookups. */
  readonly map?: boolean;
  /** Allow verdicts (`accept`, `jump x`) as values (map data). */
  readonly verdicts?: boolean;
}

const ALL_TCPOPT_FIELDS = new Set(['size', 'left', 'right', 'count', 'tsval', 'tsecr', 'subtype', 'length', 'kind']);
const RAW_BASES = new Set(['ll', 'nh', 'th', 'ih']);
const TOKEN_OPS = new Set(['&', '|', '^', '<<', '>>']);

function word(cur: Cur, k = 0): string | null {
  const it = cur.peek(k);
  if (!isTok(it)) return null;
  const n = it.tokenType.name;
  return n === 'Word' || n.startsWith('Kw_') ? it.image : null;
}

/** Whether the item at `k` starts a selector expression. */
export function isSelectorStart(cur: Cur, k = 0): boolean {
  const w = word(cur, k);
  if (w === null) {
    return cur.is('@', k) && RAW_BASES.has(cur.img(k + 1)) && cur.is(',', k + 2);
  }
  if (w === 'meta' || w === 'ct' || w === 'fib' || w === 'numgen' || w === 'jhash' || w === 'symhash' || w === 'osf' ||
    w === 'socket' || w === 'ipsec' || w === 'exthdr' || w === 'tunnel' || w === 'gretap') return true;
  if (META_UNQUALIFIED.has(w)) return true;
  if (w === 'rt') return true;
  const fields = PAYLOAD_FIELDS.get(w);
  if (fields) {
    const n = cur.img(k + 1);
    if (fields.has(n)) return true;
    if (w === 'tcp' || w === 'ip' || w === 'dccp') return n === 'option';
    if (w === 'sctp') return n === 'chunk';
    if (TUNNELS.has(w)) return INNER_PROTOS.has(n);
  }
  return false;
}

function r(cur: Cur, startIdx: number): TextRange {
  return cur.rangeFrom(startIdx);
}

function expectWord(cur: Cur, what: string, after: string): string {
  const w = word(cur);
  if (w === null) cur.fail(`expected ${what} after \`${after}\`, found ${cur.describe()}`);
  cur.next();
  return w;
}

function expectNumber(cur: Cur, after: string): number {
  const it = cur.peek();
  if (!isTok(it) || it.tokenType.name !== 'Number') cur.fail(`expected a number after \`${after}\`, found ${cur.describe()}`);
  cur.next();
  return Number(it.image);
}

/** Parses one selector (no operators). Call only when `isSelectorStart` holds. */
export function parseSelector(cur: Cur): NftExpr {
  const s = cur.i;
  if (cur.is('@')) {
    cur.next();
    const base = cur.next() as IToken;
    cur.next(); // ,
    const off = expectNumber(cur, ',');
    if (!cur.accept(',')) cur.fail(`expected \`,\` and a length in raw payload \`@${base.image},${off}\``);
    const lenTok = cur.peek();
    const len = expectNumber(cur, ',');
    if (len === 0 && lenTok) cur.ctx.error(cur.ctx.itemRange(lenTok), 'raw payload length must be greater than 0');
    return { type: 'NftRawPayload', base: base.image, offset: off, length: len, range: r(cur, s) };
  }
  const w = word(cur)!;
  cur.next();
  switch (w) {
    case 'meta': {
      const k = word(cur);
      if (k === null || !META_KEYS.has(k)) cur.fail(`unknown meta key ${cur.describe()}; expected one of ${[...META_KEYS].join(', ')}`);
      cur.next();
      return { type: 'NftMeta', key: k, qualified: true, range: r(cur, s) };
    }
    case 'ct': {
      let dir: 'original' | 'reply' | null = null;
      const d = word(cur);
      if (d !== null && CT_DIRS.has(d)) {
        dir = d as 'original' | 'reply';
        cur.next();
        const p = word(cur);
        if (p === 'ip' || p === 'ip6') {
          cur.next();
          const f = word(cur);
          if (f !== 'saddr' && f !== 'daddr') cur.fail(`expected \`saddr\` or \`daddr\` after \`ct ${d} ${p}\`, found ${cur.describe()}`);
          cur.next();
          return { type: 'NftCt', key: f, direction: dir, protocol: p, range: r(cur, s) };
        }
        if (p === null || !CT_DIR_KEYS.has(p)) cur.fail(`unknown ct key ${cur.describe()} after \`ct ${d}\`; expected one of ${[...CT_DIR_KEYS].join(', ')}`);
        cur.next();
        return { type: 'NftCt', key: p, direction: dir, protocol: null, range: r(cur, s) };
      }
      if (d === null || !CT_KEYS.has(d) || d === 'count') cur.fail(`unknown ct key ${cur.describe()}; expected one of ${[...CT_KEYS].filter((k) => k !== 'count').join(', ')}`);
      cur.next();
      return { type: 'NftCt', key: d, direction: null, protocol: null, range: r(cur, s) };
    }
    case 'fib': {
      const words: string[] = [];
      for (;;) {
        const f = word(cur);
        if (f === null || !FIB_FLAGS.has(f)) cur.fail(`expected a fib key (saddr, daddr, mark, iif, oif), found ${cur.describe()}`);
        cur.next();
        words.push(f);
        if (!cur.accept('.')) break;
      }
      const res = word(cur);
      if (res === null || !FIB_RESULTS.has(res)) cur.fail(`expected a fib result (oif, oifname, type, check) after \`fib ${words.join(' . ')}\`, found ${cur.describe()}`);
      cur.next();
      if (words.includes('saddr') && words.includes('daddr')) cur.ctx.error(r(cur, s), 'fib: saddr and daddr are mutually exclusive');
      else if (words.includes('iif') && words.includes('oif')) cur.ctx.error(r(cur, s), 'fib: iif and oif are mutually exclusive');
      else if (!words.includes('saddr') && !words.includes('daddr')) cur.ctx.error(r(cur, s), 'fib: need either saddr or daddr');
      words.push(res);
      return { type: 'NftSpecialExpr', kind: 'fib', words, operand: null, range: r(cur, s) };
    }
    case 'rt': {
      const words: string[] = [];
      const a = word(cur);
      if (a === 'ip' || a === 'ip6') {
        cur.next();
        words.push(a);
      }
      const k = word(cur);
      if (k !== null && RT_KEYS.has(k)) {
        cur.next();
        words.push(k);
        return { type: 'NftSpecialExpr', kind: 'rt', words, operand: null, range: r(cur, s) };
      }
      if (words.length === 0 && k !== null && PAYLOAD_FIELDS.get('rt')!.has(k)) {
        cur.next();
        return { type: 'NftExthdr', header: 'rt', name: 'rt', field: k, range: r(cur, s) };
      }
      return cur.fail(`unknown rt key ${cur.describe()}; expected classid, nexthop, mtu, ipsec or a routing header field`);
    }
    case 'socket': {
      const k = word(cur);
      if (k === null || !SOCKET_KEYS.has(k)) cur.fail(`unknown socket key ${cur.describe()}; expected transparent, mark, wildcard or cgroupv2`);
      cur.next();
      const words = [k];
      if (k === 'cgroupv2') {
        if (!cur.accept('level')) cur.fail('expected `level N` after `socket cgroupv2`');
        words.push('level', String(expectNumber(cur, 'level')));
      }
      return { type: 'NftSpecialExpr', kind: 'socket', words, operand: null, range: r(cur, s) };
    }
    case 'osf': {
      const words: string[] = [];
      if (cur.accept('ttl')) {
        const t = word(cur);
        if (t !== 'loose' && t !== 'skip' && t !== 'global') cur.fail(`invalid osf ttl option ${cur.describe()}; expected loose or skip`);
        cur.next();
        words.push('ttl', t);
      }
      const k = word(cur);
      if (k !== 'name' && k !== 'version') cur.fail(`expected \`name\` or \`version\` after \`osf\`, found ${cur.describe()}`);
      cur.next();
      words.push(k);
      return { type: 'NftSpecialExpr', kind: 'osf', words, operand: null, range: r(cur, s) };
    }
    case 'numgen': {
      const m = word(cur);
      if (m !== 'inc' && m !== 'random') cur.fail(`expected \`inc\` or \`random\` after \`numgen\`, found ${cur.describe()}`);
      cur.next();
      if (!cur.accept('mod')) cur.fail(`expected \`mod N\` after \`numgen ${m}\``);
      const words = [m, 'mod', String(expectNumber(cur, 'mod'))];
      if (cur.accept('offset')) words.push('offset', String(expectNumber(cur, 'offset')));
      return { type: 'NftSpecialExpr', kind: 'numgen', words, operand: null, range: r(cur, s) };
    }
    case 'jhash':
    case 'symhash': {
      let operand: NftExpr | null = null;
      if (w === 'jhash') {
        if (!isSelectorStart(cur)) cur.fail(`expected an expression to hash after \`jhash\`, found ${cur.describe()}`);
        operand = parseLhs(cur, true);
      }
      if (!cur.accept('mod')) cur.fail(`expected \`mod N\` in \`${w}\`, found ${cur.describe()}`);
      const words = ['mod', String(expectNumber(cur, 'mod'))];
      if (cur.accept('seed')) words.push('seed', String(expectNumber(cur, 'seed')));
      if (cur.accept('offset')) words.push('offset', String(expectNumber(cur, 'offset')));
      return { type: 'NftSpecialExpr', kind: w, words, operand, range: r(cur, s) };
    }
    case 'ipsec': {
      const d = word(cur);
      if (d !== 'in' && d !== 'out') cur.fail(`expected \`in\` or \`out\` after \`ipsec\`, found ${cur.describe()}`);
      cur.next();
      const words: string[] = [d];
      if (cur.accept('spnum')) {
        const t = cur.peek();
        const n = expectNumber(cur, 'spnum');
        if (n > 255 && t) cur.ctx.error(cur.ctx.itemRange(t), 'value too large: the ipsec `spnum` is at most 255');
        words.push('spnum', String(n));
      }
      const k = word(cur);
      if (k === 'ip' || k === 'ip6') {
        cur.next();
        const f = word(cur);
        if (f !== 'saddr' && f !== 'daddr') cur.fail(`expected \`saddr\` or \`daddr\` after \`${k}\`, found ${cur.describe()}`);
        cur.next();
        words.push(k, f);
      } else if (k === 'spi' || k === 'reqid') {
        cur.next();
        words.push(k);
      } else cur.fail(`expected \`ip\`, \`ip6\`, \`spi\` or \`reqid\` in \`ipsec ${words.join(' ')}\`, found ${cur.describe()}`);
      return { type: 'NftSpecialExpr', kind: 'ipsec', words, operand: null, range: r(cur, s) };
    }
    case 'tunnel': {
      const k = expectWord(cur, 'a tunnel key', 'tunnel');
      return { type: 'NftSpecialExpr', kind: 'tunnel', words: [k], operand: null, range: r(cur, s) };
    }
    case 'exthdr': {
      const h = word(cur);
      if (h === null || !EXTHDRS.has(h)) cur.fail(`expected an extension header (hbh, rt, frag, dst, mh) after \`exthdr\`, found ${cur.describe()}`);
      cur.next();
      return { type: 'NftExthdr', header: 'exthdr', name: h, field: null, range: r(cur, s) };
    }
    case 'gretap': {
      if (!isSelectorStart(cur) || !INNER_PROTOS.has(word(cur) ?? '')) cur.fail(`expected an inner header expression after \`gretap\`, found ${cur.describe()}`);
      const inner = parseSelector(cur);
      return inner.type === 'NftPayload' ? { ...inner, inner: 'gretap', range: r(cur, s) } : inner;
    }
  }
  if (META_UNQUALIFIED.has(w)) return { type: 'NftMeta', key: w, qualified: false, range: r(cur, s) };
  // <proto> option …
  const n = word(cur);
  if ((w === 'tcp' || w === 'ip' || w === 'dccp') && n === 'option') {
    cur.next();
    if (w === 'dccp') {
      const num = expectNumber(cur, 'dccp option');
      return { type: 'NftExthdr', header: 'dccp option', name: String(num), field: null, range: r(cur, s) };
    }
    if (w === 'tcp' && cur.is('@')) {
      cur.next();
      const kind = expectNumber(cur, '@');
      if (!cur.accept(',')) cur.fail('expected `,` in `tcp option @KIND,OFFSET,LENGTH`');
      const off = expectNumber(cur, ',');
      if (!cur.accept(',')) cur.fail('expected `,` in `tcp option @KIND,OFFSET,LENGTH`');
      const len = expectNumber(cur, ',');
      return { type: 'NftExthdr', header: 'tcp option', name: `@${kind},${off},${len}`, field: null, range: r(cur, s) };
    }
    const on = cur.img();
    const isNum = isTok(cur.peek()) && (cur.peek() as IToken).tokenType.name === 'Number';
    if (w === 'tcp' && isNum && Number(on) > 255) cur.fail(`value too large: a tcp option kind is at most 255, found ${cur.describe()}`);
    if (w === 'tcp' && !TCP_OPTIONS.has(on) && !isNum) cur.fail(`unknown tcp option ${cur.describe()}; expected one of ${[...TCP_OPTIONS].join(', ')}`);
    if (w === 'ip' && !IP_OPTIONS.has(on)) cur.fail(`unknown ip option ${cur.describe()}; expected lsrr, rr, ssrr or ra`);
    cur.next();
    let field: string | null = null;
    const f = word(cur);
    if (w === 'tcp' && f !== null && (ALL_TCPOPT_FIELDS.has(f) || TCP_OPTIONS.has(f))) {
      const allowed = TCP_OPTION_FIELDS.get(on) ?? new Set(['length', 'kind']);
      if (!allowed.has(f)) cur.fail(`tcp option \`${on}\` has no field ${cur.describe()}`);
      cur.next();
      field = f;
    } else if (w === 'ip' && f !== null && IP_OPTION_FIELDS.has(f)) {
      cur.next();
      field = f;
    }
    return { type: 'NftExthdr', header: `${w} option`, name: on, field, range: r(cur, s) };
  }
  if (w === 'sctp' && n === 'chunk') {
    cur.next();
    const c = word(cur);
    if (c === null || !SCTP_CHUNKS.has(c)) cur.fail(`unknown sctp chunk ${cur.describe()}`);
    cur.next();
    let field: string | null = null;
    const f = word(cur);
    if (f !== null && SCTP_CHUNK_FIELDS.has(f)) {
      cur.next();
      field = f;
    }
    return { type: 'NftExthdr', header: 'sctp chunk', name: c, field, range: r(cur, s) };
  }
  const fields = PAYLOAD_FIELDS.get(w);
  if (fields && n !== null && fields.has(n)) {
    cur.next();
    let field = n;
    if (INDEXED_FIELDS.has(n) && cur.is('[')) {
      cur.next();
      const idx = expectNumber(cur, '[');
      if (!cur.accept(']')) cur.fail('expected `]`');
      field = `${n}[${idx}]`;
    }
    if (w === 'arp' && (n === 'saddr' || n === 'daddr') && (cur.is('ip') || cur.is('ether'))) field = `${n} ${(cur.next() as IToken).image}`;
    if (EXTHDRS.has(w)) return { type: 'NftExthdr', header: w, name: w, field, range: r(cur, s) };
    return { type: 'NftPayload', protocol: w, field, inner: null, range: r(cur, s) };
  }
  if (fields && TUNNELS.has(w) && n !== null && INNER_PROTOS.has(n)) {
    const inner = parseSelector(cur);
    return inner.type === 'NftPayload' ? { ...inner, inner: w, range: r(cur, s) } : inner;
  }
  return cur.fail(`expected a \`${w}\` header field, found ${cur.describe()}`);
}

/** Left-hand side: selector with binary operations and `.` concatenation. */
export function parseLhs(cur: Cur, allowConcat = true): NftExpr {
  const s = cur.i;
  const parts: NftExpr[] = [];
  for (;;) {
    let e = parseSelector(cur);
    for (;;) {
      const op = BINOPS.get(cur.img());
      if (!op || !isTok(cur.peek())) break;
      const opIdx = cur.i;
      cur.next();
      if (cur.atEnd()) {
        cur.i = opIdx;
        break;
      }
      const right = isSelectorStart(cur) ? parseSelector(cur) : parseValuePrimary(cur, { selectors: false, sets: false });
      e = { type: 'NftBinary', op, left: e, right, range: r(cur, s) };
    }
    parts.push(e);
    if (allowConcat && cur.is('.') && isSelectorStart(cur, 1)) {
      cur.next();
      continue;
    }
    // `ip saddr . 1.2.3.4 . 80 @s1`: constant parts in a concatenation
    while (allowConcat && cur.is('.') && cur.peek(1) !== undefined && !isSelectorStart(cur, 1)) {
      cur.next();
      parts.push(parseValuePrimary(cur, {}));
    }
    if (allowConcat && cur.is('.') && isSelectorStart(cur, 1)) {
      cur.next();
      continue;
    }
    break;
  }
  return parts.length === 1 ? parts[0]! : { type: 'NftConcat', parts, range: r(cur, s) };
}

/** A value (right-hand side or statement argument). */
export function parseValue(cur: Cur, opts: ValueOpts): NftExpr {
  const s = cur.i;
  const first = parseValueConcat(cur, opts);
  if (opts.list && cur.is(',')) {
    const items = [first];
    while (cur.is(',') && cur.peek(1) !== undefined) {
      cur.next();
      items.push(parseValueConcat(cur, opts));
    }
    return { type: 'NftList', items, range: r(cur, s) };
  }
  return first;
}

function parseValueConcat(cur: Cur, opts: ValueOpts): NftExpr {
  const s = cur.i;
  const parts = [parseValueBinary(cur, opts)];
  while (cur.is('.') && cur.peek(1) !== undefined) {
    cur.next();
    parts.push(parseValueBinary(cur, opts));
  }
  let e: NftExpr = parts.length === 1 ? parts[0]! : { type: 'NftConcat', parts, range: r(cur, s) };
  if (opts.map !== false && cur.is('map')) {
    cur.next();
    const m = cur.peek();
    let map: NftExpr;
    if (isBlock(m)) map = parseSetBlock(cur, { selectors: false });
    else if (cur.is('@') || cur.tokName() === 'Variable') map = parseValuePrimary(cur, { sets: false });
    else return cur.fail(`expected \`{\` or \`@map\` after \`map\`, found ${cur.describe()}`);
    e = { type: 'NftMapLookup', key: e, map, range: r(cur, s) };
  }
  return e;
}

function parseValueBinary(cur: Cur, opts: ValueOpts): NftExpr {
  const s = cur.i;
  let e = parseValuePostfix(cur, opts);
  for (;;) {
    const img = cur.img();
    const op = BINOPS.get(img);
    if (!op || !isTok(cur.peek()) || cur.peek(1) === undefined) break;
    // Word forms (`or`, `and`) only when a value follows (`meta mark set 1 or 2`).
    if (!TOKEN_OPS.has(img) && !startsValue(cur, 1)) break;
    cur.next();
    const right = parseValuePostfix(cur, { ...opts, list: false });
    e = { type: 'NftBinary', op, left: e, right, range: r(cur, s) };
  }
  return e;
}

function startsValue(cur: Cur, k: number): boolean {
  const it = cur.peek(k);
  if (!it) return false;
  if (isBlock(it)) return true;
  const n = it.tokenType.name;
  return n !== 'Comma' && n !== 'Colon' && n !== 'Semi';
}

function parseValuePostfix(cur: Cur, opts: ValueOpts): NftExpr {
  const s = cur.i;
  const p = parseValuePrimary(cur, opts);
  if (cur.is('/') && cur.peek(1) !== undefined && isTok(cur.peek(1)) && (cur.peek(1) as IToken).tokenType.name === 'Number') {
    cur.next();
    const len = Number((cur.next() as IToken).image);
    return { type: 'NftPrefix', address: p, length: len, range: r(cur, s) };
  }
  if (cur.is('/') && cur.peek(1) !== undefined) {
    // `tcp flags syn / syn,ack`: value under a mask
    cur.next();
    const mask = parseValuePrimary(cur, { ...opts, selectors: false, sets: false });
    return { type: 'NftBinary', op: '/', left: p, right: mask, range: r(cur, s) };
  }
  if (cur.is('-') && cur.peek(1) !== undefined) {
    cur.next();
    const high = parseValuePrimary(cur, { ...opts, selectors: false, sets: false });
    return { type: 'NftRange', low: p, high, range: r(cur, s) };
  }
  return p;
}

function timeToMs(t: string): number {
  let ms = 0;
  const re = /(\d+)(ms|d|h|m|s)/g;
  let m: RegExpExecArray | null;
  const mult: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  while ((m = re.exec(t))) ms += Number(m[1]) * mult[m[2]!]!;
  return ms;
}

export function addressFamily(text: string): 'ip' | 'ip6' | 'ether' {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(text)) return 'ip';
  if (/^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/.test(text)) return 'ether';
  return 'ip6';
}

/** One value primary. */
export function parseValuePrimary(cur: Cur, opts: ValueOpts): NftExpr {
  const s = cur.i;
  const it = cur.peek();
  if (it === undefined) return cur.fail(`expected a value, found ${cur.describe()}`);
  if (isBlock(it)) {
    if (!opts.sets) cur.fail('unexpected `{`: a set is not allowed here');
    return parseSetBlock(cur, { selectors: !!opts.selectors });
  }
  const n = it.tokenType.name;
  const img = it.image;
  switch (n) {
    case 'Number':
      cur.next();
      return { type: 'NftNumber', text: img, value: Number(img), range: r(cur, s) };
    case 'Address':
      cur.next();
      return { type: 'NftAddress', family: img.startsWith('[') ? 'ip6' : addressFamily(img), text: img, range: r(cur, s) };
    case 'TimeString':
      cur.next();
      return { type: 'NftTime', text: img, ms: timeToMs(img), range: r(cur, s) };
    case 'ClassId':
      cur.next();
      return { type: 'NftSymbol', name: img, range: r(cur, s) };
    case 'QuotedString': {
      cur.next();
      const v = img.slice(1, -1);
      if (v.endsWith('*') && !v.endsWith('\\*')) return { type: 'NftWildcard', prefix: v.slice(0, -1), range: r(cur, s) };
      return { type: 'NftString', value: v, quoted: true, range: r(cur, s) };
    }
    case 'UnterminatedString':
      return cur.fail('unterminated string: add the closing `"`');
    case 'Wildcard':
      cur.next();
      return { type: 'NftWildcard', prefix: img.replace(/\\?\*$/, ''), range: r(cur, s) };
    case 'Variable':
      cur.next();
      return { type: 'NftVariable', name: img.slice(1), range: r(cur, s) };
    case 'Star':
      cur.next();
      return { type: 'NftSymbol', name: '*', range: r(cur, s) };
    case 'At': {
      if (opts.selectors && isSelectorStart(cur)) return parseLhs(cur);
      cur.next();
      const nm = cur.peek();
      if (!isTok(nm) || !(nm.tokenType.name === 'Word' || nm.tokenType.name.startsWith('Kw_'))) cur.fail(`expected a set name after \`@\`, found ${cur.describe()}`);
      if (RESERVED_WORDS.has(nm.image)) cur.fail(`\`${nm.image}\` is a reserved word and cannot be a set name`);
      cur.next();
      return { type: 'NftSetRef', name: nm.image, range: r(cur, s) };
    }
    case 'LParen': {
      cur.next();
      const e = parseValue(cur, { ...opts, list: false });
      if (!cur.accept(')')) cur.fail(`expected \`)\`, found ${cur.describe()}`);
      return { type: 'NftParen', expr: e, range: r(cur, s) };
    }
  }
  if (n === 'Word' || n.startsWith('Kw_')) {
    if (opts.selectors && isSelectorStart(cur)) return parseLhs(cur, false);
    if (VERDICTS.has(img) && opts.verdicts) {
      cur.next();
      let target: string | null = null;
      if (img === 'jump' || img === 'goto') {
        const t = cur.peek();
        if (!isTok(t) || !(t.tokenType.name === 'Word' || t.tokenType.name === 'Variable' || t.tokenType.name.startsWith('Kw_'))) cur.fail(`expected a chain name after \`${img}\`, found ${cur.describe()}`);
        if (RESERVED_WORDS.has(t.image)) cur.fail(`\`${t.image}\` is a reserved word and cannot be a chain name`);
        if (t.image.length > 256) cur.fail(`chain name is ${t.image.length} characters long; nft allows at most 256`);
        cur.next();
        target = t.image;
      }
      return { type: 'NftVerdictExpr', verdict: img as NftVerdictKind, target, range: r(cur, s) };
    }
    if (RESERVED_WORDS.has(img) && !RHS_KEYWORD_VALUES.has(img)) cur.fail(`unexpected keyword \`${img}\`: expected a value`);
    cur.next();
    return { type: 'NftSymbol', name: img, range: r(cur, s) };
  }
  return cur.fail(`expected a value, found ${cur.describe()}`);
}

/** Element options after a set element key (`timeout 1h`, `comment "x"`, `counter …`). */
const ELEMENT_OPTIONS = new Set(['timeout', 'expires', 'comment', 'counter', 'quota', 'limit', 'last', 'ct']);

/** Parses a `{ … }` block at the cursor as a set expression. */
export function parseSetBlock(cur: Cur, opts: { selectors: boolean }): NftExpr {
  const b = cur.next() as TBlock;
  const elements = parseElements(cur, b, opts);
  return { type: 'NftSetExpr', elements, range: cur.ctx.range(b.start, b.end) };
}

/** Parses the elements of a brace block (newlines are insignificant inside sets). */
export function parseElements(outer: Cur, b: TBlock, opts: { selectors: boolean }): NftSetElement[] {
  if (!b.close) outer.fail('unclosed `{`: add the matching `}`');
  const items: TItem[] = [];
  for (const l of b.lines) {
    items.push(...l.items);
    if (l.terminator === 'semi') {
      outer.ctx.error(outer.ctx.range(l.end, l.end + 1), 'unexpected `;` inside a set: separate elements with `,`');
      throw new LineError('semi');
    }
  }
  const cur = new Cur(outer.ctx, items, b.end - 1, 'rcurly');
  const text = outer.ctx.text;
  const out: NftSetElement[] = [];
  let prevEnd = b.open.startOffset + 1;
  while (!cur.atEnd()) {
    const s = cur.i;
    const startOff = itemStart(cur.peek()!);
    const breakBefore = text.slice(prevEnd, startOff).includes('\n');
    const key = parseValue(cur, { selectors: opts.selectors, sets: true, list: false, map: false });
    const options: NftOption[] = [];
    let value: NftExpr | null = null;
    for (;;) {
      const w = cur.img();
      if (ELEMENT_OPTIONS.has(w)) {
        options.push(parseElementOption(cur));
        continue;
      }
      if (cur.is(':') && value === null) {
        cur.next();
        value = parseValue(cur, { selectors: opts.selectors, sets: false, list: false, map: opts.selectors, verdicts: true });
        continue;
      }
      break;
    }
    out.push({ type: 'NftSetElement', key, value, options, breakBefore, range: r(cur, s) });
    prevEnd = itemEnd(cur.items[cur.i - 1]!);
    if (cur.atEnd()) break;
    if (!cur.accept(',')) cur.fail(`expected \`,\` or \`}\` after a set element, found ${cur.describe()}`);
  }
  return out;
}

function parseElementOption(cur: Cur): NftOption {
  const s = cur.i;
  const key = (cur.next() as IToken).image;
  let value: NftExpr | null = null;
  if (key === 'timeout' || key === 'expires' || key === 'comment') {
    value = parseValuePrimary(cur, {});
  } else {
    // counter [packets N bytes N], quota [over|until] N unit, limit rate …, last [used never|T], ct count …
    const ws: NftExpr[] = [];
    while (!cur.atEnd() && !cur.is(',') && !cur.is(':') && !ELEMENT_OPTIONS.has(cur.img())) {
      const t = cur.next();
      if (isBlock(t)) cur.fail('unexpected `{` in a set element');
      ws.push({ type: 'NftSymbol', name: (t as IToken).image, range: cur.ctx.itemRange(t) });
    }
    if (ws.length) value = { type: 'NftList', items: ws, range: r(cur, s + 1) };
  }
  return { key, value, range: r(cur, s) };
}

export { word };
