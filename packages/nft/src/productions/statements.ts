// nft(8) STATEMENTS: the statement dispatcher, verdicts, matches (`EXPR [op] VALUE`), mangling
// (`EXPR set VALUE`), vmap, notrack, last, ct count, object references and rule comments. Statements
// with options (counter, limit, NAT, …) are in statement-options.ts.
import type { IToken } from 'chevrotain';
import type { NftExpr, NftMatch, NftOption, NftRule, NftStatement, NftVerdictKind } from '../ast.js';
import { RELOPS, RESERVED_WORDS, RHS_KEYWORD_VALUES, STATEMENT_KEYWORDS, VERDICTS } from '../keywords.js';
import { Cur, exact, isBlock, isTok, type TBlock } from '../tree.js';
import { isSelectorStart, parseElements, parseLhs, parseValue, parseValuePrimary, word } from './expressions.js';
import { parseComment } from './common.js';
import {
  STMT_VALUE, expectNum, opt, optionStmt, parseCounter, parseDupFwd, parseLimit, parseLog, parseMeter, parseNat, parseQueue,
  parseQuota, parseReject, parseSetStatement, parseSynproxy, parseTproxy, sym,
} from './statement-options.js';

/** Builds the statements of an anonymous chain (`jump { … }`); set by rules.ts to avoid a cycle. */
export const anonChain: { build: ((cur: Cur, b: TBlock) => NftRule[]) | null } = { build: null };

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
      comment = parseComment(cur);
      // nft's grammar: `rule : stmt_list [comment_spec]`
      if (!cur.atEnd()) cur.fail(`unexpected ${cur.describe()} after the rule's comment: nft takes \`comment "…"\` only at the end of a rule; move it there`);
      continue;
    }
    const st = parseStatement(cur);
    checkTunnelDependency(cur, st, statements);
    statements.push(st);
  }
  return { statements: exact(statements), comment };
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
  let op: NftMatch['op'] = 'implicit';
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

