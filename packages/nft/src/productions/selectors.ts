// nft(8) EXPRESSIONS, selector part: `<proto> <field>` payloads (incl. inner tunnel headers and raw
// `@base,off,len`), extension headers, tcp/ip/dccp options, sctp chunks, `meta`, `ct`, fib, rt,
// socket, osf, numgen, jhash/symhash, ipsec, tunnel. Table driven (keywords.ts).
import type { IToken } from 'chevrotain';
import type { NftExpr } from '../ast.js';
import {
  PAYLOAD_FIELDS, TUNNELS, INNER_PROTOS, INDEXED_FIELDS, META_KEYS, META_UNQUALIFIED, CT_KEYS, CT_DIR_KEYS, CT_DIRS,
  FIB_FLAGS, FIB_RESULTS, RT_KEYS, SOCKET_KEYS, TCP_OPTIONS, TCP_OPTION_FIELDS, IP_OPTIONS, IP_OPTION_FIELDS,
  SCTP_CHUNKS, SCTP_CHUNK_FIELDS, EXTHDRS, BINOPS,
} from '../keywords.js';
import { Cur, isTok } from '../tree.js';
import { parseValuePrimary, r, word } from './expressions.js';
const ALL_TCPOPT_FIELDS = new Set(['size', 'left', 'right', 'count', 'tsval', 'tsecr', 'subtype', 'length', 'kind']);
const RAW_BASES = new Set(['ll', 'nh', 'th', 'ih']);

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

