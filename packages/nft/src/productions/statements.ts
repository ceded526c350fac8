// nft(8) STATEMENTS: verdicts, matches (`EXPR [op] VALUE`), mangling (`EXPR set VALUE`), vmap,
// counter, limit, quota, log, reject, NAT, tproxy, queue, dup, fwd, notrack, synproxy, meter,
// last, set/map element statements, object references, comments.
import type { IToken } from 'chevrotain';
import type { NftExpr, NftNat, NftOption, NftOptionStatement, NftRule, NftStatement, NftVerdictKind } from '../ast.js';
import { BYTE_UNITS, LOG_LEVELS, NAT_FLAGS, RELOPS, RESERVED_WORDS, RHS_KEYWORD_VALUES, STATEMENT_KEYWORDS, TIME_UNITS, VERDICTS } from '../keywords.js';
import { Cur, isBlock, isTok, type TBlock } from '../tree.js';
import { isSelectorStart, parseElements, parseLhs, parseValue, parseValuePrimary, word } from './expressions.js';

/** Builds the statements of an anonymous chain (`jump { … }`); set by rules.ts to avoid a cycle. */
export const anonChain: { build: ((cur: Cur, b: TBlock) => NftRule[]) | null } = { build: null };

const STMT_VALUE = { selectors: true, sets: false, list: true, map: true } as const;

function numberTok(cur: Cur): IToken | null {
  const it = cur.peek();
  return isTok(it) && it.tokenType.name === 'Number' ? it : null;
}

function expectNum(cur: Cur, after: string): NftExpr {
  const it = cur.peek();
  if (!isTok(it) || (it.tokenType.name !== 'Number' && it.tokenType.name !== 'Variable')) {
    cur.fail(`expected a number after \`${after}\`, found ${cur.describe()}`);
  }
  return parseValuePrimary(cur, {});
}

function opt(cur: Cur, startIdx: number, key: string, value: NftExpr | null): NftOption {
  return { key, value, range: cur.rangeFrom(startIdx) };
}

function sym(cur: Cur, startIdx: number, name: string): NftExpr {
  return { type: 'NftSymbol', name, range: cur.rangeFrom(startIdx) };
}

/** Whether the item at the cursor may start a new statement (ends an option list). */
function atStatementStart(cur: Cur): boolean {
  const w = word(cur);
  if (w === null) return isSelectorStart(cur);
  return VERDICTS.has(w) || STATEMENT_KEYWORDS.has(w) || isSelectorStart(cur);
}

export interface ParsedStatements {
  readonly statements: NftStatement[];
  readonly comment: string | null;
}

/** Parses all statements of a rule. Throws LineError (after reporting) on the first syntax error. */
export function parseStatements(cur: Cur): ParsedStatements {
  const statements: NftStatement[] = [];
  let comment: string | null = null;
  if (cur.atEnd()) cur.fail('expected a rule (statements such as `tcp dport 22 accept`), found nothing');
  while (!cur.atEnd()) {
    if (cur.is('comment')) {
      cur.next();
      const t = cur.peek();
      if (!isTok(t) || t.tokenType.name !== 'QuotedString') cur.fail(`expected a quoted string after \`comment\`, found ${cur.describe()}`);
      cur.next();
      comment = t.image.slice(1, -1);
      continue;
    }
    const st = parseStatement(cur);
    checkTunnelDependency(cur, st, statements);
    statements.push(st);
  }
  return { statements, comment };
}

/** vxlan/geneve headers are only found after a `udp dport` match in the same rule. */
function checkTunnelDependency(cur: Cur, st: NftStatement, before: readonly NftStatement[]): void {
  const left = st.type === 'NftMatch' ? st.left : st.type === 'NftMangle' ? st.target : null;
  if (!left || left.type !== 'NftPayload') return;
  const t = left.inner ?? left.protocol;
  if (t !== 'vxlan' && t !== 'geneve') return;
  const dep = before.some((b) => b.type === 'NftMatch' && b.left.type === 'NftPayload' && b.left.protocol === 'udp' && b.left.field === 'dport');
  if (!dep) {
    cur.ctx.error(st.range, `\`${t}\` matching needs a \`udp dport\` match before it in the same rule (e.g. \`udp dport ${t === 'vxlan' ? 4789 : 6081} ${t} …\`)`);
    cur.fail(t);
  }
}

function parseStatement(cur: Cur): NftStatement {
  const s = cur.i;
  const w = word(cur);
  if (w === null) {
    if (isSelectorStart(cur)) return parseSelectorStatement(cur);
    return cur.fail(`unexpected ${cur.describe()}: expected a statement (a match such as \`tcp dport 22\`, a verdict, \`counter\` …)`);
  }
  if (VERDICTS.has(w)) return parseVerdict(cur);
  if (w === 'tunnel' && cur.is('name', 1)) {
    cur.i += 2;
    if (cur.atEnd()) cur.fail('expected a tunnel name after `tunnel name`');
    const v = parseValue(cur, STMT_VALUE);
    return optionStmt(cur, s, 'tunnel', [], v, v);
  }
  if (w === 'ct' && cur.is('count', 1)) {
    cur.i += 2;
    const options: NftOption[] = [];
    const os = cur.i;
    if (cur.accept('over')) options.push(opt(cur, os, 'over', null));
    const ns = cur.i;
    options.push(opt(cur, ns, 'count', expectNum(cur, 'ct count')));
    return optionStmt(cur, s, 'ct count', options);
  }
  switch (w) {
    case 'counter': return parseCounter(cur);
    case 'limit': return parseLimit(cur);
    case 'quota': return parseQuota(cur);
    case 'log': return parseLog(cur);
    case 'reject': return parseReject(cur);
    case 'snat': case 'dnat': case 'masquerade': case 'redirect': return parseNat(cur);
    case 'tproxy': return parseTproxy(cur);
    case 'queue': return parseQueue(cur);
    case 'dup': case 'fwd': return parseDupFwd(cur);
    case 'notrack':
      cur.next();
      return optionStmt(cur, s, 'notrack', []);
    case 'synproxy': return parseSynproxy(cur);
    case 'meter': return parseMeter(cur);
    case 'last': {
      cur.next();
      const options: NftOption[] = [];
      if (cur.is('used')) {
        const os = cur.i;
        cur.next();
        const t = cur.peek();
        if (cur.is('never')) {
          cur.next();
          options.push(opt(cur, os, 'used', sym(cur, cur.i - 1, 'never')));
        } else if (isTok(t) && (t.tokenType.name === 'TimeString' || t.tokenType.name === 'Number')) {
          options.push(opt(cur, os, 'used', parseValuePrimary(cur, {})));
        } else cur.fail(`expected \`never\` or a time after \`last used\`, found ${cur.describe()}`);
      }
      return optionStmt(cur, s, 'last', options);
    }
    case 'add': case 'update': case 'delete': return parseSetStatement(cur);
    case 'xt': {
      cur.next();
      while (!cur.atEnd()) cur.next();
      return optionStmt(cur, s, 'xt', []);
    }
    case 'reset': {
      cur.next();
      if (!cur.is('tcp') || !cur.is('option', 1)) cur.fail(`expected \`tcp option NAME\` after \`reset\`, found ${cur.describe()}`);
      const e = parseLhs(cur, false);
      return { ...optionStmt(cur, s, 'reset', []), expr: e };
    }
    case 'flow': {
      cur.next();
      const options: NftOption[] = [];
      while (!cur.atEnd()) {
        const t = cur.next();
        if (isBlock(t)) cur.fail('unexpected `{` in `flow` statement');
        options.push({ key: (t as IToken).image, value: null, range: cur.ctx.itemRange(t) });
      }
      return optionStmt(cur, s, 'flow', options);
    }
  }
  if (isSelectorStart(cur)) return parseSelectorStatement(cur);
  if (RESERVED_WORDS.has(w)) return cur.fail(`unexpected keyword \`${w}\`: expected a statement`);
  return cur.fail(`unknown statement \`${w}\`: expected a match (\`tcp dport 22\`), a verdict or a statement such as \`counter\``);
}

function optionStmt(cur: Cur, s: number, keyword: NftOptionStatement['keyword'], options: NftOption[], ref: NftExpr | null = null, expr: NftExpr | null = null): NftOptionStatement {
  const refName = ref ? { text: exprText(cur, ref), range: ref.range } : null;
  return { type: 'NftStatement', keyword, options, ref: refName, expr, range: cur.rangeFrom(s) };
}

function exprText(cur: Cur, e: NftExpr): string {
  if (e.type === 'NftString') return e.value;
  if (e.type === 'NftSymbol') return e.name;
  if (e.type === 'NftSetRef') return e.name;
  if (e.type === 'NftVariable') return `$${e.name}`;
  void cur;
  return '';
}

function parseVerdict(cur: Cur): NftStatement {
  const s = cur.i;
  const v = (cur.next() as IToken).image as NftVerdictKind;
  let target: NftRule[] | { text: string; range: ReturnType<Cur['hereRange']> } | null = null;
  if (v === 'jump' || v === 'goto') {
    const t = cur.peek();
    if (isBlock(t)) {
      cur.next();
      target = anonChain.build ? anonChain.build(cur, t) : [];
    } else {
      if (!isTok(t) || !(t.tokenType.name === 'Word' || t.tokenType.name === 'Variable' || t.tokenType.name.startsWith('Kw_'))) {
        cur.fail(`expected a chain name after \`${v}\`, found ${cur.describe()}`);
      }
      if (RESERVED_WORDS.has(t.image)) cur.fail(`\`${t.image}\` is a reserved word and cannot be a chain name`);
      if (t.image.length > 256) cur.fail(`chain name is ${t.image.length} characters long; nft allows at most 256`);
      cur.next();
      target = { text: t.image, range: cur.ctx.itemRange(t) };
    }
  }
  return { type: 'NftVerdict', verdict: v, target, range: cur.rangeFrom(s) };
}

function parseSelectorStatement(cur: Cur): NftStatement {
  const s = cur.i;
  const left = parseLhs(cur);
  if (cur.is('set')) {
    if (left.type === 'NftPayload' && left.inner) cur.fail(`inner header fields (\`${left.inner} ${left.protocol} ${left.field}\`) cannot be set`);
    if (left.type === 'NftMeta' && left.key === 'ibrhwaddr') cur.fail('`meta ibrhwaddr` is read-only and cannot be set');
    if (left.type === 'NftRawPayload' || left.type === 'NftPayload' || left.type === 'NftMeta' || left.type === 'NftCt' || left.type === 'NftExthdr') {
      cur.next();
      if (cur.atEnd()) cur.fail('expected a value after `set`');
      const value = parseValue(cur, STMT_VALUE);
      return { type: 'NftMangle', target: left, value, range: cur.rangeFrom(s) };
    }
    cur.fail('this expression cannot be set');
  }
  if (left.type === 'NftCt' && (left.key === 'timeout' || left.key === 'expectation')) cur.fail(`expected \`set\` after \`ct ${left.key}\`, found ${cur.describe()}`);
  if (cur.is('vmap')) {
    cur.next();
    const m = cur.peek();
    if (!isBlock(m) && !cur.is('@') && cur.tokName() !== 'Variable') cur.fail(`expected \`{\` or \`@map\` after \`vmap\`, found ${cur.describe()}`);
    const map = isBlock(m) ? parseVmapBlock(cur) : parseValuePrimary(cur, {});
    return { type: 'NftVmap', key: left, map, range: cur.rangeFrom(s) };
  }
  let op: NftStatement extends never ? never : '==' | '!=' | '<' | '>' | '<=' | '>=' | 'implicit' = 'implicit';
  const o = RELOPS.get(cur.img());
  if (o && isTok(cur.peek())) {
    cur.next();
    op = o;
  } else if (cur.is('!')) {
    cur.next();
    op = '!=';
  }
  if (cur.atEnd()) cur.fail(`expected a value to compare with after \`${cur.ctx.text.slice(left.range.start, left.range.end)}\`, found ${cur.describe()}`);
  const w = word(cur);
  if (w !== null && (VERDICTS.has(w) || (STATEMENT_KEYWORDS.has(w) && RESERVED_WORDS.has(w) && !RHS_KEYWORD_VALUES.has(w)))) {
    cur.fail(`expected a value to compare with after \`${cur.ctx.text.slice(left.range.start, left.range.end)}\`, found ${cur.describe()}`);
  }
  const right = parseValue(cur, { selectors: false, sets: true, list: true, map: false });
  return { type: 'NftMatch', left, op, right, range: cur.rangeFrom(s) };
}

function parseVmapBlock(cur: Cur): NftExpr {
  const b = cur.next() as TBlock;
  const elements = parseElements(cur, b, { selectors: false });
  for (const e of elements) {
    if (!e.value) {
      cur.ctx.error(e.range, 'expected `: VERDICT` after a verdict map key');
      cur.fail('vmap');
    }
  }
  return { type: 'NftSetExpr', elements, range: cur.ctx.range(b.start, b.end) };
}

function parseCounter(cur: Cur): NftStatement {
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

function parseLimit(cur: Cur): NftStatement {
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

function parseQuota(cur: Cur): NftStatement {
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

function parseLog(cur: Cur): NftStatement {
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

function parseReject(cur: Cur): NftStatement {
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

function parseNat(cur: Cur): NftStatement {
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

function parseTproxy(cur: Cur): NftStatement {
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

function parseQueue(cur: Cur): NftStatement {
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

function parseDupFwd(cur: Cur): NftStatement {
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

function parseSynproxy(cur: Cur): NftStatement {
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

function parseMeter(cur: Cur): NftStatement {
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

function parseSetStatement(cur: Cur): NftStatement {
  const s = cur.i;
  cur.next();
  if (!cur.is('@')) cur.fail(`expected \`@set\` after \`${cur.img(-1)}\`, found ${cur.describe()}`);
  const ref = parseValuePrimary(cur, {});
  if (!isBlock(cur.peek())) cur.fail(`expected \`{ ELEMENT }\` after \`${cur.ctx.text.slice(ref.range.start, ref.range.end)}\`, found ${cur.describe()}`);
  const expr = parseSetLikeBlock(cur);
  const op = (cur.items[s] as IToken).image;
  return optionStmt(cur, s, 'set', [{ key: op, value: null, range: cur.ctx.itemRange(cur.items[s]!) }], ref, expr);
}

export { numberTok };
